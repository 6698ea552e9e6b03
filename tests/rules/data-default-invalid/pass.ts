import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({
    views: a.integer().default(0),
    draft: a.boolean().default(true),
    meta: a.json().default('[1,2]'),
    publishedAt: a.datetime().default('2024-01-31T12:00:00Z'),
    title: a.string().default('Untitled'),
  }),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
