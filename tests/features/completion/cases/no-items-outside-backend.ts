//- src/app.ts
import { a } from '@aws-amplify/backend';

const x = a.$0
//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';
export const data = defineData({ schema: a.schema({ Post: a.model({ t: a.string() }) }) });
