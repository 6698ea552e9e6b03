import { a, defineData } from '@aws-amplify/backend';
// The default query field of index('status') is listPostByStatus.
const schema = a.schema({
  Post: a.model({ title: a.string(), status: a.string() })
    .secondaryIndexes((index) => [index('status'), index('title').queryField('listPostByStatus')]),
//                                                                           ^^^^^^^^^^^^^^^^^^ data-model-operation-collision already generated for model Post (its query of a secondary index)
}).authorization((allow) => [allow.publicApiKey()]);
export const data = defineData({ schema });
