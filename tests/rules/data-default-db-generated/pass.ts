import { a, defineData, secret } from '@aws-amplify/backend';
import { configure } from '@aws-amplify/data-schema/internals';
const db = configure({ database: { engine: 'postgresql', connectionUri: secret('SQL_URL') } });
const schema = db.schema({
  posts: a.model({ id: a.integer().required().default(), title: a.string() }).identifier(['id']),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
