import { defineFunction } from '@aws-amplify/backend';

export const processUpload = defineFunction({
  name: 'process-upload',
  timeoutSeconds: 60,
  memoryMB: 1024,
});
