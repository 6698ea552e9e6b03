import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string() }),
  top: a.query().returns(a.hasMany('Post', 'topId'))
//                       ^^^^^^^^^^^^^^^^^^^^^^^^^^ data-returns-invalid a relationship
    .authorization((allow) => [allow.authenticated()]).handler(a.handler.custom({ entry: './top.js' })),
  stats: a.query().returns({ total: a.integer() })
//                         ^^^^^^^^^^^^^^^^^^^^^^ data-returns-invalid wrap it in a.customType
    .authorization((allow) => [allow.authenticated()]).handler(a.handler.custom({ entry: './stats.js' })),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
