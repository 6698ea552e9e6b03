//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Note: a.model({ title: a.string() }).authorization((allow) => [allow.owner()]),
  // Brouillon — « draft » 📝
  Draft: a
    .model({ body: a.string() })
    .authorization((allow) => [allow.owner()]),
});

export const data = defineData({ schema });
