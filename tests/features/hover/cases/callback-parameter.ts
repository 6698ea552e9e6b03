import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a.model({ title: a.string() }).authorization((rules) => [r$0ules.owner()]),
});
export const data = defineData({ schema });
