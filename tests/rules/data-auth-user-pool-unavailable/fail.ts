//- package.json
{ "name": "app", "devDependencies": { "@aws-amplify/backend": "1.25.1" } }
//- amplify/data/resource.ts
import { a, defineData, defineFunction } from '@aws-amplify/backend';
const echo = defineFunction({ name: 'echo', entry: './echo.ts' });
const schema = a.schema({
  Todo: a.model({ content: a.string() }).authorization((allow) => [allow.owner(), allow.publicApiKey()]),
//                                                                       ^^^^^ data-auth-user-pool-unavailable allow.owner()
  Note: a.model({
    body: a.string(),
    secret: a.string().authorization((allow) => [allow.authenticated('userPools')]),
//                                                                   ^^^^^^^^^^^ data-auth-user-pool-unavailable
  }).authorization((allow) => [allow.publicApiKey(), allow.groups(['ADMINS']).to(['read'])]),
//                                                         ^^^^^^ data-auth-user-pool-unavailable
  Post: a.model({ title: a.string() }),
  echo: a.query().arguments({ text: a.string() }).returns(a.string())
    .authorization((allow) => [allow.authenticated()])
//                                   ^^^^^^^^^^^^^ data-auth-user-pool-unavailable
    .handler(a.handler.function(echo)),
}).authorization((allow) => [allow.publicApiKey(), allow.ownerDefinedIn('author')]);
//                                                       ^^^^^^^^^^^^^^ data-auth-user-pool-unavailable
export const data = defineData({ schema });
//- amplify/data/echo.ts
export const handler = async () => 'echo';
