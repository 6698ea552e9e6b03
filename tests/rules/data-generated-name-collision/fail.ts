import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  PostStatus: a.enum(['DRAFT', 'LIVE']),
  Post: a.model({ title: a.string(), status: a.enum(['DRAFT', 'LIVE']) }),
//                                   ^^^^^^ data-generated-name-collision PostStatus
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
