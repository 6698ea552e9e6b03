import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  ping: a.query().returns(a.string()).handler(a.handler.custom({ entry: './ping.js' }))
    .authorization((allow) => [allow.guest()]),
//                                   ^^^^^ data-custom-handler-auth identityPool-based auth
  pong: a.query().returns(a.string()).handler(a.handler.custom({ entry: './pong.js' }))
    .authorization((allow) => [allow.group('Admins', 'oidc')]),
//                                                   ^^^^^^ data-custom-handler-auth OIDC group auth
  stats: a.query().returns(a.string()).handler(a.handler.custom({ entry: './stats.js' })),
//^^^^^ data-custom-handler-auth inherited from the schema's rules
  Post: a.model({ title: a.string() }),
}).authorization((allow) => [allow.owner()]);
export const data = defineData({ schema });
