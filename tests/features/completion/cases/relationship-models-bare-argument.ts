import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a.model({ title: a.string(), comments: a.hasMany($0) }),
  Comment: a.model({ postId: a.id() }),
  Status: a.enum(['DRAFT']),
});
export const data = defineData({ schema });
