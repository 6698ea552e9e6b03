//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { worker } from './functions/worker/resource';
defineBackend({ worker });
//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const worker = defineFunction({
  timeoutSeconds: 120,
  schedule: [
    'every 5 minutes',
//  ^^^^^^^^^^^^^^^^^ function-schedule-invalid 'every 5m'
    '0 9 * * *',
//  ^^^^^^^^^^^ function-schedule-invalid '0 9 * * ?'
    '0 9 ? * MON',
//  ^^^^^^^^^^^^^ function-schedule-invalid day-of-week
    '0 9 * *',
//  ^^^^^^^^^ function-schedule-invalid 4 fields
    'every 1m',
//  ^^^^^^^^^^ function-schedule-invalid timeout
    'every 1.5h',
//  ^^^^^^^^^^^^ function-schedule-invalid positive whole number
  ],
});
//- amplify/functions/worker/handler.ts
export const handler = async () => 'ok';
