//- amplify/backend.ts
// Each handler imports its own function's module: a given name, the folder
// name, the entry's base name (with .js, which names the generated .ts).
import { defineBackend } from '@aws-amplify/backend';
import { sayHello } from './functions/say-hello/resource';
import { other } from './functions/other/resource';
import { worker } from './functions/worker/resource';
defineBackend({ sayHello, other, worker });
//- amplify/functions/say-hello/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const sayHello = defineFunction({ name: 'say-hello' });
//- amplify/functions/say-hello/handler.ts
import { env } from '$amplify/env/say-hello';
export const handler = async () => env.AWS_REGION;
//- amplify/functions/other/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const other = defineFunction();
//- amplify/functions/other/handler.ts
import { env } from '$amplify/env/other';
import { helper } from './lib';
export const handler = async () => helper(env.AWS_REGION);
//- amplify/functions/other/lib.ts
export const helper = (s: string) => s;
//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const worker = defineFunction({ entry: './process.ts', timeoutSeconds: 60 });
//- amplify/functions/worker/process.ts
import { env } from '$amplify/env/process.js';
export const handler = async () => env.AWS_REGION;
