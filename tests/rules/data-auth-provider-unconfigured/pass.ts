import { a, defineData } from '@aws-amplify/backend';
declare const authorizer: any;
const schema = a.schema({
  Post: a.model({ title: a.string() }).authorization((allow) => [allow.publicApiKey(), allow.custom()]),
});
export const data = defineData({
  schema,
  authorizationModes: {
    defaultAuthorizationMode: 'userPool',
    apiKeyAuthorizationMode: { expiresInDays: 30 },
    lambdaAuthorizationMode: { function: authorizer },
  },
});
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';
export const auth = defineAuth({ loginWith: { email: true }, groups: ['ADMINS', 'EDITORS'] });
//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { data } from './data/resource';
defineBackend({ auth, data });
