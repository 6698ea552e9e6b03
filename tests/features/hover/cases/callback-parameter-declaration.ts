//- amplify/storage/resource.ts
import { defineStorage } from '@aws-amplify/backend';

export const storage = defineStorage({
  name: 'media',
  access: (al$0low) => ({ 'photos/*': [allow.guest.to(['read'])] }),
});
//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { storage } from './storage/resource';
defineBackend({ storage });
