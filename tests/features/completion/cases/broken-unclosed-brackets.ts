import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a.model({
    title: a.string(),
    comments: a.hasMany('Comment', '$0
  Comment: a.model({ postId: a.id(), body: a.string() }),
});
export const data = defineData({ schema });
