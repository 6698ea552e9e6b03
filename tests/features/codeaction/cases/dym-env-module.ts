//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { sayHello } from './functions/say-hello/resource';

defineBackend({ sayHello });
//- amplify/functions/say-hello/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const sayHello = defineFunction({ name: 'say-hello' });
//- amplify/functions/say-hello/handler.ts
import type { Handler } from 'aws-lambda';
import { env } from '$amplify/env/say-hel$0o';

export const handler: Handler = async () => env.AWS_REGION;
