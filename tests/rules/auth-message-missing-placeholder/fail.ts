//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
defineBackend({ auth });
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';
export const auth = defineAuth({
  loginWith: {
    email: {
      verificationEmailSubject: 'Welcome',
      verificationEmailBody: () => 'Welcome! Please confirm your account.',
//                                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ auth-message-missing-placeholder verificationEmailBody
    },
  },
  multifactor: { mode: 'OPTIONAL', sms: { smsMessage: () => 'Here is your code' } },
//                                                          ^^^^^^^^^^^^^^^^^^^ auth-message-missing-placeholder smsMessage
});
