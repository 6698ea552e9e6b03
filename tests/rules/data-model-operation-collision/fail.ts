import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Setting: a.model({ key: a.string() }),
  Settings: a.model({ theme: a.string() }),
//^^^^^^^^ data-model-operation-collision list query listSettings
  Person: a.model({ name: a.string() }),
  People: a.model({ count: a.integer() }).disableOperations(['mutations']),
//^^^^^^ data-model-operation-collision listPeople
  Post: a.model({ title: a.string(), status: a.string() })
    .secondaryIndexes((index) => [index('status').queryField('listPosts')]),
//                                                           ^^^^^^^^^^^ data-model-operation-collision .queryField
  Comment: a.model({ body: a.string(), status: a.string() })
    .secondaryIndexes((index) => [index('status').queryField('byStatus')]),
  Reply: a.model({ body: a.string(), status: a.string() })
    .secondaryIndexes((index) => [index('status').queryField('byStatus')]),
//                                                           ^^^^^^^^^^ data-model-operation-collision Comment
}).authorization((allow) => [allow.publicApiKey()]);
export const data = defineData({ schema });
