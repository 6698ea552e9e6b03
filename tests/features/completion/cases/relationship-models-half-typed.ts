//- amplify/data/shop.ts
import { a } from '@aws-amplify/backend';

export const shop = a.schema({
  Order: a.model({
    customerId: a.id(),
    customer: a.belongsTo('Cu$0
  }),
  Invoice: a.model({ total: a.integer() }),
});
//- amplify/data/crm.ts
import { a } from '@aws-amplify/backend';

export const crm = a.schema({
  Customer: a.model({
    name: a.string(),
    email: a.email(),
    orders: a.hasMany('Order', 'customerId'),
  }),
  Tier: a.enum(['FREE', 'PRO']),
  Address: a.customType({ street: a.string() }),
});
//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';
import { crm } from './crm';
import { shop } from './shop';

export const data = defineData({ schema: a.combine([crm, shop]) });
