import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a
    .model({ title: a.string() })
    .authorization((allow) => [allow.groups(['ADMINS', '$0'])]),
});
export const data = defineData({ schema });
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';
export const auth = defineAuth({
  loginWith: { email: true },
  groups: ['ADMINS', 'EDITORS', 'VIEWERS'],
});
//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { data } from './data/resource';
defineBackend({ auth, data });
