import { a as builder, defineData } from '@aws-amplify/backend';

const schema = builder.schema({
  Post: builder.model({ title: builder.$0 }),
});
export const data = defineData({ schema });
