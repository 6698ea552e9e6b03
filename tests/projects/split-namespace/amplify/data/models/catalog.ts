import { a } from '@aws-amplify/backend';

export const Category = a
  .model({
    name: a.string().required(),
    products: a.hasMany('Product', 'categoryId'),
  })
  .authorization((allow) => [allow.publicApiKey()]);

export const Product = a
  .model({
    sku: a.string().required(),
    title: a.string().required(),
    priceCents: a.integer().required(),
    categoryId: a.id(),
    category: a.belongsTo('Category', 'categoryId'),
  })
  .identifier(['sku'])
  .authorization((allow) => [allow.publicApiKey()]);
