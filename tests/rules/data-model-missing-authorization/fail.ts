import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Todo: a.model({ content: a.string() }),
//^^^^ data-model-missing-authorization
  Note: a.model({ text: a.string() }).authorization((allow) => [allow.owner()]),
});
export const data = defineData({ schema });
