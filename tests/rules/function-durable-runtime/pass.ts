//- package.json
{ "name": "app", "devDependencies": { "@aws-amplify/backend": "1.25.1" } }
//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { worker } from './functions/worker/resource';
import { legacy } from './functions/legacy/resource';
import { latest } from './functions/latest/resource';
defineBackend({ worker, legacy, latest });
//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const worker = defineFunction({
  durableConfig: { executionTimeoutSeconds: 3600 },
});
//- amplify/functions/worker/handler.ts
export const handler = async () => 'ok';
//- amplify/functions/legacy/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const legacy = defineFunction({ runtime: 18 });
//- amplify/functions/legacy/handler.ts
export const handler = async () => 'ok';
//- amplify/functions/latest/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const latest = defineFunction({ runtime: 24, durableConfig: { executionTimeoutSeconds: 60 } });
//- amplify/functions/latest/handler.ts
export const handler = async () => 'ok';
