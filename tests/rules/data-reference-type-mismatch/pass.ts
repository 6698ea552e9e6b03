import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ slug: a.string().required(), comments: a.hasMany('Comment', 'postSlug') }).identifier(['slug']),
  Comment: a.model({ postSlug: a.id(), post: a.belongsTo('Post', 'postSlug') }),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
