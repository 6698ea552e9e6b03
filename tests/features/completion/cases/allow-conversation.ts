import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  chat: a
    .conversation({ aiModel: a.ai.model('Claude 3.5 Sonnet'), systemPrompt: 'Be brief.' })
    .authorization((allow) => allow.$0),
});
export const data = defineData({ schema });
