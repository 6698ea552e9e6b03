import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  sayHello: a.query().returns(a.string()).handler(a.handler.custom({ entry: './hello.js' })),
//^^^^^^^^ data-custom-operation-auth-handler
  ping: a.query().returns(a.string()).authorization((allow) => [allow.guest()]),
//^^^^ data-custom-operation-auth-handler
});
export const data = defineData({ schema });
