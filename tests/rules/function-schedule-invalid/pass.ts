//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { worker } from './functions/worker/resource';
defineBackend({ worker });
//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const worker = defineFunction({
  timeoutSeconds: 60,
  schedule: [
    'every 5m',
    'every 2h',
    'every day',
    '0 9 ? * 2',
    '*/15 8-18 ? * 2-6 *',
    '0 0,12 1 1/3 ? 2030',
    { rate: 'every week', timezone: 'America/New_York' },
    { cron: '30 6 ? * 1', timezone: 'Europe/Paris' },
  ],
});
//- amplify/functions/worker/handler.ts
export const handler = async () => 'ok';
