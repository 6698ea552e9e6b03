import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { data } from './data/resource';
import { adminActions } from './functions/admin-actions/resource';
import { report } from './functions/report/resource';

// The two auth triggers and the API authorizer are reached through auth/data only.
defineBackend({
  auth,
  data,
  adminActions,
  report,
});
