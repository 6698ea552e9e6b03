import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string(), status: a.string() })
    .secondaryIndexes((index) => [index('status').queryField('postsByStatus')])
    .disableOperations(['get']),
  getPost: a.query().arguments({ id: a.id() }).returns(a.ref('Post'))
    .handler(a.handler.custom({ entry: './get.js' })),
  listPostByStatus: a.query().returns(a.ref('Post').array())
    .handler(a.handler.custom({ entry: './list.js' })),
}).authorization((allow) => [allow.publicApiKey()]);
export const data = defineData({ schema });
