//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { worker } from './functions/worker/resource';
defineBackend({ worker });
//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const worker = defineFunction({
  layers: {
    sharp: 'arn:aws:lambda:us-east-1:123456789012:layer:sharp:4',
    canvas: 'canvas-layer:2',
  },
});
//- amplify/functions/worker/handler.ts
export const handler = async () => 'ok';
