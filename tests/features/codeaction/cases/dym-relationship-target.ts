import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a
    .model({
      title: a.string(),
      comments: a.hasMany('Coment$0', 'postId'),
    })
    .authorization((allow) => [allow.publicApiKey()]),
  Comment: a
    .model({
      postId: a.id(),
      post: a.belongsTo('Post', 'postId'),
    })
    .authorization((allow) => [allow.publicApiKey()]),
});

export const data = defineData({ schema });
