//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { data } from './data/resource';

defineBackend({ auth, data });
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';

export const auth = defineAuth({ loginWith: { email: true }, groups: ['ADMINS', 'EDITORS'] });
//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Todo: a
    .model({ content: a.string() })
    .authorization((allow) => [allow.owner(), allow.group('ADMIN$0')]),
});

export const data = defineData({ schema });
