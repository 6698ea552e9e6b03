import { a, defineData } from '@aws-amplify/backend';
const base = { title: a.string() };
const schema = a.schema({
  Post: a.model({ ...base, body: a.string() }),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
