import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Product: a.model({ sku: a.string().required() }).identifier(['skuu']),
//                                                             ^^^^^^ data-identifier-unknown-field
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
