import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ status: a.string(), title: a.string() })
    .secondaryIndexes((index) => [index('status').sortKeys(['status'])]),
//                                                          ^^^^^^^^ data-index-sort-key-is-partition-key
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
