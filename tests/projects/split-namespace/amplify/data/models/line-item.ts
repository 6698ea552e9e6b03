import { a } from '@aws-amplify/backend';

const LineItem = a
  .model({
    orderId: a.id().required(),
    order: a.belongsTo('PurchaseOrder', 'orderId'),
    productSku: a.string().required(),
    quantity: a.integer().required(),
  })
  .authorization((allow) => [allow.publicApiKey()]);

export default LineItem;
