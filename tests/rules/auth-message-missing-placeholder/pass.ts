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
      verificationEmailBody: (createCode) => `Welcome! Your code is ${createCode()}`,
    },
    phone: { verificationMessage: () => 'Your code is {####}' },
  },
  multifactor: { mode: 'OPTIONAL', sms: { smsMessage: (code) => `Code: ${code()}` } },
});
