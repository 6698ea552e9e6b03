//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
defineBackend({ auth });
//- amplify/auth/resource.ts
// SAML options the type accepts but the auth construct never forwards.
import { defineAuth } from '@aws-amplify/backend';
import { SigningAlgorithm } from 'aws-cdk-lib/aws-cognito';

export const auth = defineAuth({
  loginWith: {
    email: true,
    externalProviders: {
      saml: {
        name: 'CorpSAML',
        metadata: { metadataContent: 'https://idp.example.com/metadata.xml', metadataType: 'URL' },
        encryptedResponses: true,
//      ^^^^^^^^^^^^^^^^^^ options-ignored The defineAuth option 'encryptedResponses' is ignored
        requestSigningAlgorithm: SigningAlgorithm.RSA_SHA256,
//      ^^^^^^^^^^^^^^^^^^^^^^^ options-ignored not passed to Cognito
        idpInitiated: true,
//      ^^^^^^^^^^^^ options-ignored Remove it
      },
      callbackUrls: ['http://localhost:3000/'],
      logoutUrls: ['http://localhost:3000/'],
    },
  },
});
