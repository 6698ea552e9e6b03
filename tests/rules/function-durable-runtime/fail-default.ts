//- package.json
{ "name": "app", "devDependencies": { "@aws-amplify/backend": "1.20.0" } }
//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { worker } from './functions/worker/resource';
defineBackend({ worker });
//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const worker = defineFunction({
  durableConfig: { executionTimeoutSeconds: 3600, retentionPeriodDays: 7 },
//^^^^^^^^^^^^^ function-durable-runtime default
});
//- amplify/functions/worker/handler.ts
export const handler = async () => 'ok';
