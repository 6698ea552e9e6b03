import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string() }),
  Filter: a.customType({ text: a.string(), status: a.ref('Status') }),
  Status: a.enum(['OPEN', 'CLOSED']),
  like: a.mutation()
    .arguments({ postId: a.id().required(), filter: a.ref('Filter'), status: a.ref('Status') })
    .returns(a.string()).authorization((allow) => [allow.authenticated()])
    .handler(a.handler.custom({ entry: './like.js' })),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
