//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { worker } from './functions/worker/resource';
import { reporter } from './functions/reporter/resource';
defineBackend({ worker, reporter });
//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const worker = defineFunction({
  logging: { format: 'json', level: 'debug' },
});
//- amplify/functions/reporter/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const reporter = defineFunction({
  logging: { format: 'text', retention: '1 week' },
});
