//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { sayHello } from './functions/say-hello/resource';
defineBackend({ sayHello });
//- amplify/functions/say-hello/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const sayHello = defineFunction({ name: 'say-hello' });
//- amplify/functions/say-hello/handler.ts
import type { Handler } from 'aws-lambda';
// The module is generated under this name by a build step of our own.
// amplify-ls-ignore-next-line function-env-unknown
import { env } from '$amplify/env/say-helo';
export const handler: Handler = async () => env.AWS_REGION;
