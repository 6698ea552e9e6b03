//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { worker } from './functions/worker/resource';
defineBackend({ worker });
//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const worker = defineFunction({
  schedule: { cron: '60 25 ? * 2', timezone: 'Europe/Paris' },
//                  ^^^^^^^^^^^^^ function-schedule-invalid minutes
});
//- amplify/functions/worker/handler.ts
export const handler = async () => 'ok';
