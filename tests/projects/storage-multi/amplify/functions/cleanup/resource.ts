import { defineFunction } from '@aws-amplify/backend';

export const cleanup = defineFunction({ name: 'cleanup' });
