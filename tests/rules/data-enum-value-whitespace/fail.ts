import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Status: a.enum(['in progress', 'DONE']),
//                ^^^^^^^^^^^^^ data-enum-value-whitespace
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
