import { type ClientSchema, defineData as dd, a as amp } from '@aws-amplify/backend';
import { userModels } from './schema/users';
import { postModels } from './schema/posts';
import tagging from './schema/tags';
import { sharedTypes as common } from './schema/shared';

const schema = amp
  .schema({
    ...userModels,
    ...postModels,
    ...tagging,
    ...common,
  })
  .authorization((allow) => [allow.publicApiKey().to(['read']), allow.owner()]);

export type Schema = ClientSchema<typeof schema>;

export const data = dd({
  schema,
  authorizationModes: {
    defaultAuthorizationMode: 'userPool',
    apiKeyAuthorizationMode: { expiresInDays: 30 },
  },
});
