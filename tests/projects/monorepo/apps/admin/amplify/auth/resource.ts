import { referenceAuth } from '@aws-amplify/backend';
import { userAdmin } from '../functions/user-admin/resource';

// The admin app reuses the user pool the web app created.
export const auth = referenceAuth({
  userPoolId: 'us-east-1_AbCdEfGhI',
  identityPoolId: 'us-east-1:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b',
  userPoolClientId: '1a2b3c4d5e6f7g8h9i0j1k2l3m',
  authRoleArn: 'arn:aws:iam::123456789012:role/shop-web-authRole',
  unauthRoleArn: 'arn:aws:iam::123456789012:role/shop-web-unauthRole',
  groups: {
    ADMINS: 'arn:aws:iam::123456789012:role/shop-web-ADMINS-role',
  },
  access: (allow) => [allow.resource(userAdmin).to(['manageUsers', 'listUsers'])],
});
