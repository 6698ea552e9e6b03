import { a, defineData } from '@aws-amplify/backend';
declare const audit: any;
const schema = a.schema({
  save: a.mutation().returns(a.string()).authorization((allow) => [allow.authenticated()])
    .handler([a.handler.function('audit'), a.handler.custom({ entry: './save.js' })]),
//                                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ data-handler-kinds-mixed
});
export const data = defineData({ schema, functions: { audit } });
