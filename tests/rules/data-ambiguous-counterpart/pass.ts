import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Person: a.model({
    authored: a.hasMany('Article', 'authorId'),
    edited: a.hasMany('Article', 'editorId'),
  }),
  Article: a.model({
    authorId: a.id(),
    editorId: a.id(),
    author: a.belongsTo('Person', 'authorId'),
    editor: a.belongsTo('Person', 'editorId'),
  }),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
