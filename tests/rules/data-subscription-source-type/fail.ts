import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Message: a.customType({ text: a.string() }),
  onMessage: a.subscription().for(a.ref('Message'))
//                                      ^^^^^^^^^ data-subscription-source-type
    .authorization((allow) => [allow.authenticated()]).handler(a.handler.custom({ entry: './on.js' })),
});
export const data = defineData({ schema });
