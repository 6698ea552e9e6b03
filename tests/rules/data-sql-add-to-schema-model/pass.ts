import { a, defineData, secret } from '@aws-amplify/backend';
import { configure } from '@aws-amplify/data-schema/internals';
const db = configure({ database: { engine: 'postgresql', connectionUri: secret('SQL_URL') } });
const schema = db.schema({
  posts: a.model({ id: a.integer().required(), title: a.string() }).identifier(['id']),
}).addToSchema({
  Stats: a.customType({ total: a.integer() }),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
