//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
defineBackend({ auth });
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';
export const auth = defineAuth({
  loginWith: { email: true },
  multifactor: { mode: 'REQUIRED' },
//                     ^^^^^^^^^^ auth-mfa-without-factor names no factor
});
