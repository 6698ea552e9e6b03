//- amplify/backend.ts
// createStack with the name of a resource group, and the same name twice.
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { mailer } from './functions/mailer/resource';

const backend = defineBackend({ auth, mailer });
const authExtras = backend.createStack('auth');
//                                     ^^^^^^ backend-create-stack-collision Custom stack named auth has already been created
const mailStack = backend.createStack('mail');
//                                    ^^^^^^ backend-create-stack-collision resource group
const monitoring = backend.createStack('monitoring');
const monitoringAgain = backend.createStack('monitoring');
//                                          ^^^^^^^^^^^^ backend-create-stack-collision called twice
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';

export const auth = defineAuth({ loginWith: { email: true } });
//- amplify/functions/mailer/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const mailer = defineFunction({ name: 'mailer', resourceGroupName: 'mail' });
