//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
defineBackend({ auth });
//- amplify/auth/resource.ts
// Distinct names, unnamed providers (named by their index), a name whose
// second character is '_', and a name that is not known.
import { defineAuth, secret } from '@aws-amplify/backend';

const tenant = process.env.TENANT_NAME;

export const auth = defineAuth({
  loginWith: {
    email: true,
    externalProviders: {
      oidc: [
        { name: 'Okta', clientId: secret('A_ID'), clientSecret: secret('A_SECRET'), issuerUrl: 'https://a.example.com' },
        { name: 'MicrosoftEntraID', clientId: secret('B_ID'), clientSecret: secret('B_SECRET'), issuerUrl: 'https://b.example.com' },
        { name: 'A_Corp', clientId: secret('C_ID'), clientSecret: secret('C_SECRET'), issuerUrl: 'https://c.example.com' },
        { clientId: secret('D_ID'), clientSecret: secret('D_SECRET'), issuerUrl: 'https://d.example.com' },
        { clientId: secret('E_ID'), clientSecret: secret('E_SECRET'), issuerUrl: 'https://e.example.com' },
        { name: tenant, clientId: secret('F_ID'), clientSecret: secret('F_SECRET'), issuerUrl: 'https://f.example.com' },
      ],
      callbackUrls: ['http://localhost:3000/'],
      logoutUrls: ['http://localhost:3000/'],
    },
  },
});
