import { a, defineData, defineFunction } from '@aws-amplify/backend';
const kicker = defineFunction({ name: 'kicker' });
const schema = a.schema({
  ping: a.query().returns(a.string()).handler(a.handler.custom({ entry: './ping.js' })),
  kick: a.mutation().handler(a.handler.function('kicker').async()),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema, functions: { kicker } });
