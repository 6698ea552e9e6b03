import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Todo$0: a
    .model({ content: a.string() })
    .authorization((rule) => [
      // nothing yet
    ]),
});

export const data = defineData({
  schema,
  authorizationModes: { defaultAuthorizationMode: 'identityPool' },
});
