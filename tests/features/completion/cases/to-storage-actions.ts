//- amplify/storage/resource.ts
import { defineStorage } from '@aws-amplify/backend';

export const storage = defineStorage({
  name: 'media',
  access: (allow) => ({
    'photos/*': [allow.authenticated.to(['read', $0])],
  }),
});
//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { storage } from './storage/resource';
defineBackend({ storage });
