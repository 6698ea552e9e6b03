//- amplify/backend.ts
// defineStorage called in backend.ts, defineAuth in auth/index.ts.
import { defineBackend, defineStorage } from '@aws-amplify/backend';
import { auth } from './auth';

const storage = defineStorage({ name: 'photos' });
//              ^^^^^^^^^^^^^ backend-resource-wrong-file amplify/storage/resource.ts
defineBackend({ auth, storage });
//- amplify/auth/index.ts
import { defineAuth } from '@aws-amplify/backend';

export const auth = defineAuth({ loginWith: { email: true } });
//                  ^^^^^^^^^^ backend-resource-wrong-file Amplify Auth must be defined in amplify/auth/resource.ts
