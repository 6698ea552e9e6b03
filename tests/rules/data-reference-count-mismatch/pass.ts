import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({
    slug: a.string().required(),
    n: a.integer().required(),
    comments: a.hasMany('Comment', ['postSlug', 'postN']),
  }).identifier(['slug', 'n']),
  Comment: a.model({
    postSlug: a.string(),
    postN: a.integer(),
    post: a.belongsTo('Post', ['postSlug', 'postN']),
  }),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
