import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  chat: a.conversation({ aiModel: a.ai.model('Claude 3.5 Haiku v2'), systemPrompt: 'Be brief.' })
//                                           ^^^^^^^^^^^^^^^^^^^^^ data-ai-model-unknown
    .authorization((allow) => allow.owner()),
});
export const data = defineData({ schema });
