import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string() }).authorization((allow) => [allow.publicApiKey()]),
});
export const data = defineData({
  schema,
  migratedAmplifyGen1DynamoDbTableMappings: [
    { branchName: 'main', modelNameToTableNameMapping: { Post: 'Post-abc-main' } },
    { branchName: 'dev', modelNameToTableNameMapping: { Post: 'Post-abc-dev' } },
  ],
});
