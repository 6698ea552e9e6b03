import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  publish: a.mutation().returns(a.string()).handler(a.handler.custom({ entry: './p.js' })),
  onPublish: a.subscription().handler(a.handler.custom({ entry: './s.js' })),
//^^^^^^^^^ data-subscription-missing-for
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
