import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({
    owner: a.email(),
    editors: a.string().array(),
  }).authorization((allow) => [allow.owner(), allow.ownersDefinedIn('editors')]),
});
export const data = defineData({ schema });
