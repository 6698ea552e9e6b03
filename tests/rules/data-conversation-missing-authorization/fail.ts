import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  chat: a.conversation({ aiModel: a.ai.model('Claude 3.5 Sonnet'), systemPrompt: 'You help.' }),
//^^^^ data-conversation-missing-authorization
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
