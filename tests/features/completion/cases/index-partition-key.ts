import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Status: a.enum(['A']),
  Post: a
    .model({
      slug: a.string().required(),
      published: a.boolean(),
      meta: a.json(),
      status: a.ref('Status'),
      kind: a.enum(['X', 'Y']),
    })
    .secondaryIndexes((index) => [index('$0')]),
});
export const data = defineData({ schema });
