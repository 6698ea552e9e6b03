//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { data } from './data/resource';
import { sayHello as hello } from './functions/say-hello/resource';
import { helper } from './util';

defineBackend({ data, $0 });
//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';
export const data = defineData({ schema: a.schema({ Post: a.model({ t: a.string() }) }) });
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';
export const auth = defineAuth({ loginWith: { email: true } });
//- amplify/functions/say-hello/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const sayHello = defineFunction({ name: 'say-hello' });
//- amplify/util.ts
export const helper = 1;
