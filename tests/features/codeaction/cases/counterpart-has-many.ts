import { a, defineData } from '@aws-amplify/backend';

const schema = a
  .schema({
    Team: a.model({ name: a.string() }),
    Member: a.model({ teamId: a.id(), team$0: a.belongsTo('Team', 'teamId') }),
  })
  .authorization((allow) => [allow.publicApiKey()]);

export const data = defineData({ schema });
