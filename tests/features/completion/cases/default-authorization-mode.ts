import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({ Post: a.model({ title: a.string() }) });
export const data = defineData({
  schema,
  authorizationModes: { defaultAuthorizationMode: '$0' },
});
