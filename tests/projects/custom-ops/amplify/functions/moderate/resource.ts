import { defineFunction } from '@aws-amplify/backend';

export const moderate = defineFunction({ name: 'moderate' });
