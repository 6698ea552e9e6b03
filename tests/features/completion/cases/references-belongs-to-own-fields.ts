import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Team: a
    .model({ org: a.string().required(), code: a.integer().required(), members: a.hasMany('Member', ['teamOrg', 'teamCode']) })
    .identifier(['org', 'code']),
  Member: a.model({
    name: a.string(),
    teamOrg: a.string(),
    teamCode: a.integer(),
    team: a.belongsTo('Team', ['teamOrg', $0]),
  }),
});
export const data = defineData({ schema });
