//- amplify/backend.ts
// Without a name, a function is named after its folder: resize-image.
import { defineBackend } from '@aws-amplify/backend';
import { resizeImage } from './functions/resize-image/resource';
defineBackend({ resizeImage });
//- amplify/functions/resize-image/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const resizeImage = defineFunction({ timeoutSeconds: 30 });
// A call in a comment is no function: `defineFunction({ name: 'resizeImage' })`.
/* export const old = defineFunction({ name: 'resizeImage' }); */
//- amplify/functions/resize-image/handler.ts
import { env } from "$amplify/env/resizeImage";
//                   ^^^^^^^^^^^^^^^^^^^^^^^^ function-env-unknown no defineFunction of this backend is named 'resizeImage'
export const handler = async () => env.AWS_REGION;
