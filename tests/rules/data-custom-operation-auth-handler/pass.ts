import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  sayHello: a.query().returns(a.string()).handler(a.handler.custom({ entry: './hello.js' })).authorization((allow) => [allow.publicApiKey()]),
  bare: a.query().returns(a.string()),
});
export const data = defineData({ schema });
