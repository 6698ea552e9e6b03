//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { worker } from './functions/worker/resource';
defineBackend({ worker });
//- amplify/functions/worker/resource.ts
import { defineFunction, secret } from '@aws-amplify/backend';
export const worker = defineFunction({
  environment: { API_KEY: secret('stripe api key') },
//                               ^^^^^^^^^^^^^^^^ secret-invalid-name
});
//- amplify/functions/worker/handler.ts
export const handler = async () => 'ok';
