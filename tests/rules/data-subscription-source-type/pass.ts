import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Message: a.customType({ text: a.string() }),
  send: a.mutation().returns(a.ref('Message'))
    .authorization((allow) => [allow.authenticated()]).handler(a.handler.custom({ entry: './send.js' })),
  onMessage: a.subscription().for(a.ref('send'))
    .authorization((allow) => [allow.authenticated()]).handler(a.handler.custom({ entry: './on.js' })),
});
export const data = defineData({ schema });
