import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Address: a.customType({ city: a.string() }),
  Flag: a.model({ active: a.boolean().required(), name: a.string() }).identifier(['active']),
//                                                                                ^^^^^^^^ data-key-field-ineligible a boolean
  Post: a.model({ meta: a.json(), place: a.ref('Address') })
    .secondaryIndexes((index) => [index('meta'), index('place')]),
//                                      ^^^^^^ data-key-field-ineligible JSON
//                                                     ^^^^^^^ data-key-field-ineligible not an enum
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
