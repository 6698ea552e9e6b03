import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Counts: a.customType({ likes: a.integer() }),
  Status: a.enum(['DRAFT', 'LIVE']),
  Post: a.model({ counts: a.ref('Counts'), status: a.ref('Status') }),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
