//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { worker } from './functions/worker/resource';
defineBackend({ worker });
//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const worker = defineFunction({
  runtime: 20,
//         ^^ function-durable-runtime Current runtime is 20
  durableConfig: { executionTimeoutSeconds: 3600 },
});
