import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a.model({ comments: a.hasMany('Comment', $0) }),
  Comment: a.model({ postId: a.id() }),
});
export const data = defineData({ schema });
