import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Customer: a
    .model({
      tenantId: a.id().required(),
      email: a.email().required(),
      createdOn: a.date(),
      accountRepresentativeId: a.id(),
    })
    .identifier(['tenantId', 'email'])
    .secondaryIndexes((index) => [
      index('accountRepresentativeId').sortKeys(['created$0On']).queryField('byRep'),
    ])
    .authorization((allow) => [allow.publicApiKey()]),
});

export const data = defineData({ schema });
