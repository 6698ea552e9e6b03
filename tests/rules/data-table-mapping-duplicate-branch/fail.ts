import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string() }).authorization((allow) => [allow.publicApiKey()]),
});
export const data = defineData({
  schema,
  migratedAmplifyGen1DynamoDbTableMappings: [
    { branchName: 'main', modelNameToTableNameMapping: { Post: 'Post-abc-main' } },
    { branchName: 'main', modelNameToTableNameMapping: { Post: 'Post-def-main' } },
//                ^^^^^^ data-table-mapping-duplicate-branch
  ],
});
