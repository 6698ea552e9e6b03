//- amplify/backend.ts
// A schema entry that holds something the model does not understand (the
// ternary) may hide a use of the function, so the rule stays silent, even
// though the entry reads nothing but its own text.
import { defineBackend } from '@aws-amplify/backend';
import { data } from './data/resource';

defineBackend({ data });
//- amplify/data/resource.ts
import { a, defineData, defineFunction } from '@aws-amplify/backend';

const orphan = defineFunction({ name: 'orphan', entry: './orphan.ts' });

const schema = a.schema({
  Todo: a
    .model({ content: a.string(), tag: a.string() })
    .secondaryIndexes((index) => [index('content').sortKeys(index.length > 1 ? ['tag'] : [])])
    .authorization((allow) => [allow.publicApiKey()]),
});

export const data = defineData({ schema });
//- amplify/data/orphan.ts
export const handler = async () => {};
