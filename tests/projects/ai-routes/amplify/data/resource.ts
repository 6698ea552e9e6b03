import { type ClientSchema, a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Recipe: a
    .model({
      title: a.string().required(),
      ingredients: a.string().array(),
      instructions: a.string(),
      cuisine: a.string(),
    })
    .authorization((allow) => [allow.owner(), allow.authenticated().to(['read'])]),

  RecipeIdea: a.customType({
    title: a.string(),
    ingredients: a.string().array(),
    steps: a.string().array(),
  }),

  pantryStatus: a
    .query()
    .arguments({ city: a.string() })
    .returns(a.string())
    .authorization((allow) => [allow.authenticated()])
    .handler(a.handler.custom({ entry: './pantryStatus.js' })),

  // Generation route: a single request/response call to the model.
  suggestRecipe: a
    .generation({
      aiModel: a.ai.model('Claude 3.5 Sonnet'),
      systemPrompt: 'You are a helpful chef. Suggest one recipe from the given ingredients.',
      inferenceConfiguration: {
        temperature: 0.7,
        topP: 0.9,
        maxTokens: 1000,
      },
    })
    .arguments({ ingredients: a.string().array().required() })
    .returns(a.ref('RecipeIdea'))
    .authorization((allow) => allow.authenticated()),

  summarizeText: a
    .generation({
      aiModel: a.ai.model('Claude 3 Haiku'),
      systemPrompt: 'Summarize the text in two sentences.',
    })
    .arguments({ text: a.string().required() })
    .returns(a.string())
    .authorization((allow) => [allow.authenticated()]),

  // Conversation route with two data tools.
  chef: a
    .conversation({
      aiModel: a.ai.model('Claude 3.5 Sonnet'),
      systemPrompt: 'You are a cooking assistant. Use the tools to look up saved recipes.',
      inferenceConfiguration: { maxTokens: 2000 },
      tools: [
        a.ai.dataTool({
          name: 'listRecipes',
          description: 'Lists the recipes the user has saved.',
          model: a.ref('Recipe'),
          modelOperation: 'list',
        }),
        a.ai.dataTool({
          name: 'pantry_status',
          description: 'Tells which ingredients are in season in a city.',
          query: a.ref('pantryStatus'),
        }),
      ],
    })
    .authorization((allow) => allow.owner()),
});

export type Schema = ClientSchema<typeof schema>;

export const data = defineData({ schema });
