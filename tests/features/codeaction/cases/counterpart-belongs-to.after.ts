//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';

const schema = a
  .schema({
    Post: a.model({
      title: a.string(),
      comments: a.hasMany('Comment', 'postId'),
    }),
    Comment: a.model({
      body: a.string(),
      postId: a.id(),
      post: a.belongsTo('Post', 'postId'),
    }),
  })
  .authorization((allow) => [allow.publicApiKey()]);

export const data = defineData({ schema });
