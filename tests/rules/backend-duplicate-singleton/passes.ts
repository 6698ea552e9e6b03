//- amplify/backend.ts
// One auth, one data, and any number of buckets and functions.
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { data } from './data/resource';
import { photos, documents } from './storage/resource';

defineBackend({ auth, data, photos, documents });
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';

export const auth = defineAuth({ loginWith: { email: true } });
//- amplify/storage/resource.ts
import { defineStorage } from '@aws-amplify/backend';

export const photos = defineStorage({ name: 'photos', isDefault: true });
export const documents = defineStorage({ name: 'documents' });
//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Todo: a.model({ content: a.string() }).authorization((allow) => [allow.owner()]),
});

export const data = defineData({ schema });
