import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  ping: a.query().returns(a.string()).handler(a.handler.custom({ entry: './ping.js' }))
    .authorization((allow) => [allow.publicApiKey(), allow.authenticated('oidc')]),
  pong: a.query().returns(a.string()).handler(a.handler.custom({ entry: './pong.js' }))
    .authorization((allow) => [allow.group('Admins')]),
  Post: a.model({ title: a.string() }),
}).authorization((allow) => [allow.owner()]);
export const data = defineData({ schema });
