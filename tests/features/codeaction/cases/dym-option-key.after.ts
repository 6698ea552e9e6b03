//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const worker = defineFunction({
  name: 'worker',
  timeoutSeconds: 60,
});
