//- package.json
{ "name": "app", "devDependencies": { "@aws-amplify/backend": "1.25.1" } }
//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';
// Without an auth resource, rules that need neither pool.
const schema = a.schema({
  Todo: a.model({ content: a.string() }).authorization((allow) => [allow.publicApiKey()]),
});
export const data = defineData({ schema });
