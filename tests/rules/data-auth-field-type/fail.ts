import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({
    owner: a.integer(),
//  ^^^^^ data-auth-field-type must be one string
    editors: a.string(),
//  ^^^^^^^ data-auth-field-type must be a list of strings
  }).authorization((allow) => [allow.owner(), allow.ownersDefinedIn('editors')]),
});
export const data = defineData({ schema });
