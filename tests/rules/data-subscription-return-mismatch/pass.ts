import { a, defineData } from '@aws-amplify/backend';
const reply = a.string();
const schema = a.schema({
  ping: a.mutation().returns(reply)
    .authorization((allow) => [allow.authenticated()]).handler(a.handler.custom({ entry: './ping.js' })),
  pong: a.mutation().returns(reply)
    .authorization((allow) => [allow.authenticated()]).handler(a.handler.custom({ entry: './pong.js' })),
  onAny: a.subscription().for([a.ref('ping'), a.ref('pong')])
    .authorization((allow) => [allow.authenticated()]).handler(a.handler.custom({ entry: './on.js' })),
});
export const data = defineData({ schema });
