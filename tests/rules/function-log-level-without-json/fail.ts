//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { worker } from './functions/worker/resource';
import { reporter } from './functions/reporter/resource';
defineBackend({ worker, reporter });
//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const worker = defineFunction({
  logging: { format: 'text', level: 'debug' },
//                           ^^^^^ function-log-level-without-json got 'Text'
});
//- amplify/functions/reporter/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const reporter = defineFunction({
  logging: { level: 'warn', retention: '1 week' },
//           ^^^^^ function-log-level-without-json got 'undefined'
});
