import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string() }).authorization((allow) => [allow.publicApiKey(), allow.custom()]),
//                                                                     ^^^^^^^^^^^^ data-auth-provider-unconfigured 'apiKey'
//                                                                                           ^^^^^^ data-auth-provider-unconfigured 'function'
});
export const data = defineData({ schema, authorizationModes: { defaultAuthorizationMode: 'userPool' } });
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';
export const auth = defineAuth({ loginWith: { email: true }, groups: ['ADMINS', 'EDITORS'] });
//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { data } from './data/resource';
defineBackend({ auth, data });
