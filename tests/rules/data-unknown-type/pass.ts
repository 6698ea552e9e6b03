import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ comments: a.hasMany('Comment', 'postId') }),
  Comment: a.model({ postId: a.id(), post: a.belongsTo('Post', 'postId') }),
  Kind: a.enum(['A', 'B']),
  Tag: a.model({ kind: a.ref('Kind') }),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
