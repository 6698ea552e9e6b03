import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ id: a.id().default('x'), title: a.string() }),
//                           ^^^^^^^ data-primary-key-modifier-ignored
  Page: a.model({ slug: a.string().required().validate((v) => v.minLength(3)) }).identifier(['slug']),
//                                            ^^^^^^^^ data-primary-key-modifier-ignored
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
