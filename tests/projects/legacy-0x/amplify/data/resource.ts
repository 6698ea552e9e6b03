import { type ClientSchema, a, defineData } from '@aws-amplify/backend';
import { echo } from '../functions/echo/resource';

/*
 * Written against the 0.x preview API (backend 0.12, data-schema 0.12):
 * rules are arrays of `a.allow.*` (public, private, owner, specificGroup, ...),
 * relationships take only the related model name, many-to-many uses
 * a.manyToMany(..., { relationName }), and custom operations name their
 * function with .function('<key of defineData functions>').
 */
const schema = a.schema({
  Post: a
    .model({
      title: a.string().required(),
      content: a.string(),
      comments: a.hasMany('Comment'),
      tags: a.manyToMany('Tag', { relationName: 'PostTag' }),
    })
    .authorization([a.allow.owner(), a.allow.public().to(['read'])]),

  Comment: a
    .model({
      content: a.string().required(),
      post: a.belongsTo('Post'),
    })
    .authorization([a.allow.owner(), a.allow.public().to(['read'])]),

  Tag: a
    .model({
      label: a.string().required(),
      posts: a.manyToMany('Post', { relationName: 'PostTag' }),
    })
    .authorization([a.allow.private(), a.allow.specificGroup('ADMINS')]),

  EchoResponse: a.customType({
    content: a.string(),
    executionDuration: a.float(),
  }),

  echo: a
    .query()
    .arguments({ content: a.string() })
    .returns(a.ref('EchoResponse'))
    .function('echoFn')
    .authorization([a.allow.private()]),
});

export type Schema = ClientSchema<typeof schema>;

export const data = defineData({
  schema,
  authorizationModes: {
    defaultAuthorizationMode: 'userPool',
    apiKeyAuthorizationMode: { expiresInDays: 30 },
  },
  functions: {
    echoFn: echo,
  },
});
