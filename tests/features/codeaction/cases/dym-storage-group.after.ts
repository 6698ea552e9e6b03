//- amplify/storage/resource.ts
import { defineStorage } from '@aws-amplify/backend';

export const storage = defineStorage({
  name: 'média',
  access: (allow) => ({
    'rapports/📊/*': [allow.groups(['EDITORS', 'ADMINS']).to(['read'])],
  }),
});
