import { defineFunction } from '@aws-amplify/backend';

export const weeklyReport = defineFunction({
  name: 'weekly-report',
  runtime: 22,
  architecture: 'x86_64',
  timeoutSeconds: 60,
  schedule: [
    { rate: 'every week', timezone: 'America/New_York' },
    { cron: '0 9 ? * 2 *', timezone: 'Europe/Paris' },
  ],
  logging: {
    format: 'text',
    retention: '1 week',
  },
  resourceGroupName: 'reports',
});
