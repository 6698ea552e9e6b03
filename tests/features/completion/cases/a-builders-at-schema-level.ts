import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a.mo$0
});
export const data = defineData({ schema });
