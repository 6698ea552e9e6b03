//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { worker } from './functions/worker/resource';
defineBackend({ worker });
//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const worker = defineFunction({
  runtime: 16,
//         ^^ options-invalid-value 18, 20, 22, 24
  architecture: 'arm',
//              ^^^^^ options-invalid-value Did you mean 'arm64'
  logging: { format: 'json', level: 'verbose' },
//                                  ^^^^^^^^^ options-invalid-value
});
//- amplify/functions/worker/handler.ts
export const handler = async () => 'ok';
