import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string() })
    .authorization((allow) => [allow.ownerDefinedIn('editor'), allow.ownersDefinedIn('editor')]),
//                                                                                   ^^^^^^^^ data-auth-field-conflict
});
export const data = defineData({ schema });
