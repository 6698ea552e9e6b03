import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a
    .model({
      slug: a.string().required(),
      createdOn: a.date(),
      views: a.integer(),
      published: a.boolean(),
    })
    .secondaryIndexes((idx) => [idx('slug').sortKeys(['views', $0])]),
});
export const data = defineData({ schema });
