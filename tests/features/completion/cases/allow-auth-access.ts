//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';
import { admin } from '../functions/admin/resource';

export const auth = defineAuth({
  loginWith: { email: true },
  access: (allow) => [allow.$0],
});
//- amplify/functions/admin/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const admin = defineFunction({ name: 'admin' });
//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { admin } from './functions/admin/resource';
defineBackend({ auth, admin });
