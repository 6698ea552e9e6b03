//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { worker } from './functions/worker/resource';
defineBackend({ worker });
//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const worker = defineFunction({
  environment: { TARGET_REGION: 'eu-west-1', AWS_REGION_OVERRIDE: 'us-east-1' },
});
//- amplify/functions/worker/handler.ts
export const handler = async () => 'ok';
