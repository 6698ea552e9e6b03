//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { data } from './data/resource';
import { storage } from './storage/resource';

defineBackend({ data, $0 });
//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';
import { report } from '../functions/report/resource';
export const data = defineData({
  schema: a.schema({ run: a.query().returns(a.string()).handler(a.handler.function(report)) }),
});
//- amplify/storage/resource.ts
import { defineStorage } from '@aws-amplify/backend';
export const storage = defineStorage({ name: 'files' });
//- amplify/functions/report/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const report = defineFunction({ name: 'report' });
