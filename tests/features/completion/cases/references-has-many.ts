import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a.model({ title: a.string(), comments: a.hasMany('Comment', '$0') }),
  Comment: a.model({
    body: a.string(),
    postId: a.id(),
    score: a.integer(),
    post: a.belongsTo('Post', 'postId'),
  }),
});
export const data = defineData({ schema });
