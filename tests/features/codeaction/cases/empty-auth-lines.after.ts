//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Todo: a
    .model({ content: a.string() })
    .authorization((rule) => [
      rule.authenticated('identityPool'),
      // nothing yet
    ]),
});

export const data = defineData({
  schema,
  authorizationModes: { defaultAuthorizationMode: 'identityPool' },
});
