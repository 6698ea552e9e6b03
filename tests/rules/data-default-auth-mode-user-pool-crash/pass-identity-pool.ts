import { a, defineData } from '@aws-amplify/backend';
// Without auth, 'identityPool' is the always-present IAM mode: accepted.
const schema = a.schema({
  Post: a.model({ title: a.string() }).authorization((allow) => [allow.publicApiKey()]),
});
export const data = defineData({
  schema,
  authorizationModes: { defaultAuthorizationMode: 'identityPool', apiKeyAuthorizationMode: { expiresInDays: 30 } },
});
