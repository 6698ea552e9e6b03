//- amplify/backend.ts
// Two defineBackend calls: the second instantiates everything again.
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { storage } from './storage/resource';

const backend = defineBackend({ auth });
const again = defineBackend({ storage });
//            ^^^^^^^^^^^^^ backend-duplicate-define-backend second time
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';

export const auth = defineAuth({ loginWith: { email: true } });
//- amplify/storage/resource.ts
import { defineStorage } from '@aws-amplify/backend';

export const storage = defineStorage({ name: 'photos' });
