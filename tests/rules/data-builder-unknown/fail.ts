import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.modle({ title: a.string() }),
//      ^^^^^^^ data-builder-unknown Did you mean 'model'?
  Todo: a.model({ body: a.strin(), done: a.boolen().required(), rank: a.integer() }),
//                      ^^^^^^^ data-builder-unknown Did you mean 'string'?
//                                       ^^^^^^^^ data-builder-unknown Did you mean 'boolean'?
  Status: a.enum(['OPEN', 'DONE']),
  echo: a.query().returns(a.string()).handler(a.handler.functon('echo')),
//                                            ^^^^^^^^^^^^^^^^^ data-builder-unknown Did you mean 'function'?
}).authorization((allow) => [allow.publicApiKey()]);
export const data = defineData({ schema, authorizationModes: { defaultAuthorizationMode: 'apiKey' } });
