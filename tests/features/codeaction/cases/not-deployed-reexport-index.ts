//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { data } from './data/resource';
import {
  auth, // 🔐
} from './resources';

defineBackend({
  auth,
  data // 🗄️ the schema
});
//- amplify/resources/index.ts
export { auth } from '../auth/resource';
export { storage } from '../storage/resource';
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';

export const auth = defineAuth({ loginWith: { email: true } });
//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Todo: a.model({ content: a.string() }).authorization((allow) => [allow.owner()]),
});

export const data = defineData({ schema });
//- amplify/storage/resource.ts
import { defineStorage } from '@aws-amplify/backend';

export const storage = $0defineStorage({ name: 'photos' });
