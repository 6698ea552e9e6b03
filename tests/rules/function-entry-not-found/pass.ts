//- package.json
{ "name": "app", "private": true }
//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { worker } from './functions/worker/resource';
defineBackend({ worker });
//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const worker = defineFunction({
  entry: '../worker/./src/main.ts',
});
//- amplify/functions/worker/src/main.ts
export const handler = async () => 'ok';
