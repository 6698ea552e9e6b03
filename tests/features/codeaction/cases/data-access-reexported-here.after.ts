//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';
import { reporter } from '../functions/reporter/resource';

// Re-exported for backend.ts: « rapport » 📈
export { reporter as reportFn } from '../functions/reporter/resource';

const schema = a.schema({
  Todo: a.model({ content: a.string() }).authorization((allow) => [allow.publicApiKey()]),
}).authorization((allow) => [allow.resource(reporter)]);

export const data = defineData({ schema });