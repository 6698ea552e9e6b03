import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Level: a.enum(['LOW']),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
