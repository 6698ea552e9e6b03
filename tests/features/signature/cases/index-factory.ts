import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a.model({ slug: a.string() }).secondaryIndexes((index) => [index($0)]),
});
export const data = defineData({ schema });
