import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Status: a.enum(['DRAFT', 'LIVE']),
  Post: a.model({ status: a.ref('Status') }),
  publish: a.mutation().returns(a.ref('Post')),
  onPublish: a.subscription().for(a.ref('$0')),
});
export const data = defineData({ schema });
