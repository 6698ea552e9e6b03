//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { worker } from './functions/worker/resource';
defineBackend({ worker });
//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';
const minutes = 2;
export const worker = defineFunction({
  timeoutSeconds: minutes * 60,
  environment: { RETRIES: '3', STAGE: process.env.STAGE ?? 'dev', REGION: `${process.env.AWS_REGION}` },
});
//- amplify/functions/worker/handler.ts
export const handler = async () => 'ok';
