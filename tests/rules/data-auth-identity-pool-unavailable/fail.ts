//- package.json
{ "name": "app", "devDependencies": { "@aws-amplify/backend": "1.25.1" } }
//- amplify/data/resource.ts
import { a, defineData, defineFunction } from '@aws-amplify/backend';
const echo = defineFunction({ name: 'echo', entry: './echo.ts' });
const schema = a.schema({
  Todo: a.model({ content: a.string() }).authorization((allow) => [allow.guest(), allow.publicApiKey()]),
//                                                                       ^^^^^ data-auth-identity-pool-unavailable allow.guest()
  Note: a.model({
    body: a.string(),
    secret: a.string().authorization((allow) => [allow.authenticated('identityPool')]),
//                                                                   ^^^^^^^^^^^^^^ data-auth-identity-pool-unavailable The role with name undefined
  }).authorization((allow) => [allow.publicApiKey()]),
  echo: a.query().arguments({ text: a.string() }).returns(a.string())
    .authorization((allow) => [allow.guest()])
//                                   ^^^^^ data-auth-identity-pool-unavailable
    .handler(a.handler.function(echo)),
});
export const data = defineData({
  schema,
  authorizationModes: { defaultAuthorizationMode: 'apiKey', apiKeyAuthorizationMode: { expiresInDays: 30 } },
});
//- amplify/data/echo.ts
export const handler = async () => 'echo';
