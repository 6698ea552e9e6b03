import { defineStorage } from '@aws-amplify/backend';

export const storage = defineStorage({
  name: 'blogMedia',
  access: (allow) => ({
    'covers/*': [
      allow.guest.to(['read']),
      allow.authenticated.to(['read', 'write', 'delete']),
    ],
    'drafts/{entity_id}/*': [
      allow.entity('identity').to(['read', 'write', 'delete']),
    ],
  }),
});
