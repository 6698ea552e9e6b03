//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
defineBackend({ auth });
//- amplify/auth/resource.ts
// Two OIDC providers with one name (and, for the catalogue's name pattern,
// a name with '_' after its second character, which Cognito refuses).
import { defineAuth, secret } from '@aws-amplify/backend';

export const auth = defineAuth({
  loginWith: {
    email: true,
    externalProviders: {
      oidc: [
        { name: 'Okta', clientId: secret('A_ID'), clientSecret: secret('A_SECRET'), issuerUrl: 'https://a.example.com' },
        { name: 'Okta', clientId: secret('B_ID'), clientSecret: secret('B_SECRET'), issuerUrl: 'https://b.example.com' },
//              ^^^^^^ auth-duplicate-provider-name A second OIDC provider named 'Okta'
        { name: 'MS_Entra', clientId: secret('C_ID'), clientSecret: secret('C_SECRET'), issuerUrl: 'https://c.example.com' },
//              ^^^^^^^^^^ options-invalid-value must match
      ],
      callbackUrls: ['http://localhost:3000/'],
      logoutUrls: ['http://localhost:3000/'],
    },
  },
});
