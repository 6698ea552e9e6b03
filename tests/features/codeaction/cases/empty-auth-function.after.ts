//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Todo: a.model({ content: a.string() }).authorization(function (allow) {
    return [allow.publicApiKey()];
  }),
});

export const data = defineData({ schema });
