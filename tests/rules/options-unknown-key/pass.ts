//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { worker } from './functions/worker/resource';
defineBackend({ worker });
//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';
const shared = { timeoutSeconds: 30, team: 'payments' };
export const worker = defineFunction({
  ...shared,
  name: 'worker',
  bundling: { minify: false },
});
//- amplify/functions/worker/handler.ts
export const handler = async () => 'ok';
