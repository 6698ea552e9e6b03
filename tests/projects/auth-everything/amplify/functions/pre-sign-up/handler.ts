import type { PreSignUpTriggerHandler } from 'aws-lambda';

export const handler: PreSignUpTriggerHandler = async (event) => {
  const email = event.request.userAttributes['email'] ?? '';
  if (!email.endsWith(`@${process.env.ALLOWED_DOMAIN}`)) {
    throw new Error('Sign-up is restricted.');
  }
  return event;
};
