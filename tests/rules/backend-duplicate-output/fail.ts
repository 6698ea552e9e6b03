//- amplify/backend.ts
// Two addOutput calls write the same key; one object has a key twice.
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';

const backend = defineBackend({ auth });
backend.addOutput({
  version: '1.4',
  custom: { apiUrl: 'https://api.example.com', region: 'eu-west-1', flags: { beta: true } },
});
backend.addOutput({
  version: '1.4',
  custom: {
    apiUrl: backend.auth.resources.userPool.userPoolProviderUrl,
//  ^^^^^^ backend-duplicate-output Output entry with key apiUrl already exists
    flags: { beta: false, gamma: true },
//           ^^^^ backend-duplicate-output 'custom.flags.beta' is already written
  },
});
backend.addOutput({ custom: { region: 'us-east-1' } });
//                            ^^^^^^ backend-duplicate-output 'custom.region'
backend.addOutput({
  custom: { stage: 'dev', stage: 'prod' },
//                        ^^^^^ backend-duplicate-output written twice in this object
});
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';

export const auth = defineAuth({ loginWith: { email: true } });
