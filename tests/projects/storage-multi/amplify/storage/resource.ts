import { defineStorage } from '@aws-amplify/backend';
import { processUpload } from '../functions/process-upload/resource';
import { cleanup } from '../functions/cleanup/resource';
import { backupJob } from '../functions/backup-job/resource';

// The default bucket.
export const media = defineStorage({
  name: 'media',
  isDefault: true,
  access: (allow) => ({
    'profile-pictures/{entity_id}/*': [
      allow.guest.to(['read']),
      allow.entity('identity').to(['read', 'write', 'delete']),
    ],
    'public/*': [
      allow.guest.to(['read']),
      allow.authenticated.to(['read', 'write']),
    ],
    'admin/*': [
      allow.groups(['ADMINS']).to(['read', 'write', 'delete']),
      allow.authenticated.to(['read']),
    ],
    'admin/reports/*': [
      allow.groups(['ADMINS', 'AUDITORS']).to(['get', 'list']),
    ],
    'uploads/*': [
      allow.authenticated.to(['write']),
      allow.resource(processUpload).to(['read', 'delete']),
    ],
  }),
  triggers: {
    onUpload: processUpload,
    onDelete: cleanup,
  },
});

export const archive = defineStorage({
  name: 'archive',
  versioned: true,
  keepOnDelete: true,
  access: (allow) => ({
    'backups/*': [allow.resource(backupJob).to(['read', 'write', 'delete'])],
    'exports/*': [allow.groups(['ADMINS', 'AUDITORS']).to(['read'])],
  }),
});

// A bucket with no access rules (only reachable from CDK code).
export const thumbnails = defineStorage({
  name: 'thumbnails',
});
