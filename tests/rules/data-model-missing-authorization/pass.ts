import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Todo: a.model({ content: a.string() }).authorization((allow) => [allow.owner()]),
  Note: a.model({ text: a.string() }),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
