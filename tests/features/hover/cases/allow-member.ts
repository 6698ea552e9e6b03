import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a.model({ title: a.string() }).authorization((allow) => [allow.$0ownersDefinedIn('editors')]),
});
export const data = defineData({ schema });
