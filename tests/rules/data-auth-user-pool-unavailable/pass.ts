import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Todo: a.model({ content: a.string() }).authorization((allow) => [allow.owner(), allow.guest().to(['read'])]),
  Note: a.model({ body: a.string() }).authorization((allow) => [allow.authenticated(), allow.guest()]),
});
export const data = defineData({ schema });
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';
export const auth = defineAuth({ loginWith: { email: true } });
//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { data } from './data/resource';
defineBackend({ auth, data });
