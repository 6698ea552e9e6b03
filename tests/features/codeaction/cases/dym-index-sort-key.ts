import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Message: a
    .model({ roomId: a.id().required(), sentAt: a.datetime().required() })
    .secondaryIndexes((index) => [index('roomId').sortKeys(["sent_a$0t"])]), // ✉️
}).authorization((allow) => [allow.authenticated()]);

export const data = defineData({ schema });
