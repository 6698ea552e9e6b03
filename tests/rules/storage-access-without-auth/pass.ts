//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { storage } from './storage/resource';
import { thumbnailer } from './functions/thumbnailer/resource';
defineBackend({ auth, storage, thumbnailer });
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';
export const auth = defineAuth({ loginWith: { email: true } });
//- amplify/functions/thumbnailer/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const thumbnailer = defineFunction();
//- amplify/storage/resource.ts
import { defineStorage } from '@aws-amplify/backend';
import { thumbnailer } from '../functions/thumbnailer/resource';
export const storage = defineStorage({
  name: 'media',
  access: (allow) => ({
    'public/*': [
      allow.guest.to(['read']),
      allow.authenticated.to(['read', 'write']),
      allow.resource(thumbnailer).to(['read']),
    ],
  }),
});
