import { a, defineData } from '@aws-amplify/backend';
declare const statsFn: any;
const schema = a.schema({
  Stats: a.customType({ total: a.integer() }),
  stats: a.query().returns(a.ref('Stats')).handler(a.handler.function('statsFn')),
//^^^^^ data-return-type-auth Unsupported auth strategy for custom handlers: owner
  report: a.query().returns(a.customType({ total: a.integer() })).handler(a.handler.function('statsFn'))
    .authorization((allow) => [allow.group('Auditors', 'oidc')]),
//                                                     ^^^^^^ data-return-type-auth Unsupported provider for custom handlers: oidc
  Post: a.model({ title: a.string() }),
}).authorization((allow) => [allow.owner()]);
export const data = defineData({ schema, functions: { statsFn } });
