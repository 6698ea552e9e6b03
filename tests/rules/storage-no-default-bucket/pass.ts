//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { photos } from './storage/resource';
import { backups } from './storage/resource';
defineBackend({ auth, photos, backups });
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';
export const auth = defineAuth({ loginWith: { email: true }, groups: ['ADMINS', 'EDITORS'] });
//- amplify/storage/resource.ts
import { defineStorage } from '@aws-amplify/backend';
export const photos = defineStorage({ name: 'photos' });
export const backups = defineStorage({ name: 'backups', isDefault: true });
