//- amplify/backend.ts
// Functions made by a helper the model does not follow: their names are not
// known, so no import is reported.
import { defineBackend } from '@aws-amplify/backend';
import { fns } from './functions/jobs/resource';
defineBackend({ ...fns });
//- amplify/functions/jobs/resource.ts
import { defineFunction } from '@aws-amplify/backend';
const make = (name: string) => defineFunction({ name, entry: './handler.ts' });
export const fns = { alpha: make('alpha'), beta: make('beta') };
//- amplify/functions/jobs/handler.ts
import { env } from '$amplify/env/beta';
export const handler = async () => env.AWS_REGION;
