//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
defineBackend({ auth });
//- amplify/auth/resource.ts
import { defineAuth, defineFunction } from '@aws-amplify/backend';
const emailSender = defineFunction({ name: 'email-sender', entry: './email.ts' });
const smsSender = defineFunction({ name: 'sms-sender', entry: './sms.ts' });
export const auth = defineAuth({
  loginWith: { email: true, phone: true },
  senders: {
    email: { handler: emailSender, kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/one' },
    sms: { handler: smsSender, kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/two' },
//                                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ auth-sender-kms-mismatch
  },
});
