//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { worker } from './functions/worker/resource';
defineBackend({ worker });
//- amplify/functions/worker/resource.ts
import { defineFunction, secret } from '@aws-amplify/backend';
export const worker = defineFunction({
  environment: { 'api-key': secret('API_KEY'), X: '1', '1ST': 'a' },
//               ^^^^^^^^^ function-env-key-invalid
//                                             ^ function-env-key-invalid
//                                                     ^^^^^ function-env-key-invalid
});
//- amplify/functions/worker/handler.ts
export const handler = async () => 'ok';
