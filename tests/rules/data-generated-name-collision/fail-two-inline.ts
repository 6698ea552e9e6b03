import { a, defineData } from '@aws-amplify/backend';
// Two inline enums that both become the top-level type 'ABC': A + BC and AB + C.
const schema = a.schema({
  A: a.model({ bC: a.enum(['X']) }),
  AB: a.model({ c: a.enum(['Y']) }),
//              ^ data-generated-name-collision ABC
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
