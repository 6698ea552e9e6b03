import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string() }).authorization((allow) => [allow.authenticated()]),
  getWeather: a.query().arguments({ city: a.string() }).returns(a.string())
    .authorization((allow) => [allow.authenticated()]).handler(a.handler.custom({ entry: './weather.js' })),
  chat: a.conversation({
    aiModel: a.ai.model('Claude 3.5 Haiku'),
    systemPrompt: 'Be brief.',
    tools: [
      a.ai.dataTool({ name: 'listPosts', description: 'Lists posts', model: a.ref('Post'), modelOperation: 'list' }),
      a.ai.dataTool({ name: 'get_weather', description: 'Weather', query: a.ref('getWeather') }),
    ],
  }).authorization((allow) => allow.owner()),
});
export const data = defineData({ schema });
