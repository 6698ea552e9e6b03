import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({
    slug: a.string().required(),
    n: a.integer().required(),
    comments: a.hasMany('Comment', 'postSlug'),
//                                 ^^^^^^^^^^ data-reference-count-mismatch
  }).identifier(['slug', 'n']),
  Comment: a.model({
    postSlug: a.string(),
    post: a.belongsTo('Post', 'postSlug'),
//                            ^^^^^^^^^^ data-reference-count-mismatch
  }),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
