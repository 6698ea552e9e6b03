import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Product: a.model({ sku: a.string().required() }).identifier(['skuu']),
//                                                             ^^^^^^ data-identifier-unknown-field Did you mean 'sku'?
  Order: a.model({ number: a.string().required() }).identifier(['orderNumber']),
//                                                              ^^^^^^^^^^^^^ data-identifier-unknown-field is not a field of Order. Declare it
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
