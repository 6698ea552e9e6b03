import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  hello: a.query().returns(a.string()).authorization((allow) => [allow.authenticated()])
    .handler(a.handler.function({ name: 'hello' })),
//                              ^^^^^^^^^^^^^^^^^ data-handler-function-invalid an object without getInstance
  bye: a.query().returns(a.string()).authorization((allow) => [allow.authenticated()])
    .handler(a.handler.function(a.string())),
//                              ^^^^^^^^^^ data-handler-function-invalid another builder's value
});
export const data = defineData({ schema });
