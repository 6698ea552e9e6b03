import { defineFunction } from '@aws-amplify/backend';

export const report = defineFunction({
  name: 'report',
  timeoutSeconds: 60,
});
