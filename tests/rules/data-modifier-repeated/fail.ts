import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({
    title: a.string().required().required(),
//                               ^^^^^^^^ data-modifier-repeated
  }).authorization((allow) => [allow.owner().to(['read']).to(['update'])]),
//                                                        ^^ data-modifier-repeated
});
export const data = defineData({ schema });
