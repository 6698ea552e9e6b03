import { a } from '@aws-amplify/backend';

// Refers to `Customer`, `Tier` and `ContactInfo`, which live in crmSchema.
export const shopSchema = a
  .schema({
    Order: a.model({
      customerId: a.id().required(),
      customer: a.belongsTo('Customer', 'customerId'),
      tierAtPurchase: a.ref('Tier'),
      shipTo: a.ref('ContactInfo'),
      totalCents: a.integer().required(),
    }),
    topCustomer: a
      .query()
      .arguments({ tier: a.ref('Tier') })
      .returns(a.ref('Customer'))
      .authorization((allow) => [allow.group('STAFF')])
      .handler(a.handler.custom({ entry: './topCustomer.js', dataSource: a.ref('Customer') })),
  })
  .authorization((allow) => [allow.owner(), allow.group('STAFF')]);
