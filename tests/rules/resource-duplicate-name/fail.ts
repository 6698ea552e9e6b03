//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { orders } from './functions/orders/resource';
import { billing } from './functions/billing/resource';
defineBackend({ orders, billing });
//- amplify/functions/orders/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const orders = defineFunction({ entry: './handler.ts' });
//- amplify/functions/orders/handler.ts
export const handler = async () => 'ok';
//- amplify/functions/billing/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const billing = defineFunction({ entry: './handler.ts' });
//                                             ^^^^^^^^^^^^^^ resource-duplicate-name 'handler'
//- amplify/functions/billing/handler.ts
export const handler = async () => 'ok';
