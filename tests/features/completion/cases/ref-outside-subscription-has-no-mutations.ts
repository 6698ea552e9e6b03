import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Status: a.enum(['A']),
  Post: a.model({ status: a.ref('Status').$0 }),
});
export const data = defineData({ schema });
