import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a.model({ ti$0tle: a.string() }),
});
export const data = defineData({ schema });
