//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { storage } from './storage/resource';
defineBackend({ auth, storage });
//- amplify/auth/resource.ts
import { referenceAuth } from '@aws-amplify/backend';
export const auth = referenceAuth({
  userPoolId: 'us-east-1_abc',
  identityPoolId: 'us-east-1:0000',
  userPoolClientId: 'client',
  authRoleArn: 'arn:aws:iam::123456789012:role/auth',
  unauthRoleArn: 'arn:aws:iam::123456789012:role/unauth',
  groups: { editors: 'arn:aws:iam::123456789012:role/editors' },
});
//- amplify/storage/resource.ts
import { defineStorage } from '@aws-amplify/backend';
export const storage = defineStorage({
  name: 'media',
  access: (allow) => ({
    'reports/*': [allow.groups(['editor']).to(['read'])],
//                              ^^^^^^^^ storage-unknown-group Did you mean 'editors'?
  }),
});
