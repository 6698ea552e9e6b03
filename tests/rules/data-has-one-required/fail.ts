import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string(), summary: a.hasOne('Summary', 'postId').required() }),
//                                                                          ^^^^^^^^ data-has-one-required
  Summary: a.model({ postId: a.id(), post: a.belongsTo('Post', 'postId') }),
}).authorization((allow) => [allow.publicApiKey()]);
export const data = defineData({ schema });
