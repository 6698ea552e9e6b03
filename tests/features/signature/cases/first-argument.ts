import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a.model({ comments: a.hasMany($0) }),
});
export const data = defineData({ schema });
