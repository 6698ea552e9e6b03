//- package.json
{ "name": "app", "devDependencies": { "@aws-amplify/backend": "1.25.1" } }
//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { storage } from './storage/resource';
import { thumbnailer } from './functions/thumbnailer/resource';
defineBackend({ storage, thumbnailer });
//- amplify/functions/thumbnailer/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const thumbnailer = defineFunction();
//- amplify/storage/resource.ts
import { defineStorage } from '@aws-amplify/backend';
import { thumbnailer } from '../functions/thumbnailer/resource';
export const storage = defineStorage({
  name: 'media',
  access: (allow) => ({
    'public/*': [
      allow.guest.to(['read']),
//    ^^^^^^^^^^^^^^ storage-access-without-auth unauthenticatedUserIamRole
      allow.authenticated.to(['read', 'write']),
//    ^^^^^^^^^^^^^^^^^^^^^^ storage-access-without-auth authenticatedUserIamRole
      allow.resource(thumbnailer).to(['read']),
    ],
    'admin/*': [allow.groups(['ADMINS']).to(['read', 'write', 'delete'])],
//              ^^^^^^^^^^^^ storage-access-without-auth ADMINS
    'private/{entity_id}/*': [allow.entity('identity').to(['read', 'write'])],
//                            ^^^^^^^^^^^^ storage-access-without-auth
  }),
});
//- amplify/functions/thumbnailer/handler.ts
export const handler = async () => 'ok';
