//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { data } from './data/resource';
import { reporter } from './functions/reporter/resource';

const backend = defineBackend({ data, reporter });
backend.reporter.addEnvironment($0'AMPLIFY_DATA_MODEL_INTROSPECTION_SCHEMA_KEY', 'x');
//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';
import { auditor } from '../functions/auditor/resource';

const schema = a
  .schema({
    Todo: a.model({ content: a.string() }).authorization((rule) => [rule.publicApiKey()]),
  })
  .authorization((rule) => [
    rule.resource(auditor),
  ]);

export const data = defineData({ schema });
//- amplify/functions/reporter/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const reporter = defineFunction({ name: 'reporter' });
//- amplify/functions/auditor/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const auditor = defineFunction({ name: 'auditor' });
