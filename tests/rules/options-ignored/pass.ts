//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
defineBackend({ auth });
//- amplify/auth/resource.ts
// Every SAML and OIDC option the auth construct forwards.
import { defineAuth, secret } from '@aws-amplify/backend';

export const auth = defineAuth({
  loginWith: {
    email: true,
    externalProviders: {
      saml: {
        name: 'CorpSAML',
        metadata: { metadataContent: 'https://idp.example.com/metadata.xml', metadataType: 'URL' },
        identifiers: ['corp.example.com'],
        idpSignout: true,
        attributeMapping: { email: 'email' },
      },
      oidc: [
        {
          name: 'MicrosoftEntraID',
          clientId: secret('ENTRA_CLIENT_ID'),
          clientSecret: secret('ENTRA_CLIENT_SECRET'),
          issuerUrl: 'https://login.microsoftonline.com/tenant/v2.0',
          scopes: ['openid', 'email'],
          identifiers: ['example.com'],
          attributeRequestMethod: 'POST',
          attributeMapping: { email: 'email' },
        },
      ],
      callbackUrls: ['http://localhost:3000/'],
      logoutUrls: ['http://localhost:3000/'],
    },
  },
});
