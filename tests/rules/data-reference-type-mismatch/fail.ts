import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ slug: a.string().required(), comments: a.hasMany('Comment', 'postSlug') }).identifier(['slug']),
//                                                                            ^^^^^^^^^^ data-reference-type-mismatch
  Comment: a.model({ postSlug: a.integer(), post: a.belongsTo('Post', 'postSlug') }),
//                                                                    ^^^^^^^^^^ data-reference-type-mismatch
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
