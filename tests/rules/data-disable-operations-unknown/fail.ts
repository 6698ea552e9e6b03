import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Log: a.model({ line: a.string() }).disableOperations(['mutation', 'onCreate']),
//                                                      ^^^^^^^^^^ data-disable-operations-unknown Did you mean 'mutations'?
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
