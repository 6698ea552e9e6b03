import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ comments: a.hasMany('Coment', 'postId') }),
//                                    ^^^^^^^^ data-unknown-type
  Comment: a.model({ postId: a.id(), post: a.belongsTo('Post', 'postId') }),
  Tag: a.model({ kind: a.ref('Kind') }),
//                           ^^^^^^ data-unknown-type
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
