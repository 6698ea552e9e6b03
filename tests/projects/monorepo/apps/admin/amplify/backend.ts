import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { data } from './data/resource';
import { userAdmin } from './functions/user-admin/resource';

defineBackend({ auth, data, userAdmin });
