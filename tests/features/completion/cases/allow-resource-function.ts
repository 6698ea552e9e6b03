import { a, defineData } from '@aws-amplify/backend';
import { reporter } from '../functions/reporter/resource';

const schema = a
  .schema({ Post: a.model({ title: a.string() }) })
  .authorization((allow) => [allow.resource($0)]);
export const data = defineData({ schema });
//- amplify/functions/say-hello/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const sayHello = defineFunction({ name: 'say-hello' });
//- amplify/functions/reporter/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const reporter = defineFunction({ name: 'reporter' });
//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { data } from './data/resource';
import { sayHello } from './functions/say-hello/resource';
import { reporter } from './functions/reporter/resource';
defineBackend({ data, sayHello, reporter });
