//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { worker } from './functions/worker/resource';
defineBackend({ worker });
//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const worker = defineFunction({
  timeoutSeconds: 1000,
//                ^^^^ options-out-of-range from 1 to 900
  memoryMB: 1.5,
//          ^^^ options-out-of-range whole numbers
});
//- amplify/functions/worker/handler.ts
export const handler = async () => 'ok';
