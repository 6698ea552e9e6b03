import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  PostStatus: a.enum(['DRAFT', 'LIVE']),
  Post: a.model({ title: a.string(), status: a.ref('PostStatus') }),
  Comment: a.model({ body: a.string(), status: a.enum(['SHOWN', 'HIDDEN']) }),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
