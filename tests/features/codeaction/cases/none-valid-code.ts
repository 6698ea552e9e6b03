import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Todo: a.model({ con$0tent: a.string() }).authorization((allow) => [allow.publicApiKey()]),
});

export const data = defineData({ schema });
