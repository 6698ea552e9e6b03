import { a, defineData } from '@aws-amplify/backend';
declare const sayHello: any;
const schema = a.schema({
  hello: a.query().returns(a.string()).authorization((allow) => [allow.authenticated()])
    .handler(a.handler.function('sayHelo')),
//                              ^^^^^^^^^ data-handler-function-unknown-name Did you mean 'sayHello'?
});
export const data = defineData({ schema, functions: { sayHello } });
