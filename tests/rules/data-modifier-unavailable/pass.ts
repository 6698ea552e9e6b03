import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string(), summary: a.hasOne('Summary', 'postId') }),
  Summary: a.model({ postId: a.id(), post: a.belongsTo('Post', 'postId') }),
  Comment: a.model({
    code: a.string().default('abc').validate((v) => v.minLength(3)),
    tags: a.string().required().array(),
  }),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
