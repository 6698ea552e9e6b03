import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Kind: a.enum(['AWS_S3', 'FIRST', '_private', 'AZURE_BLOB']),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
