import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string() }),
  top: a.query().returns(a.ref('Post').array())
    .authorization((allow) => [allow.authenticated()]).handler(a.handler.custom({ entry: './top.js' })),
  stats: a.query().returns(a.customType({ total: a.integer() }))
    .authorization((allow) => [allow.authenticated()]).handler(a.handler.custom({ entry: './stats.js' })),
  names: a.query().returns(a.string().array())
    .authorization((allow) => [allow.authenticated()]).handler(a.handler.custom({ entry: './names.js' })),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
