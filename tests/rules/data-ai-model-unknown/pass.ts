import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  chat: a.conversation({ aiModel: a.ai.model('Claude 3.5 Haiku'), systemPrompt: 'Be brief.' })
    .authorization((allow) => allow.owner()),
  other: a.conversation({ aiModel: { resourcePath: 'us.anthropic.claude-3-5-haiku-20241022-v1:0' }, systemPrompt: 'Hi.' })
    .authorization((allow) => allow.owner()),
});
export const data = defineData({ schema });
