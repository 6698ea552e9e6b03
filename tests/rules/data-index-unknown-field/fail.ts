import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Message: a.model({ roomId: a.id().required() })
    .secondaryIndexes((index) => [index('roomId').sortKeys(['createdAt']), index('room')]),
//                                                          ^^^^^^^^^^^ data-index-unknown-field
//                                                                               ^^^^^^ data-index-unknown-field
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
