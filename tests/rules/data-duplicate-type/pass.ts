import { a, defineData } from '@aws-amplify/backend';
const s1 = a.schema({ Post: a.model({ t: a.string() }).authorization((allow) => [allow.owner()]) });
const s2 = a.schema({ Note: a.model({ t: a.string() }).authorization((allow) => [allow.owner()]) });
export const data = defineData({ schema: a.combine([s1, s2]) });
