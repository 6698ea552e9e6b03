import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string() }),
  publish: a.mutation().arguments({ text: a.string() }).returns(a.ref('Post'))
    .authorization((allow) => [allow.authenticated()]).handler(a.handler.custom({ entry: './publish.js' })),
  fetchPost: a.query().returns(a.ref('Post'))
    .authorization((allow) => [allow.authenticated()]).handler(a.handler.custom({ entry: './get.js' })),
  onPost: a.subscription().for([a.ref('Post').mutations(['create', 'update']), a.ref('publish')])
    .authorization((allow) => [allow.authenticated()]).handler(a.handler.custom({ entry: './on.js' })),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
