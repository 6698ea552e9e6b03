//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth, data, media } from './resources';

defineBackend({ auth, data, media });