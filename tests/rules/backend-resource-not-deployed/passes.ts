//- amplify/backend.ts
// Functions deployed through their owner: an auth trigger, a storage
// trigger, a data handler and a schema-level grantee need not be keys.
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { data } from './data/resource';
import { storage } from './storage/resource';

defineBackend({ auth, data, storage });
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';
import { preSignUp } from './pre-sign-up/resource';

export const auth = defineAuth({ loginWith: { email: true }, triggers: { preSignUp } });
//- amplify/auth/pre-sign-up/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const preSignUp = defineFunction({ name: 'pre-sign-up', resourceGroupName: 'auth' });
//- amplify/storage/resource.ts
import { defineStorage, defineFunction } from '@aws-amplify/backend';

export const storage = defineStorage({
  name: 'photos',
  triggers: { onUpload: defineFunction({ name: 'on-upload', entry: './on-upload.ts' }) },
});
//- amplify/data/resource.ts
import { a, defineData, defineFunction } from '@aws-amplify/backend';

const echo = defineFunction({ name: 'echo', entry: './echo.ts' });
const syncJob = defineFunction({ name: 'sync-job', entry: './sync.ts' });

const schema = a
  .schema({
    Todo: a.model({ content: a.string() }).authorization((allow) => [allow.owner()]),
    echo: a
      .query()
      .arguments({ content: a.string() })
      .returns(a.string())
      .handler(a.handler.function(echo))
      .authorization((allow) => [allow.authenticated()]),
  })
  .authorization((allow) => [allow.resource(syncJob)]);

export const data = defineData({ schema });
