import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ id: a.id().required(), title: a.string().default('Untitled') }),
  Page: a.model({ slug: a.string().required(), body: a.string().validate((v) => v.minLength(3)) }).identifier(['slug']),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
