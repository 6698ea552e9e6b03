import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Customer: a.model({ name: a.string() }),
  Order: a.model({ customer: a.ref('Customer') }),
//                                 ^^^^^^^^^^ data-ref-to-model
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
