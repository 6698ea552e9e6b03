import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a
    .model({ title: a.string() })
    .authorization((allow) => [allow.groups($0), allow.group('ADMINS')]),
});
export const data = defineData({ schema });
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';
export const auth = defineAuth({
  loginWith: { email: true },
  groups: ['ADMINS', 'EDITORS'],
});
//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { data } from './data/resource';
defineBackend({ auth, data });
