import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({
    views: a.integer().default('many'),
//                             ^^^^^^ data-default-invalid is not a valid Int
    tags: a.string().array().default('news'),
//                           ^^^^^^^ data-default-invalid is a list
    publishedOn: a.date().default('31/01/2024'),
//                                ^^^^^^^^^^^^ data-default-invalid is not a valid AWSDate
    motto: a.string().default('say "hi"'),
//                            ^^^^^^^^^^ data-default-invalid does not parse
  }),
  Address: a.customType({ country: a.string().default('FR') }),
//                                            ^^^^^^^ data-default-invalid annotated with @model
  find: a.query().arguments({ limit: a.integer().default(10) }).returns(a.string())
//                                               ^^^^^^^ data-default-invalid ARGUMENT_DEFINITION
    .handler(a.handler.custom({ entry: './find.js' })),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
