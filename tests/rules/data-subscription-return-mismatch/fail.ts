import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  ping: a.mutation().returns(a.string())
    .authorization((allow) => [allow.authenticated()]).handler(a.handler.custom({ entry: './ping.js' })),
  pong: a.mutation().returns(a.string())
    .authorization((allow) => [allow.authenticated()]).handler(a.handler.custom({ entry: './pong.js' })),
  onAny: a.subscription().for([a.ref('ping'), a.ref('pong')])
//                                                  ^^^^^^ data-subscription-return-mismatch
    .authorization((allow) => [allow.authenticated()]).handler(a.handler.custom({ entry: './on.js' })),
});
export const data = defineData({ schema });
