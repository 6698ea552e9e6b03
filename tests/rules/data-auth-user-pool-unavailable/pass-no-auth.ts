//- package.json
{ "name": "app", "devDependencies": { "@aws-amplify/backend": "1.25.1" } }
//- amplify/data/resource.ts
import { a, defineData, defineFunction } from '@aws-amplify/backend';
const authorizer = defineFunction({ name: 'authorizer', entry: './authorizer.ts' });
const schema = a.schema({
  Todo: a.model({ content: a.string() }).authorization((allow) => [allow.publicApiKey()]),
  Note: a.model({ body: a.string() }).authorization((allow) => [allow.owner('oidc'), allow.custom()]),
});
export const data = defineData({
  schema,
  authorizationModes: {
    defaultAuthorizationMode: 'apiKey',
    apiKeyAuthorizationMode: { expiresInDays: 30 },
    lambdaAuthorizationMode: { function: authorizer },
    oidcAuthorizationMode: {
      oidcProviderName: 'idp',
      oidcIssuerUrl: 'https://idp.example.com',
      tokenExpiryFromAuthInSeconds: 300,
      tokenExpireFromIssueInSeconds: 600,
    },
  },
});
//- amplify/data/authorizer.ts
export const handler = async () => ({ isAuthorized: true });
