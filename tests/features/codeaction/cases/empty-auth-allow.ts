import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Todo$0: a.model({ content: a.string() }).authorization(allow => []),
});

export const data = defineData({ schema });
