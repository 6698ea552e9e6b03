import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Product: a.model({ sku: a.string().required() }).identifier(['sku']),
  Item: a.model({ name: a.string() }).identifier(['id']),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
