import { type ClientSchema, a, defineData } from '@aws-amplify/backend';
import { wordCount } from '../functions/word-count/resource';

const schema = a.schema({
  Post: a
    .model({
      title: a.string().required(),
      body: a.string(),
      published: a.boolean().default(false),
      tags: a.string().array(),
      comments: a.hasMany('Comment', 'postId'),
    })
    .authorization((allow) => [
      allow.owner(),
      allow.group('ADMINS'),
      allow.guest().to(['read']),
      allow.authenticated().to(['read']),
    ]),

  Comment: a
    .model({
      content: a.string().required(),
      postId: a.id(),
      post: a.belongsTo('Post', 'postId'),
    })
    .authorization((allow) => [
      allow.owner(),
      allow.guest().to(['read']),
      allow.authenticated().to(['read']),
    ]),

  countWords: a
    .query()
    .arguments({ text: a.string().required() })
    .returns(a.integer())
    .authorization((allow) => [allow.guest(), allow.authenticated()])
    .handler(a.handler.function(wordCount)),
});

export type Schema = ClientSchema<typeof schema>;

export const data = defineData({
  schema,
  authorizationModes: {
    defaultAuthorizationMode: 'userPool',
  },
});
