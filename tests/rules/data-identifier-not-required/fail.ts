import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Product: a.model({ sku: a.string() }).identifier(['sku']),
//                                                  ^^^^^ data-identifier-not-required
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
