import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a.model({
    views: a.integer().validate((v) => v.gt(0).$0),
  }),
});
export const data = defineData({ schema });
