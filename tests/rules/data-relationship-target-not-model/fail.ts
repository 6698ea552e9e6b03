import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Address: a.customType({ street: a.string() }),
  User: a.model({ address: a.hasOne('Address', 'userId') }),
//                                  ^^^^^^^^^ data-relationship-target-not-model
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
