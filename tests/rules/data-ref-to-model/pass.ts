import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Address: a.customType({ street: a.string() }),
  Customer: a.model({ name: a.string(), address: a.ref('Address') }),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
