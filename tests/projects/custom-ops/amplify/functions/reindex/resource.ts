import { defineFunction } from '@aws-amplify/backend';

export const reindex = defineFunction({
  name: 'reindex',
  timeoutSeconds: 300,
});
