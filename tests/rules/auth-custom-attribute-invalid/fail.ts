//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
defineBackend({ auth });
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';
export const auth = defineAuth({
  loginWith: { email: true },
  userAttributes: {
    'custom:subscriptionRenewalDate': { dataType: 'String' },
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ auth-custom-attribute-invalid at most 20
    'custom:age': { dataType: 'Number', minLen: 1 },
//                                      ^^^^^^ auth-custom-attribute-invalid 'String'
  },
});
