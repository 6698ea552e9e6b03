import { a } from '@aws-amplify/backend';

export const OrderStatus = a.enum(['PENDING', 'PAID', 'SHIPPED', 'CANCELLED']);

// Re-exported as `PurchaseOrder` by ./index.ts: that export name is the model name.
export const Order = a
  .model({
    customerEmail: a.email().required(),
    status: a.ref('OrderStatus').required(),
    items: a.hasMany('LineItem', 'orderId'),
  })
  .authorization((allow) => [allow.publicApiKey()]);
