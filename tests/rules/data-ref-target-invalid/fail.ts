import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  chat: a.conversation({ aiModel: a.ai.model('Claude 3.5 Haiku'), systemPrompt: 'Be brief.' })
    .authorization((allow) => allow.owner()),
  stats: a.query().returns(a.string())
    .authorization((allow) => [allow.authenticated()]).handler(a.handler.custom({ entry: './stats.js' })),
  Post: a.model({ thread: a.ref('chat'), counts: a.ref('stats') }),
//                              ^^^^^^ data-ref-target-invalid conversation route
//                                                     ^^^^^^^ data-ref-target-invalid a type that does not exist
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
