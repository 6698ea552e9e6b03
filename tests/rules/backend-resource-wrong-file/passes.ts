//- amplify/backend.ts
// Each call in its file (re-exported elsewhere is fine); functions anywhere.
import { defineBackend, defineFunction } from '@aws-amplify/backend';
import { auth, storage } from './resources';

const nightly = defineFunction({ name: 'nightly', schedule: 'every day' });
defineBackend({ auth, storage, nightly });
//- amplify/resources.ts
export { auth } from './auth/resource';
export { storage } from './storage/resource.js';
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';

export const auth = defineAuth({ loginWith: { email: true } });
//- amplify/storage/resource.ts
import { defineStorage } from '@aws-amplify/backend';

export const storage = defineStorage({ name: 'photos' });
