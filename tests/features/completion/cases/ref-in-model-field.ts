import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Status: a.enum(['DRAFT', 'LIVE']),
  Address: a.customType({ street: a.string() }),
  Post: a.model({ status: a.ref('$0') }),
  Author: a.model({ name: a.string() }),
});
export const data = defineData({ schema });
