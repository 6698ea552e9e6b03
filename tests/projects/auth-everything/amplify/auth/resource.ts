import { defineAuth, secret } from '@aws-amplify/backend';
import { preSignUp } from '../functions/pre-sign-up/resource';
import { postConfirmation } from '../functions/post-confirmation/resource';
import { adminActions } from '../functions/admin-actions/resource';

export const auth = defineAuth({
  loginWith: {
    email: {
      verificationEmailStyle: 'CODE',
      verificationEmailSubject: 'Your verification code',
      verificationEmailBody: (createCode) => `Your code is ${createCode()}`,
    },
    phone: true,
    externalProviders: {
      google: {
        clientId: secret('GOOGLE_CLIENT_ID'),
        clientSecret: secret('GOOGLE_CLIENT_SECRET'),
        scopes: ['email', 'profile', 'openid'],
        attributeMapping: {
          email: 'email',
          givenName: 'given_name',
        },
      },
      oidc: [
        {
          name: 'EntraID',
          clientId: secret('ENTRA_CLIENT_ID'),
          clientSecret: secret('ENTRA_CLIENT_SECRET'),
          issuerUrl: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
          scopes: ['openid', 'email', 'profile'],
        },
      ],
      saml: {
        name: 'CorpSAML',
        metadata: {
          metadataContent: 'https://idp.example.com/saml/metadata.xml',
          metadataType: 'URL',
        },
      },
      callbackUrls: ['http://localhost:3000/', 'https://app.example.com/'],
      logoutUrls: ['http://localhost:3000/', 'https://app.example.com/'],
    },
  },
  multifactor: {
    mode: 'OPTIONAL',
    sms: true,
    totp: true,
  },
  userAttributes: {
    givenName: { required: false, mutable: true },
    preferredUsername: { mutable: true },
    'custom:tenantId': { dataType: 'String', mutable: true, maxLen: 36 },
    'custom:seats': { dataType: 'Number', min: 1, max: 500 },
    'custom:isBeta': { dataType: 'Boolean', mutable: true },
  },
  accountRecovery: 'EMAIL_ONLY',
  groups: ['ADMINS', 'EDITORS', 'VIEWERS'],
  triggers: {
    preSignUp,
    postConfirmation,
  },
  access: (allow) => [
    allow.resource(postConfirmation).to(['addUserToGroup']),
    allow.resource(adminActions).to(['manageUsers', 'manageGroupMembership', 'listUsers']),
  ],
  senders: {
    email: {
      fromEmail: 'no-reply@example.com',
      fromName: 'Example App',
      replyTo: 'support@example.com',
    },
  },
});
