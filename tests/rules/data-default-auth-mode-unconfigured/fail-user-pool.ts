import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string() }).authorization((allow) => [allow.publicApiKey()]),
//                                                                     ^^^^^^^^^^^^ data-auth-provider-unconfigured
});
export const data = defineData({ schema, authorizationModes: { defaultAuthorizationMode: 'userPool' } });
//                                                                                       ^^^^^^^^^^ data-default-auth-mode-unconfigured silently makes IAM the default
