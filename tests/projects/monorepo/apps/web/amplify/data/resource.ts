import { type ClientSchema, a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Product: a
    .model({
      name: a.string().required(),
      priceCents: a.integer().required(),
      reviews: a.hasMany('Review', 'productId'),
    })
    .authorization((allow) => [allow.guest().to(['read']), allow.group('ADMINS')]),
  Review: a
    .model({
      productId: a.id().required(),
      product: a.belongsTo('Product', 'productId'),
      rating: a.integer().required(),
      text: a.string(),
    })
    .authorization((allow) => [allow.guest().to(['read']), allow.owner()]),
});

export type Schema = ClientSchema<typeof schema>;

export const data = defineData({ schema });
