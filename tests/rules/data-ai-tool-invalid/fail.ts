import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string() }).authorization((allow) => [allow.authenticated()]),
  chat: a.conversation({
    aiModel: a.ai.model('Claude 3.5 Haiku'),
    systemPrompt: 'Be brief.',
    tools: [
      a.ai.dataTool({ name: 'list posts', description: 'Lists posts', model: a.ref('Post'), modelOperation: 'list' }),
//                          ^^^^^^^^^^^^ data-ai-tool-invalid Tool name
      a.ai.dataTool({ name: 'weather', description: 'Weather', query: 'getWeather' }),
//                                                                    ^^^^^^^^^^^^ data-ai-tool-invalid must be an a.ref
    ],
  }).authorization((allow) => allow.owner()),
});
export const data = defineData({ schema });
