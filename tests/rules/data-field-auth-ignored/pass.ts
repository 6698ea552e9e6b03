import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Address: a.customType({ street: a.string() }),
  Person: a.model({
    name: a.string(),
    ssn: a.string().authorization((allow) => [allow.owner()]),
    address: a.ref('Address'),
  }),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
