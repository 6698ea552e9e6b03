import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Address: a.customType({
    street: a.string().authorization((allow) => [allow.owner()]),
//                     ^^^^^^^^^^^^^ data-field-auth-ignored
  }),
  Person: a.model({ name: a.string(), address: a.ref('Address') }),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
