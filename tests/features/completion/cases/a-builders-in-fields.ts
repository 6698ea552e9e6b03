import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a.model({
    title: a.$0
  }),
});
export const data = defineData({ schema });
