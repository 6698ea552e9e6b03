import { a, defineData, secret } from '@aws-amplify/backend';
import { configure } from '@aws-amplify/data-schema/internals';
const db = configure({ database: { engine: 'postgresql', connectionUri: secret('SQL_URL') } });
const schema = db.schema({
  todos: a.model({ id: a.integer().required(), title: a.string() }).identifier(['id']),
}).renameModels(() => [['todos', 'Todo']]).authorization((allow) => [allow.authenticated()]);
export const{ configure } from '@aws-amplify/data-schema/internals';
const db = configure({ database: { engine: 'postgresql', connectionUri: secret('SQL_URL') } });
const schema = db.schema({
  todos: a.model({ id: a.integer().required(), title: a.string() }).identifier([' data = defineData({ schema });
