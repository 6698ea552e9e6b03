import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a
    .model({ title: a.string() })
    .authorization((allow) => [allow.owner().to($0)]),
});
export const data = defineData({ schema });
