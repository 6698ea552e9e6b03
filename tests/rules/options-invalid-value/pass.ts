//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { worker } from './functions/worker/resource';
defineBackend({ worker });
//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const worker = defineFunction({
  runtime: 22,
  architecture: 'arm64',
  logging: { format: 'json', level: 'debug', retention: '1 month' },
});
//- amplify/functions/worker/handler.ts
export const handler = async () => 'ok';
