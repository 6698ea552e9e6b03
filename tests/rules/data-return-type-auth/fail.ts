import { a, defineData } from '@aws-amplify/backend';
declare const statsFn: any;
const schema = a.schema({
  Stats: a.customType({ total: a.integer() }),
  stats: a.query().returns(a.ref('Stats')).handler(a.handler.function('statsFn')),
//^^^^^ data-return-type-auth Unsupported auth strategy for custom handlers: owner
  report: a.query().returns(a.customType({ total: a.integer() })).handler(a.handler.function('statsFn'))
    .authorization((allow) => [allow.group('Auditors', 'oidc')]),
//                                                     ^^^^^^ data-return-type-auth Unsupported provider for custom handlers: oidc
  Post: a.model({ title: a.string() }),
}).authorization((allow) => [allow.owner()]);
export const data = defineData({
  schema,
  functions: { statsFn },
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
