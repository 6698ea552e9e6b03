import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a.model({
    tags: a.string().required().array().$0
  }),
});
export const data = defineData({ schema });
