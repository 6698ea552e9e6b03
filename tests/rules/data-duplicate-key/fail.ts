import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string(), body: a.string(), title: a.string().required() }),
//                                                     ^^^^^ data-duplicate-key field list
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
