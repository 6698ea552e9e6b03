import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Status: a.enum(['IN_PROGRESS', 'DONE']),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
