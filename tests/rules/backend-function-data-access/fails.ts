//- amplify/backend.ts
// A hand-made data environment instead of the schema-level grant.
import { defineBackend } from '@aws-amplify/backend';
import { data } from './data/resource';
import { reporter } from './functions/reporter/resource';

const backend = defineBackend({ data, reporter });
backend.reporter.addEnvironment('AMPLIFY_DATA_GRAPHQL_ENDPOINT', backend.data.graphqlUrl);
//                              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ backend-function-data-access The data environment variables are malformed
//- amplify/functions/reporter/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const reporter = defineFunction({ name: 'reporter' });
//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Todo: a.model({ content: a.string() }).authorization((allow) => [allow.owner()]),
});

export const data = defineData({ schema });
