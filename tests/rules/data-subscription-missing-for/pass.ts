import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  publish: a.mutation().returns(a.string()).handler(a.handler.custom({ entry: './p.js' })),
  onPublish: a.subscription().for(a.ref('publish')).handler(a.handler.custom({ entry: './s.js' })),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
