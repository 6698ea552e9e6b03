import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Café: a.model({ title: a.string() }),
  Post: a.model({ label: a.string().default('naïve 😀'), cafe: a.belongsTo('Caf$0') }),
});
export const data = defineData({ schema });
