//- amplify/backend.ts
// One function's name is not a literal: any other name may be its name, so
// nothing is reported.
import { defineBackend } from '@aws-amplify/backend';
import { sayHello } from './functions/say-hello/resource';
import { other } from './functions/other/resource';
defineBackend({ sayHello, other });
//- amplify/functions/say-hello/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const sayHello = defineFunction({ name: 'say-hello' });
//- amplify/functions/say-hello/handler.ts
import { env } from '$amplify/env/something-else';
export const handler = async () => env.AWS_REGION;
//- amplify/functions/other/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const other = defineFunction({ name: process.env.OTHER_NAME });
