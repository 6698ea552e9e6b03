//- amplify/backend.ts
// Calls that merge: different keys, nested objects, arrays, versions, keys
// whose earlier value is not known to be a truthy scalar, and calls that may
// not run.
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';

const backend = defineBackend({ auth });
const extra = { apiUrl: 'https://other.example.com' };
backend.addOutput({ version: '1.4', custom: { apiUrl: 'https://api.example.com' } });
backend.addOutput({ version: '1.4', custom: { region: 'eu-west-1' } });
backend.addOutput({ custom: { urls: { a: 'https://a.example.com' } } });
backend.addOutput({ custom: { urls: { b: 'https://b.example.com' } } });
backend.addOutput({ custom: { list: ['a'], empty: '', zero: 0, off: false } });
backend.addOutput({ custom: { list: ['b'], empty: 'now', zero: 1, off: true } });
backend.addOutput({ custom: { poolId: backend.auth.resources.userPool.userPoolId } });
backend.addOutput({ custom: { poolId: 'unknown first value: may be an object' } });
backend.addOutput({ custom: { ...extra, region2: 'x' } });
backend.addOutput({ custom: { region2: 'y' } });
if (process.env.STAGE) {
  backend.addOutput({ custom: { apiUrl: 'https://staged.example.com' } });
}
backend.addOutput(extra);
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';

export const auth = defineAuth({ loginWith: { email: true } });
