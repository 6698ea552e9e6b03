//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Todo: a.model({ title: a.string() }).authorization((allow) => [allow.publicApiKey()]),
});
export const data = defineData({
  schema,
  authorizationModes: {
    defaultAuthorizationMode: 'apiKey',
    apiKeyAuthorizationMode: { expiresInDays: 400 },
//                                            ^^^ options-out-of-range from 1 to 365
  },
});
