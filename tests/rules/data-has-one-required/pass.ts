import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string(), summary: a.hasOne('Summary', 'postId') }),
  Summary: a.model({ postId: a.id().required(), post: a.belongsTo('Post', 'postId') }),
}).authorization((allow) => [allow.publicApiKey()]);
export const data = defineData({ schema });
