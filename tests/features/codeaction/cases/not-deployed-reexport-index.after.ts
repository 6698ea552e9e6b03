//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { data } from './data/resource';
import {
  auth, // 🔐
  storage,
} from './resources';

defineBackend({
  auth,
  data, // 🗄️ the schema
  storage
});