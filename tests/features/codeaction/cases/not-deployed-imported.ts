//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { data } from './data/resource';
import { cleanup } from './functions/cleanup/resource';

defineBackend({ data });
//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Todo: a.model({ content: a.string() }).authorization((allow) => [allow.publicApiKey()]),
});

export const data = defineData({ schema });
//- amplify/functions/cleanup/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const cleanup = $0defineFunction({ name: 'cleanup', schedule: 'every day' });
