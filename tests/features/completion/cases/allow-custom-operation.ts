import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  echo: a
    .query()
    .returns(a.string())
    .authorization((allow) => [allow.$0]),
});
export const data = defineData({ schema });
