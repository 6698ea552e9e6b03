import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({
    draft: a.boolean().validate((v) => v.gt(0)),
//                     ^^^^^^^^ data-validate-invalid has no validation rules
    title: a.string().validate((v) => v.gt(3)),
//                                      ^^ data-validate-invalid minLength
  }),
  find: a.query().arguments({ q: a.string().validate((v) => v.minLength(2)) }).returns(a.string())
//                                          ^^^^^^^^ data-validate-invalid ARGUMENT_DEFINITION
    .handler(a.handler.custom({ entry: './find.js' })),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
