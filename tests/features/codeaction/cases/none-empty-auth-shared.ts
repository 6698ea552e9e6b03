import { a, defineData } from '@aws-amplify/backend';

const none = (allow) => [];

const schema = a.schema({
  Todo$0: a.model({ content: a.string() }).authorization(none),
});

export const data = defineData({ schema });
