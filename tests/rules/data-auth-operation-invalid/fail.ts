import { a, defineData } from '@aws-amplify/backend';
declare const reporter: any;
const schema = a.schema({
  Post: a.model({ title: a.string() }).authorization((allow) => [allow.owner().to(['reed', 'update'])]),
//                                                                                 ^^^^^^ data-auth-operation-invalid Did you mean 'read'?
}).authorization((allow) => [allow.resource(reporter).to(['read'])]);
//                                                        ^^^^^^ data-auth-operation-invalid query, mutate, listen
export const data = defineData({ schema });
