import { a, defineData, secret } from '@aws-amplify/backend';
import { configure } from '@aws-amplify/data-schema/internals';
// After renameModels the model is Todo: names made from its table name are free.
const db = configure({ database: { engine: 'postgresql', connectionUri: secret('SQL_URL') } });
const schema = db.schema({
  todo_items: a.model({ id: a.integer().required(), title: a.string() }).identifier(['id']),
}).renameModels(() => [['todo_items', 'Todo']]).addQueries({
  listTodo_items: a.query().returns(a.ref('Todo').array())
    .handler(a.handler.inlineSql('SELECT * FROM todo_items')),
  getTodo_items: a.query().arguments({ id: a.integer() }).returns(a.ref('Todo'))
    .handler(a.handler.inlineSql('SELECT * FROM todo_items WHERE id = :id')),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
