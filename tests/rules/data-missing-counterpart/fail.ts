import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ comments: a.hasMany('Comment', 'postId') }),
//                ^^^^^^^^ data-missing-counterpart
  Comment: a.model({ postId: a.id() }),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
