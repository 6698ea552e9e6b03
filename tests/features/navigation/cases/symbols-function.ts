import { a, defineData } from '@aws-amplify/backend';
import { wordCount } from '../functions/word-count/resource';

const schema = a.schema({
  Post: a
    .model({
      title: a.string().required(),
      slug: a.string().required(),
      comments: a.hasMany('Comment', 'postId'),
    })
    .identifier(['slug'])
    .authorization((allow) => [allow.owner(), allow.group('ADMINS')]),
  Comment: a
    .model({
      content: a.string(),
      postId: a.id(),
      post: a.belongsTo('Post', 'postId'),
    })
    .secondaryIndexes((index) => [index('postId')])
    .authorization((allow) => [allow.owner()]),
  countWords: a
    .query()
    .arguments({ text: a.string() })
    .returns(a.ref('Post'))
    .authorization((allow) => [allow.authenticated()])
    .handler(a.handler.function(wordCount)),
});

export const data = defineData({ schema });
//- amplify/functions/word-count/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const wordCount = defineFunction({
  name: 'word-count',
  entry: './handler.ts',
});
//- amplify/functions/word-count/handler.ts
export const handler = async () => 1;
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';

export const auth = defineAuth({
  loginWith: { email: true },
  groups: ['ADMINS', 'EDITORS'],
});
//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { data } from './data/resource';
import { wordCount } from './functions/word-count/resource';

defineBackend({
  auth,
  data,
  counter: wordCount,
});
