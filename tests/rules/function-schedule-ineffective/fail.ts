//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { worker } from './functions/worker/resource';
defineBackend({ worker });
//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const worker = defineFunction({
  schedule: ['every 90m', 'every 30h', '0 9 ? * ?'],
//           ^^^^^^^^^^^ function-schedule-ineffective at most once an hour
//                        ^^^^^^^^^^^ function-schedule-ineffective at most once a day
//                                     ^^^^^^^^^^^ function-schedule-ineffective names no day
});
//- amplify/functions/worker/handler.ts
export const handler = async () => 'ok';
