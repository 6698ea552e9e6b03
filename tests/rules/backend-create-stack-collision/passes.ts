//- amplify/backend.ts
// Fresh names; 'storage' is free while the backend has no bucket.
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { mailer } from './functions/mailer/resource';

const backend = defineBackend({ auth, mailer });
const authExtras = backend.createStack('authExtras');
const storageStack = backend.createStack('storage');
const monitoring = backend.createStack('monitoring');
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';

export const auth = defineAuth({ loginWith: { email: true } });
//- amplify/functions/mailer/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const mailer = defineFunction({ name: 'mailer', resourceGroupName: 'mail' });
