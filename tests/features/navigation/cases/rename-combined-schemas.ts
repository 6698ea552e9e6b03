import { a, defineData } from '@aws-amplify/backend';
import { crmSchema } from './crm';
import { shopSchema } from './shop';

export const data = defineData({ schema: a.combine([crmSchema, shopSchema]) });
//- amplify/data/crm.ts
import { a } from '@aws-amplify/backend';

export const crmSchema = a
  .schema({
    Cust$0omer: a.model({
      name: a.string(),
      orders: a.hasMany('Order', 'customerId'),
    }),
  })
  .authorization((allow) => [allow.authenticated()]);
//- amplify/data/shop.ts
import { a } from '@aws-amplify/backend';

export const shopSchema = a
  .schema({
    Order: a.model({
      customerId: a.id(),
      customer: a.belongsTo('Customer', 'customerId'),
    }),
  })
  .authorization((allow) => [allow.authenticated()]);
