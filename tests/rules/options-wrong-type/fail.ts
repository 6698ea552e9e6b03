//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { worker } from './functions/worker/resource';
defineBackend({ worker });
//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const worker = defineFunction({
  timeoutSeconds: '30',
//                ^^^^ options-wrong-type whole number
  environment: { RETRIES: 3 },
//                        ^ options-wrong-type
});
//- amplify/functions/worker/handler.ts
export const handler = async () => 'ok';
