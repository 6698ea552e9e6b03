import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string() })
    .authorization((allow) => [allow.groups(['ADMINS', 'EDITORS']), allow.group('staff', 'oidc')]),
});
export const data = defineData({
  schema,
  authorizationModes: {
    defaultAuthorizationMode: 'userPool',
    oidcAuthorizationMode: { oidcProviderName: 'idp', oidcIssuerUrl: 'https://idp.example.com', tokenExpiryFromAuthInSeconds: 300, tokenExpireFromIssueInSeconds: 600 },
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
