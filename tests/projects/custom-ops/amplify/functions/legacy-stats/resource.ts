import { defineFunction } from '@aws-amplify/backend';

export const legacyStats = defineFunction({ name: 'legacy-stats' });
