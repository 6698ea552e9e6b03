import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string() }),
  like: a.mutation()
    .arguments({ post: a.ref('Post'), author: a.belongsTo('Post', 'authorId') })
//                           ^^^^^^ data-argument-type-invalid Only references to CustomType and Enum are supported
//                                    ^^^^^^ data-argument-type-invalid is a relationship
    .returns(a.string()).authorization((allow) => [allow.authenticated()])
    .handler(a.handler.custom({ entry: './like.js' })),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
