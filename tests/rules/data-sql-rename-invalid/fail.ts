import { a, defineData, secret } from '@aws-amplify/backend';
import { configure } from '@aws-amplify/data-schema/internals';
const db = configure({ database: { engine: 'postgresql', connectionUri: secret('SQL_URL') } });
const schema = db.schema({
  todos: a.model({ id: a.integer().required(), title: a.string() }).identifier(['id']),
  notes: a.model({ id: a.integer().required(), body: a.string() }).identifier(['id']),
}).renameModels(() => [['todo', 'Todo'], ['notes', '']]).authorization((allow) => [allow.authenticated()]);
//                      ^^^^^^ data-sql-rename-invalid Did you mean 'todos'?
//                                                 ^^ data-sql-rename-invalid non-empty string
export const data = defineData({ schema });
