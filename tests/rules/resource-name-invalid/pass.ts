//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { jobs } from './functions/9-jobs/resource';
import { media } from './storage/resource';
defineBackend({ jobs, media });
//- amplify/functions/9-jobs/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const jobs = defineFunction({ name: 'jobs' });
//- amplify/functions/9-jobs/handler.ts
export const handler = async () => 'ok';
//- amplify/storage/resource.ts
import { defineStorage } from '@aws-amplify/backend';
export const media = defineStorage({ name: 'media files_2-b' });
