import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Log: a.model({ line: a.string() }).disableOperations(['mutations', 'onCreate', 'list']),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
