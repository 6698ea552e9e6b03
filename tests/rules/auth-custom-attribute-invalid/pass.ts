//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
defineBackend({ auth });
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';
export const auth = defineAuth({
  loginWith: { email: true },
  userAttributes: {
    'custom:renewalDate': { dataType: 'String', minLen: 8, maxLen: 32 },
    'custom:age': { dataType: 'Number', min: 1, max: 150 },
  },
});
