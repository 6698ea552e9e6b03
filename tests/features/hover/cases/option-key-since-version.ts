import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a.model({ title: a.string().valid$0ate((v) => v.minLength(1)) }),
});
export const data = defineData({ schema });
