import { a, defineData } from '@aws-amplify/backend';
import { sayHello as hello } from '../functions/say-hello/resource';

const schema = a.schema({
  greet: a.query().returns(a.string()).handler(a.handler.function($0)),
});
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
