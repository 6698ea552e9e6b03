import { defineFunction } from '@aws-amplify/backend';

export const adminActions = defineFunction({
  name: 'admin-actions',
  timeoutSeconds: 20,
});
