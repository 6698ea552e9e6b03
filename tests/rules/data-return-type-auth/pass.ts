import { a, defineData } from '@aws-amplify/backend';
declare const statsFn: any;
const schema = a.schema({
  Stats: a.customType({ total: a.integer() }),
  stats: a.query().returns(a.ref('Stats')).handler(a.handler.function('statsFn'))
    .authorization((allow) => [allow.authenticated(), allow.group('Auditors')]),
  count: a.query().returns(a.integer()).handler(a.handler.function('statsFn')),
  Post: a.model({ title: a.string() }),
}).authorization((allow) => [allow.owner()]);
export const data = defineData({ schema, functions: { statsFn } });
