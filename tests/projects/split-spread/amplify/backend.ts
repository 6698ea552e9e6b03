import { defineBackend } from '@aws-amplify/backend';
import auth from './auth/resource';
import { data as api } from './data/resource';

// The data resource is imported under another name; the backend key is still `data`.
defineBackend({
  auth,
  data: api,
});
