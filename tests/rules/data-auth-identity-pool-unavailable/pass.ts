//- package.json
{ "name": "app", "devDependencies": { "@aws-amplify/backend": "1.25.1" } }
//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { data } from './data/resource';
defineBackend({ auth, data });
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';
export const auth = defineAuth({ loginWith: { email: true } });
//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Todo: a.model({ content: a.string() }).authorization((allow) => [allow.guest().to(['read']), allow.authenticated('identityPool')]),
});
export const data = defineData({ schema, authorizationModes: { defaultAuthorizationMode: 'identityPool' } });
