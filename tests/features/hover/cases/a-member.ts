import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a.mod$0el({ title: a.string() }),
});
export const data = defineData({ schema });
