import { a, defineData } from '@aws-amplify/backend';
declare const helloFn: any;
const schema = a.schema({
  hello: a.query().returns(a.string()).authorization((allow) => [allow.authenticated()])
    .handler(a.handler.function(helloFn)),
  bye: a.query().returns(a.string()).authorization((allow) => [allow.authenticated()])
    .handler(a.handler.function('helloFn')),
});
export const data = defineData({ schema, functions: { helloFn } });
