import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a.model({
    id: a.id().$0
  }),
});
export const data = defineData({ schema });
