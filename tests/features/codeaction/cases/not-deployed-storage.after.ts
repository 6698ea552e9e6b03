//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { data } from './data/resource';
import './storage/resource';
import { storage } from './storage/resource';

defineBackend({
  auth,
  data,
  storage,
});
//- amplify/storage/resource.ts
import { defineStorage } from '@aws-amplify/backend';

export const storage = defineStorage({
  name: 'photos',
  access: (allow) => ({
    'photos/*': [allow.authenticated.to(['read'])],
  }),
});
