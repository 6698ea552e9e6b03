import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ status: a.string(), title: a.string() })
    .secondaryIndexes((index) => [index('status').sortKeys(['title'])]),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
