import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string(), status: a.string() })
    .secondaryIndexes((index) => [index('status')]),
  getPost: a.query().arguments({ id: a.id() }).returns(a.ref('Post'))
//^^^^^^^ data-operation-name-collision
    .handler(a.handler.custom({ entry: './get.js' })),
  listPostByStatus: a.query().returns(a.ref('Post').array())
//^^^^^^^^^^^^^^^^ data-operation-name-collision secondary index
    .handler(a.handler.custom({ entry: './list.js' })),
}).authorization((allow) => [allow.publicApiKey()]);
export const data = defineData({ schema });
