import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { data } from './data/resource';
import { storage } from './storage/resource';
import { wordCount } from './functions/word-count/resource';

/**
 * A small blog: readers browse posts without signing in, signed-in users
 * write posts and comments, and a function counts the words of a draft.
 */
defineBackend({
  auth,
  data,
  storage,
  wordCount,
});
