import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string(), comments: a.hasMany('Comment', 'postId') }),
  Comment: a.model({
    postId: a.id(),
    post: a.belongsTo('Post', 'postId').required(),
//                                      ^^^^^^^^ data-modifier-unavailable It offers .authorization()
    tags: a.string().array().validate((v) => v.minLength(1)),
//                           ^^^^^^^^ data-modifier-unavailable List fields cannot be validated
    code: a.string().validate((v) => v.minLength(3)).default('abc'),
//                                                   ^^^^^^^ data-modifier-unavailable Call .default(...) before .validate(...)
  }),
  fetchPost: a.query().returns(a.ref('Post')).for(a.ref('Post')).handler(a.handler.custom({ entry: './get.js' })),
//                                            ^^^ data-modifier-unavailable only for custom subscriptions
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
