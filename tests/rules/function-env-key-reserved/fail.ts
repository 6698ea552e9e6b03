//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { worker } from './functions/worker/resource';
defineBackend({ worker });
//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const worker = defineFunction({
  environment: { AWS_REGION: 'eu-west-1', AMPLIFY_SSM_ENV_CONFIG: '{}' },
//               ^^^^^^^^^^ function-env-key-reserved Lambda
//                                        ^^^^^^^^^^^^^^^^^^^^^^ function-env-key-reserved Amplify
});
//- amplify/functions/worker/handler.ts
export const handler = async () => 'ok';
