import { a, defineData } from '@aws-amplify/backend';
declare const reporter: any;
const schema = a.schema({
  Post: a.model({ title: a.string() }).authorization((allow) => [allow.owner(), allow.guest().to(['read'])]),
  echo: a.query().returns(a.string()).handler(a.handler.custom({ entry: './echo.js' }))
    .authorization((allow) => [allow.authenticated()]),
  chat: a.conversation({ aiModel: a.ai.model('Claude 3.5 Haiku'), systemPrompt: 'Be brief.' })
    .authorization((allow) => allow.owner()),
}).authorization((allow) => [allow.resource(reporter).to(['query'])]);
export const data = defineData({ schema });
