//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const worker = defineFunction({
  name: 'worker',
  timeout$0Seconds: 30,
});
//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { worker } from './functions/worker/resource';
defineBackend({ worker });
