import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Kind: a.enum(['aws-s3', '1st', 'AZURE_BLOB']),
//              ^^^^^^^^ data-enum-value-invalid
//                        ^^^^^ data-enum-value-invalid
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
