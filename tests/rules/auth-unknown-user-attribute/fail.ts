//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
defineBackend({ auth });
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';
export const auth = defineAuth({
  loginWith: { email: true },
  userAttributes: {
    given_name: { required: true },
//  ^^^^^^^^^^ auth-unknown-user-attribute givenName
    role: { dataType: 'String', mutable: true },
//  ^^^^ auth-unknown-user-attribute 'custom:role'
  },
});
