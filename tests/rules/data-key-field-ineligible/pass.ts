import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Status: a.enum(['OPEN', 'DONE']),
  Post: a.model({ slug: a.string().required(), status: a.ref('Status'), n: a.integer() })
    .identifier(['slug'])
    .secondaryIndexes((index) => [index('status').sortKeys(['n'])]),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
