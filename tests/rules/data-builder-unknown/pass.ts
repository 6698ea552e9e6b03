import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string(), body: a.string(), views: a.integer(), site: a.url() }),
  Todo: a.model({ done: a.boolean().required(), rank: a.float(), at: a.datetime() }),
  Status: a.enum(['OPEN', 'DONE']),
  Point: a.customType({ x: a.float(), y: a.float() }),
  echo: a.query().returns(a.string()).handler(a.handler.custom({ entry: './echo.js' })),
}).authorization((allow) => [allow.publicApiKey()]);
export const data = defineData({ schema, authorizationModes: { defaultAuthorizationMode: 'apiKey' } });
