import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Product: a.model({ sku: a.string().required() }).identifier(['sku']),
  Item: a.model({ key: a.id() }).identifier(['key']),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
