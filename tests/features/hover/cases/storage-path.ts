import { a, defineData } from '@aws-amplify/backend';
import { wordCount } from '../functions/word-count/resource';
const schema = a.schema({
  Post: a.model({ title: a.string() }).authorization((allow) => [allow.groups(['ADMINS'])]),
  count: a.query().returns(a.integer()).handler(a.handler.function(wordCount)),
});
export const data = defineData({ schema });
//- amplify/functions/word-count/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const wordCount = defineFunction({ name: 'word-count' });
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';
export const auth = defineAuth({ loginWith: { email: true }, groups: ['ADMINS'] });
//- amplify/storage/resource.ts
import { defineStorage } from '@aws-amplify/backend';
export const storage = defineStorage({ name: 'media', access: (allow) => ({ 'pho$0tos/*': [allow.guest.to(['read'])] }) });
//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { data } from './data/resource';
import { storage } from './storage/resource';
import { wordCount } from './functions/word-count/resource';
defineBackend({ auth, data, storage, wordCount });
