import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { media, archive, thumbnails } from './storage/resource';
import { processUpload } from './functions/process-upload/resource';
import { cleanup } from './functions/cleanup/resource';
import { backupJob } from './functions/backup-job/resource';

const backend = defineBackend({
  auth,
  media,
  archive,
  thumbnails,
  processUpload,
  cleanup,
  backupJob,
});

// Escape hatch on one bucket.
backend.archive.resources.cfnResources.cfnBucket.objectLockEnabled = true;
