//- amplify/backend.ts
// A second defineAuth (even unused) and a second defineData.
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { data } from './data/resource';

defineBackend({ auth, data });
//- amplify/auth/resource.ts
import { defineAuth, referenceAuth } from '@aws-amplify/backend';

export const auth = defineAuth({ loginWith: { email: true } });
export const legacyAuth = referenceAuth({
//                        ^^^^^^^^^^^^^ backend-duplicate-singleton Multiple `defineAuth` or `referenceAuth` calls
  userPoolId: 'us-east-1_abc',
  identityPoolId: 'us-east-1:0000',
  userPoolClientId: 'client',
  authRoleArn: 'arn:aws:iam::123456789012:role/auth',
  unauthRoleArn: 'arn:aws:iam::123456789012:role/unauth',
});
//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Todo: a.model({ content: a.string() }).authorization((allow) => [allow.owner()]),
});

export const data = defineData({ schema });
export const adminData = defineData({ schema, name: 'admin' });
//                       ^^^^^^^^^^ backend-duplicate-singleton Multiple `defineData` calls
