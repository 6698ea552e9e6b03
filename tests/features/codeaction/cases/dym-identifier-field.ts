import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Product: a
    .model({ sku: a.string().required(), label: a.string() /* étiquette 🏷️ */ })
    .identifier(['sk$0uu']),
}).authorization((allow) => [allow.authenticated()]);

export const data = defineData({ schema });
