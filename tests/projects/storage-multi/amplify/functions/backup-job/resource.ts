import { defineFunction } from '@aws-amplify/backend';

export const backupJob = defineFunction({
  name: 'backup-job',
  schedule: 'every day',
  timeoutSeconds: 900,
});
