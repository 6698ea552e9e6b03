import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a
    .model({ secret: a.string().authorization((rule) => [rule.$0]) })
    .authorization((allow) => [allow.owner()]),
});
export const data = defineData({ schema });
