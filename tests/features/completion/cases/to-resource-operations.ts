import { a, defineData } from '@aws-amplify/backend';
import { worker } from '../functions/worker/resource';

const schema = a
  .schema({ Post: a.model({ title: a.string() }) })
  .authorization((allow) => [allow.resource(worker).to([$0])]);
export const data = defineData({ schema });
//- amplify/functions/worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const worker = defineFunction({ name: 'worker' });
