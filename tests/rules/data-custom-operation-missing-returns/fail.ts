import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  ping: a.query().handler(a.handler.custom({ entry: './ping.js' })),
//^^^^ data-custom-operation-missing-returns
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
