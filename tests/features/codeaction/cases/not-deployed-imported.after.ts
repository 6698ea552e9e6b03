//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { data } from './data/resource';
import { cleanup } from './functions/cleanup/resource';

defineBackend({ data, cleanup });