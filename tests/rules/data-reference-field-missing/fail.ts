import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ comments: a.hasMany('Comment', 'postId') }),
//                                               ^^^^^^^^ data-reference-field-missing
  Comment: a.model({ post: a.belongsTo('Post', 'postId') }),
//                                             ^^^^^^^^ data-reference-field-missing
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
