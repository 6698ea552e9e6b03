//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { worker } from './functions/worker/resource';
defineBackend({ worker });
//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const worker = defineFunction({
  schedule: ['every 59m', 'every 23h', '0 9 * * ?'],
});
//- amplify/functions/worker/handler.ts
export const handler = async () => 'ok';
