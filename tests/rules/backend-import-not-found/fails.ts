//- amplify/backend.ts
// A typo in a resource import.
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resorce';
//                   ^^^^^^^^^^^^^^^^ backend-import-not-found Cannot find './auth/resorce'
import { data } from './data/resource';

defineBackend({ auth, data });
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';

export const auth = defineAuth({ loginWith: { email: true } });
//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';
export * from './models/missing';
//            ^^^^^^^^^^^^^^^^^^ backend-import-not-found

const schema = a.schema({
  Todo: a.model({ content: a.string() }).authorization((allow) => [allow.owner()]),
});

export const data = defineData({ schema });
