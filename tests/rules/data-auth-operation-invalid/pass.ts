import { a, defineData } from '@aws-amplify/backend';
declare const reporter: any;
const schema = a.schema({
  Post: a.model({ title: a.string() }).authorization((allow) => [allow.owner().to(['read', 'update', 'delete'])]),
}).authorization((allow) => [allow.resource(reporter).to(['query', 'listen'])]);
export const data = defineData({ schema });
