import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Todo$0: a.model({ content: a.string() }).authorization(function () {
    return [];
  }),
});

export const data = defineData({ schema });
