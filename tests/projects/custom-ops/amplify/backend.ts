import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { data } from './data/resource';
import { summarize } from './functions/summarize/resource';
import { moderate } from './functions/moderate/resource';
import { reindex } from './functions/reindex/resource';

// legacyStats is only reached through defineData({ functions }) and is not a key here.
defineBackend({
  auth,
  data,
  summarize,
  moderate,
  reindex,
});
