import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ comments: a.hasMany('Comment', 'postId') }),
  Comment: a.model({ postId: a.id(), post: a.belongsTo('Post', 'postId') }),
  Employee: a.model({ managerId: a.id(), manager: a.belongsTo('Employee', 'managerId'), reports: a.hasMany('Employee', 'managerId') }),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
