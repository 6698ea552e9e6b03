import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Person: a.model({ authored: a.hasMany('Article', 'authorId') }),
//                  ^^^^^^^^ data-ambiguous-counterpart
  Article: a.model({
    authorId: a.id(),
    author: a.belongsTo('Person', 'authorId'),
    writer: a.belongsTo('Person', 'authorId'),
  }),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
