//- amplify/backend.ts
// With an entry and no name, a function is named after its entry file
// (process), not its folder (worker).
import { defineBackend } from '@aws-amplify/backend';
import { worker } from './functions/worker/resource';
import { mailer } from './functions/mailer/resource';
defineBackend({ worker, mailer });
//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const worker = defineFunction({ entry: './process.ts' });
//- amplify/functions/worker/process.ts
import { env } from '$amplify/env/worker';
//                   ^^^^^^^^^^^^^^^^^^^ function-env-unknown (functions here: 'process', 'send-mail')
export const handler = async () => env.AWS_REGION;
//- amplify/functions/mailer/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const mailer = defineFunction({ name: 'send-mail' });
//- amplify/functions/mailer/handler.ts
import { env } from '$amplify/env/send-mail';
export const handler = async () => env.AWS_REGION;
