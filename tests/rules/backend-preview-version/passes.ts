//- package.json
{ "devDependencies": { "@aws-amplify/backend": "~0.15.0" } }
//- package-lock.json
{
  "name": "app",
  "lockfileVersion": 3,
  "packages": {
    "": { "devDependencies": { "@aws-amplify/backend": "~0.15.0" } },
    "node_modules/@aws-amplify/backend": { "version": "1.25.1" },
    "node_modules/@aws-amplify/data-schema": { "version": "1.26.2" }
  }
}
//- amplify/backend.ts
// The lockfile's installed 1.x version wins over the 0.x range.
import { defineBackend } from '@aws-amplify/backend';
import { data } from './data/resource';

defineBackend({ data });
//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Todo: a.model({ content: a.string() }).authorization((allow) => [allow.publicApiKey()]),
});

export const data = defineData({ schema });
