//- package.json
{ "name": "app", "private": true }
//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { worker } from './functions/worker/resource';
defineBackend({ worker });
//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const worker = defineFunction({ name: 'worker' });
//                    ^^^^^^^^^^^^^^ function-entry-not-found handler.ts
//- amplify/functions/worker/index.ts
export const handler = async () => 'ok';
