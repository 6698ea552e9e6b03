import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  summarize: a.generation({ aiModel: a.ai.model('Claude 3.5 Haiku'), systemPrompt: 'Summarize.' })
    .arguments({ text: a.string() }).returns(a.string())
    .authorization((allow) => [allow.authenticated()]),
  chat: a.conversation({ aiModel: a.ai.model('Claude 3.5 Haiku'), systemPrompt: 'Be brief.' })
    .authorization((allow) => allow.owner()),
});
export const data = defineData({ schema });
