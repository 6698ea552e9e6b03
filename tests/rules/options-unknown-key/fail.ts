//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { worker } from './functions/worker/resource';
defineBackend({ worker });
//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const worker = defineFunction({
  name: 'worker',
  timeout: 30,
//^^^^^^^ options-unknown-key Did you mean 'timeoutSeconds'
  bundling: { minfy: true },
//            ^^^^^ options-unknown-key Did you mean 'minify'
});
//- amplify/functions/worker/handler.ts
export const handler = async () => 'ok';
