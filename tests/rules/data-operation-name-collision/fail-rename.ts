import { a, defineData, secret } from '@aws-amplify/backend';
import { configure } from '@aws-amplify/data-schema/internals';
// renameModels: the generated names come from the new names (Todo: getTodo, listTodos).
const db = configure({ database: { engine: 'postgresql', connectionUri: secret('SQL_URL') } });
const schema = db.schema({
  todo_items: a.model({ id: a.integer().required(), title: a.string() }).identifier(['id']),
}).renameModels(() => [['todo_items', 'Todo']]).addQueries({
  listTodos: a.query().returns(a.ref('Todo').array())
//^^^^^^^^^ data-operation-name-collision list query listTodos for model Todo
    .handler(a.handler.inlineSql('SELECT * FROM todo_items')),
  getTodo: a.query().arguments({ id: a.integer() }).returns(a.ref('Todo'))
//^^^^^^^ data-operation-name-collision an operation named getTodo for model Todo
    .handler(a.handler.inlineSql('SELECT * FROM todo_items WHERE id = :id')),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
