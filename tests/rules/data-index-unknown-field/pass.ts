import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Message: a.model({ roomId: a.id().required(), createdAt: a.datetime().required() })
    .secondaryIndexes((index) => [index('roomId').sortKeys(['createdAt'])]),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
