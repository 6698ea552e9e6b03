import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Message: a.model({ roomId: a.id().required() })
    .secondaryIndexes((index) => [index('roomId').sortKeys(['createdAt']), index('room')]),
//                                                          ^^^^^^^^^^^ data-index-unknown-field until declared). Declare it
//                                                                               ^^^^^^ data-index-unknown-field Did you mean 'roomId'?
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
