//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';
import { auditor } from '../functions/auditor/resource';
import { reporter } from '../functions/reporter/resource';

const schema = a
  .schema({
    Todo: a.model({ content: a.string() }).authorization((rule) => [rule.publicApiKey()]),
  })
  .authorization((rule) => [
    rule.resource(auditor),
    rule.resource(reporter),
  ]);

export const data = defineData({ schema });