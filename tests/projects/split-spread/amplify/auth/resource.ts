import { defineAuth as defineAuthentication } from '@aws-amplify/backend';

// Default export of the auth resource.
export default defineAuthentication({
  loginWith: {
    email: true,
  },
});
