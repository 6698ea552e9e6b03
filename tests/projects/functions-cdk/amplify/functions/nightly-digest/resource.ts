import { defineFunction, secret } from '@aws-amplify/backend';

// Every FunctionProps key.
export const nightlyDigest = defineFunction({
  name: 'nightly-digest',
  entry: './digest.ts',
  timeoutSeconds: 120,
  memoryMB: 1024,
  ephemeralStorageSizeMB: 1024,
  environment: {
    DIGEST_FROM: 'digest@example.com',
    MAIL_API_KEY: secret('MAIL_API_KEY'),
    STAGE: process.env.NODE_ENV === 'production' ? 'prod' : 'dev',
  },
  runtime: 20,
  architecture: 'arm64',
  schedule: ['0 3 * * ? *', 'every 1h'],
  layers: {
    sharp: 'arn:aws:lambda:us-east-1:123456789012:layer:sharp:4',
    'pdf-lib': 'pdf-lib-layer:2',
  },
  bundling: {
    minify: false,
  },
  resourceGroupName: 'data',
  logging: {
    format: 'json',
    level: 'info',
    retention: '1 month',
  },
});
