import { defineFunction } from '@aws-amplify/backend';

export const summarize = defineFunction({
  name: 'summarize',
  timeoutSeconds: 30,
});
