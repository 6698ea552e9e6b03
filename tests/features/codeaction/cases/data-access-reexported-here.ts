//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { data, reportFn } from './data/resource';

const backend = defineBackend({ data, reportFn });
backend.reportFn.addEnvironment('AMPLIFY_DATA_GRAPHQL_ENDPOINT$0', backend.data.graphqlUrl);
//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';

// Re-exported for backend.ts: « rapport » 📈
export { reporter as reportFn } from '../functions/reporter/resource';

const schema = a.schema({
  Todo: a.model({ content: a.string() }).authorization((allow) => [allow.publicApiKey()]),
});

export const data = defineData({ schema });
//- amplify/functions/reporter/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const reporter = defineFunction({ name: 'reporter' });
