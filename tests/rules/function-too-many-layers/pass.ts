//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { worker } from './functions/worker/resource';
defineBackend({ worker });
//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const worker = defineFunction({
  layers: { a: 'a:1', b: 'b:1', c: 'c:1', d: 'd:1', e: 'e:1', again: 'e:1' },
});
//- amplify/functions/worker/handler.ts
export const handler = async () => 'ok';
