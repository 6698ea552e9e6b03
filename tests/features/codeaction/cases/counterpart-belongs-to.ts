import { a, defineData } from '@aws-amplify/backend';

const schema = a
  .schema({
    Post: a.model({
      title: a.string(),
      comments$0: a.hasMany('Comment', 'postId'),
    }),
    Comment: a.model({
      body: a.string(),
    }),
  })
  .authorization((allow) => [allow.publicApiKey()]);

export const data = defineData({ schema });
