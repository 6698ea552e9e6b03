import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ status: a.string(), title: a.string(), body: a.string() })
    .secondaryIndexes((index) => [
      index('status').projection('INCLUDE', ['title']),
      index('title').projection('KEYS_ONLY'),
    ]),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
