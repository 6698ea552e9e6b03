//- amplify/functions/say-hello/handler.ts
import type { Handler } from 'aws-lambda';
import { env } from '$amplify/env/say-hello';

export const handler: Handler = async () => env.AWS_REGION;
