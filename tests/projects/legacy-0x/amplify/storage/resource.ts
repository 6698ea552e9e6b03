import { defineStorage } from '@aws-amplify/backend';

// 0.x storage took no access rules.
export const storage = defineStorage({
  name: 'legacyFiles',
});
