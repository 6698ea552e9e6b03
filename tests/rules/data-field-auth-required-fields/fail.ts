import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Person: a.model({
    name: a.string().required(),
    ssn: a.string().required().authorization((allow) => [allow.owner()]),
//  ^^^ data-field-auth-required-fields allow.authenticated()
  }).authorization((allow) => [allow.owner(), allow.authenticated().to(['read'])]),
  Post: a.model({
    title: a.string().required(),
//  ^^^^^ data-field-auth-required-fields allow.publicApiKey()
    body: a.string().authorization((allow) => [allow.owner(), allow.publicApiKey().to(['read'])]),
  }).authorization((allow) => [allow.owner()]),
});
export const data = defineData({ schema });
