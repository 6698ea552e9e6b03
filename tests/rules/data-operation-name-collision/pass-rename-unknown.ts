import { a, defineData, secret } from '@aws-amplify/backend';
import { configure } from '@aws-amplify/data-schema/internals';
// The new name is not known here, so neither are the generated names: no guess.
const db = configure({ database: { engine: 'postgresql', connectionUri: secret('SQL_URL') } });
const modelName = ['To', 'do'].join('');
const schema = db.schema({
  todo_items: a.model({ id: a.integer().required(), title: a.string() }).identifier(['id']),
}).renameModels(() => [['todo_items', modelName]]).addQueries({
  getTodo_items: a.query().arguments({ id: a.integer() }).returns(a.string())
    .handler(a.handler.inlineSql('SELECT * FROM todo_items WHERE id = :id')),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
