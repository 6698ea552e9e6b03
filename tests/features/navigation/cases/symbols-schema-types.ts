import { a, defineData } from '@aws-amplify/backend';
import { postModels } from './post';
import { Tag } from './tag';

const schema = a.schema({
  ...postModels,
  Tag,
  Status: a.enum(['DRAFT', 'LIVE']),
  Summary: a.customType({ words: a.integer() }),
  summarize: a
    .query()
    .arguments({ status: a.ref('Status') })
    .returns(a.ref('Summary'))
    .authorization((allow) => [allow.authenticated()])
    .handler(a.handler.custom({ entry: './summarize.js', dataSource: a.ref('Post') })),
  onPost: a
    .subscription()
    .for(a.ref('addPost'))
    .authorization((allow) => [allow.authenticated()])
    .handler(a.handler.custom({ entry: './publish.js' })),
  addPost: a
    .mutation()
    .returns(a.ref('Post'))
    .authorization((allow) => [allow.authenticated()])
    .handler(a.handler.custom({ entry: './publish.js', dataSource: a.ref('Post') })),
});

export const data = defineData({ schema });
//- amplify/data/post.ts
import { a } from '@aws-amplify/backend';

export const postModels = {
  Post: a
    .model({
      title: a.string(),
      status: a.ref('Status'),
      tags: a.hasMany('PostTag', 'postId'),
    })
    .authorization((allow) => [allow.owner()]),
  PostTag: a
    .model({
      postId: a.id().required(),
      tagId: a.id().required(),
      post: a.belongsTo('Post', 'postId'),
      tag: a.belongsTo('Tag', 'tagId'),
    })
    .identifier(['postId', 'tagId'])
    .authorization((allow) => [allow.owner()]),
};
//- amplify/data/tag.ts
import { a } from '@aws-amplify/backend';

export const Tag = a
  .model({
    label: a.string(),
    posts: a.hasMany('PostTag', 'tagId'),
  })
  .authorization((allow) => [allow.owner()]);
//- amplify/data/summarize.js
export function request() { return {}; }
export function response(ctx) { return ctx.result; }
