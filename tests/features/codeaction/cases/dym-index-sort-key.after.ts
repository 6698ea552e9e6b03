//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Message: a
    .model({ roomId: a.id().required(), sentAt: a.datetime().required() })
    .secondaryIndexes((index) => [index('roomId').sortKeys(["sentAt"])]), // ✉️
}).authorization((allow) => [allow.authenticated()]);

export const data = defineData({ schema });
