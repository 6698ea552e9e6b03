//- amplify/backend.ts
// The grant gives the reporter the data environment; other names are free.
import { defineBackend } from '@aws-amplify/backend';
import { data } from './data/resource';
import { reporter, archiver } from './functions/reporter/resource';

const backend = defineBackend({ data, reporter, archiver });
backend.archiver.addEnvironment('AMPLIFY_DATA_TODO_TABLE_NAME', 'todo');
backend.archiver.addEnvironment('GRAPHQL_ENDPOINT', backend.data.graphqlUrl);
//- amplify/functions/reporter/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const reporter = defineFunction({ name: 'reporter' });
export const archiver = defineFunction({ name: 'archiver', entry: './archive.ts' });
//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';
import { reporter } from '../functions/reporter/resource';

const schema = a
  .schema({
    Todo: a.model({ content: a.string() }).authorization((allow) => [allow.owner()]),
  })
  .authorization((allow) => [allow.resource(reporter).to(['query'])]);

export const data = defineData({ schema });
