import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Todo: a
    .model({ content: a.string(), owner: a.belongsTo('Zebra$0Crossing', 'ownerId') })
    .authorization((allow) => [allow.publicApiKey()]),
});

export const data = defineData({ schema });
