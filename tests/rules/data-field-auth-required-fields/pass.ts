import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Person: a.model({
    name: a.string().required(),
    ssn: a.string().authorization((allow) => [allow.owner()]),
    email: a.email().required().authorization((allow) => [allow.owner(), allow.authenticated().to(['read'])]),
  }).authorization((allow) => [allow.owner(), allow.authenticated().to(['read'])]),
  Note: a.model({
    body: a.string().required().authorization((allow) => [allow.authenticated()]),
  }).authorization((allow) => [allow.owner(), allow.authenticated()]),
});
export const data = defineData({ schema });
