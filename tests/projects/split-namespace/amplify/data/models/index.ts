export * from './catalog';
export { Order as PurchaseOrder, OrderStatus } from './orders';
export { default as LineItem } from './line-item';
