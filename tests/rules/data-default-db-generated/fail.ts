import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ seq: a.integer().default() }),
//                                 ^^^^^^^ data-default-db-generated only PostgreSQL
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
