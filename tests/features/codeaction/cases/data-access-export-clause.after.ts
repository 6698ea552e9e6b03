//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';
import { reportFn } from '../functions/reporter/resource';

const schema = a.schema({
  Todo: a.model({ content: a.string() }).authorization((allow) => [allow.publicApiKey()]),
}).authorization((allow) => [allow.resource(reportFn)]);

export const data = defineData({ schema });