//- amplify/backend.ts
// ESM-style .js for .ts, a folder with index.ts, a JSON file, a real .js
// file, and a path outside amplify/ (the TypeScript server's business).
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource.js';
import { data } from './data';
import seed from './seed.json';
import { helper } from './helper.js';
import { shared } from '../../shared/not-in-this-checkout';

defineBackend({ auth, data });
//- amplify/seed.json
{ "todos": [] }
//- amplify/helper.js
export const helper = 1;
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';

export const auth = defineAuth({ loginWith: { email: true } });
//- amplify/data/index.ts
export { data } from './resource';
//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Todo: a.model({ content: a.string() }).authorization((allow) => [allow.owner()]),
});

export const data = defineData({ schema });
