import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string() }),
  publish: a.mutation().arguments({ text: a.string() }).returns(a.ref('Post'))
    .authorization((allow) => [allow.authenticated()]).handler(a.handler.custom({ entry: './publish.js' })),
  fetchPost: a.query().returns(a.ref('Post'))
    .authorization((allow) => [allow.authenticated()]).handler(a.handler.custom({ entry: './get.js' })),
  onPost: a.subscription().for(a.ref('Post'))
//                                   ^^^^^^ data-subscription-source-invalid without naming its mutations
    .authorization((allow) => [allow.authenticated()]).handler(a.handler.custom({ entry: './on.js' })),
  onGet: a.subscription().for(a.ref('fetchPost'))
//                                  ^^^^^^^^^^^ data-subscription-source-invalid can only listen to mutations
    .authorization((allow) => [allow.authenticated()]).handler(a.handler.custom({ entry: './on.js' })),
  onPublish: a.subscription().for(a.ref('publish').mutations(['create']))
//                                                 ^^^^^^^^^ data-subscription-source-invalid only applies to a model source
    .authorization((allow) => [allow.authenticated()]).handler(a.handler.custom({ entry: './on.js' })),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
