//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';

const schema = a
  .schema({
    Team: a.model({ name: a.string(), members: a.hasMany('Member', 'teamId') }),
    Member: a.model({ teamId: a.id(), team: a.belongsTo('Team', 'teamId') }),
  })
  .authorization((allow) => [allow.publicApiKey()]);

export const data = defineData({ schema });
