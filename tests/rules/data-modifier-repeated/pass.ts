import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({
    tags: a.string().required().array().required(),
  }).authorization((allow) => [allow.owner().to(['read']).identityClaim('sub')]),
});
export const data = defineData({ schema });
