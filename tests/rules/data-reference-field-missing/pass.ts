import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ comments: a.hasMany('Comment', 'postId') }),
  Comment: a.model({ postId: a.id(), post: a.belongsTo('Post', 'postId') }),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
