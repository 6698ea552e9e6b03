//- amplify/backend.ts
// A bucket and a function that backend.ts reaches but never deploys.
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { data } from './data/resource';
import { storage } from './storage/resource';
import { reportJob } from './functions/report-job/resource';

defineBackend({ auth, data });
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';

export const auth = defineAuth({ loginWith: { email: true } });
//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Todo: a.model({ content: a.string() }).authorization((allow) => [allow.owner()]),
});

export const data = defineData({ schema });
//- amplify/storage/resource.ts
import { defineStorage } from '@aws-amplify/backend';

export const storage = defineStorage({ name: 'photos' });
//                     ^^^^^^^^^^^^^ backend-resource-not-deployed is defined but not passed to defineBackend
//- amplify/functions/report-job/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const reportJob = defineFunction({ name: 'report-job' });
//                       ^^^^^^^^^^^^^^ backend-resource-not-deployed nor used by a deployed resource
