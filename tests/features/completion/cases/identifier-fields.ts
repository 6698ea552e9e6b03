import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Status: a.enum(['A']),
  Post: a
    .model({
      slug: a.string().required(),
      views: a.integer(),
      published: a.boolean(),
      meta: a.json(),
      status: a.ref('Status'),
    })
    .identifier(['slug', '$0']),
});
export const data = defineData({ schema });
