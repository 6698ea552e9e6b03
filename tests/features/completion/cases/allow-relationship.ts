import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a
    .model({
      comments: a.hasMany('Comment', 'postId').authorization((allow) => allow.$0),
    })
    .authorization((allow) => [allow.owner()]),
  Comment: a.model({ postId: a.id(), post: a.belongsTo('Post', 'postId') }),
});
export const data = defineData({ schema });
