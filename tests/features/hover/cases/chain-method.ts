import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a.model({ tags: a.string().array().requi$0red() }),
});
export const data = defineData({ schema });
