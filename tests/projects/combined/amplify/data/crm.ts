import { a } from '@aws-amplify/backend';

export const crmSchema = a
  .schema({
    Tier: a.enum(['FREE', 'PRO', 'ENTERPRISE']),
    ContactInfo: a.customType({
      email: a.email().required(),
      phone: a.phone(),
    }),
    Customer: a.model({
      name: a.string().required(),
      tier: a.ref('Tier'),
      contact: a.ref('ContactInfo'),
      orders: a.hasMany('Order', 'customerId'),
    }),
  })
  .authorization((allow) => [allow.group('STAFF'), allow.authenticated().to(['read'])]);
