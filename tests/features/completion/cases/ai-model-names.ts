import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  chat: a
    .conversation({ aiModel: a.ai.model('Claude$0'), systemPrompt: 'Be brief.' })
    .authorization((allow) => allow.owner()),
});
export const data = defineData({ schema });
