//- package.json
{ "name": "app", "devDependencies": { "@aws-amplify/backend": "1.25.1" } }
//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  chat: a.conversation({
    aiModel: a.ai.model('Claude 3.5 Haiku'),
    systemPrompt: 'You are a helpful assistant.',
  }).authorization((allow) => allow.owner()),
//                                  ^^^^^ data-auth-user-pool-unavailable
  Todo: a.model({ content: a.string() }).authorization((allow) => [allow.publicApiKey()]),
});
export const data = defineData({ schema });
