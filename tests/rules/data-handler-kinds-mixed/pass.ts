import { a, defineData } from '@aws-amplify/backend';
declare const audit: any;
const schema = a.schema({
  save: a.mutation().returns(a.string()).authorization((allow) => [allow.authenticated()])
    .handler([a.handler.function('audit'), a.handler.function('audit').async()]),
  load: a.query().returns(a.string()).authorization((allow) => [allow.authenticated()])
    .handler([a.handler.custom({ entry: './a.js' }), a.handler.custom({ entry: './b.js' })]),
});
export const data = defineData({ schema, functions: { audit } });
