//- amplify/backend.ts
// One defineBackend call; uses of its result are not calls of it.
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { storage } from './storage/resource';

const backend = defineBackend({ auth, storage });
const extras = backend.createStack('extras');
backend.addOutput({ custom: { stackName: extras.stackName } });
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';

export const auth = defineAuth({ loginWith: { email: true } });
//- amplify/storage/resource.ts
import { defineStorage } from '@aws-amplify/backend';

export const storage = defineStorage({ name: 'photos' });
