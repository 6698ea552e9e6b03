import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a.model({ title: a.string(), comments: a.hasMany('Com$0ment', 'postId') }),
  Comment: a.model({ postId: a.id(), post: a.belongsTo('Post', 'postId') }),
});
export const data = defineData({ schema });
