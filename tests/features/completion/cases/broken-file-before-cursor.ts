import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Draft: a.model({
    title: a.string(
    body: a.string().required(.
  }),
  Post: a.model({
    tags: a.string().array().$0
  }),
});
export const data = defineData({ schema });
