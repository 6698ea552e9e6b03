import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({
    title: a.string().validate((v) => v.minLength(3).maxLength(80)),
    stars: a.integer().validate((v) => v.positive().lte(5)),
  }),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
