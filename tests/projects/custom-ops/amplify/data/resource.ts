import { type ClientSchema, a, defineData } from '@aws-amplify/backend';
import { summarize } from '../functions/summarize/resource';
import { moderate } from '../functions/moderate/resource';
import { reindex } from '../functions/reindex/resource';
import { legacyStats } from '../functions/legacy-stats/resource';

const schema = a.schema({
  Post: a
    .model({
      title: a.string().required(),
      body: a.string(),
      status: a.enum(['DRAFT', 'PUBLISHED']),
      likes: a.integer().default(0),
    })
    // `create` is replaced by the custom mutation `createPost` below.
    .disableOperations(['create'])
    .authorization((allow) => [allow.publicApiKey().to(['read']), allow.authenticated()]),

  Summary: a.customType({
    postId: a.id().required(),
    text: a.string().required(),
    wordCount: a.integer(),
  }),

  Channel: a.enum(['GENERAL', 'RELEASES']),

  // Custom mutation with a JS resolver on the Post table (a pipeline of two steps).
  createPost: a
    .mutation()
    .arguments({ title: a.string().required(), body: a.string() })
    .returns(a.ref('Post'))
    .authorization((allow) => [allow.authenticated()])
    .handler([
      a.handler.custom({ entry: './resolvers/auditLog.js' }),
      a.handler.custom({ entry: './resolvers/createPost.js', dataSource: a.ref('Post') }),
    ]),

  likePost: a
    .mutation()
    .arguments({ postId: a.id().required() })
    .returns(a.ref('Post'))
    .authorization((allow) => [allow.authenticated()])
    .handler(a.handler.custom({ dataSource: a.ref('Post'), entry: './resolvers/likePost.js' })),

  // Function handler, inline-returned custom type reference.
  summarizePost: a
    .query()
    .arguments({ postId: a.id().required(), maxWords: a.integer() })
    .returns(a.ref('Summary'))
    .authorization((allow) => [allow.authenticated(), allow.publicApiKey()])
    .handler(a.handler.function(summarize)),

  // Pipeline of two function handlers (FnModeratePost, FnModeratePost2).
  moderatePost: a
    .mutation()
    .arguments({ postId: a.id().required(), reason: a.string() })
    .returns(a.boolean())
    .authorization((allow) => [allow.group('EDITORS')])
    .handler([a.handler.function(moderate), a.handler.function(summarize)]),

  // Async (event) invocation: no .returns().
  reindexPosts: a
    .mutation()
    .arguments({ since: a.datetime() })
    .authorization((allow) => [allow.groups(['EDITORS'])])
    .handler(a.handler.function(reindex).async()),

  // String handler: a key of defineData({ functions }).
  postStats: a
    .query()
    .returns(
      a.customType({
        total: a.integer().required(),
        published: a.integer().required(),
      }),
    )
    .authorization((allow) => [allow.authenticated()])
    .handler(a.handler.function('legacyStats')),

  // A custom mutation used as a subscription source.
  announce: a
    .mutation()
    .arguments({ channel: a.ref('Channel').required(), text: a.string().required() })
    .returns(a.customType({ channel: a.ref('Channel'), text: a.string(), at: a.datetime() }))
    .authorization((allow) => [allow.group('EDITORS')])
    .handler(a.handler.custom({ entry: './resolvers/publish.js' })),

  // Subscriptions.
  onPostCreated: a
    .subscription()
    .for(a.ref('createPost'))
    .authorization((allow) => [allow.authenticated()])
    .handler(a.handler.custom({ entry: './resolvers/publish.js' })),

  onPostChanged: a
    .subscription()
    .for(a.ref('Post').mutations(['update', 'delete']))
    .arguments({ status: a.string() })
    .authorization((allow) => [allow.publicApiKey()])
    .handler(a.handler.custom({ entry: './resolvers/publish.js' })),

  onAnnouncement: a
    .subscription()
    .for(a.ref('announce'))
    .arguments({ channel: a.ref('Channel') })
    .authorization((allow) => [allow.authenticated()])
    .handler(a.handler.custom({ entry: './resolvers/publish.js' })),
});

export type Schema = ClientSchema<typeof schema>;

export const data = defineData({
  schema,
  authorizationModes: {
    defaultAuthorizationMode: 'userPool',
    apiKeyAuthorizationMode: { expiresInDays: 30 },
  },
  functions: {
    legacyStats,
  },
});
