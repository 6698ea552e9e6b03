import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a.model({ title: a.string() }),
  onPost: a.subscription().for(a.ref('Post').$0),
});
export const data = defineData({ schema });
