//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth, data } from './resources';

defineBackend({ auth, data });
//- amplify/resources.ts
// Everything the backend deploys — « tout » 📦
export { auth } from './auth/resource';
export { data } from './data/resource';
export { storage as media } from './storage/resource';
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

export const storage = $0defineStorage({ name: 'médias' });
