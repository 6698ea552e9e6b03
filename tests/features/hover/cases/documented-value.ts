import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a.model({ title: a.string() }).authorization((allow) => [allow.guest().to(['re$0ad'])]),
});
export const data = defineData({ schema });
