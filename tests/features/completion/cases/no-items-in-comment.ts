import { a, defineData } from '@aws-amplify/backend';

// a.$0
const schema = a.schema({ Post: a.model({ title: a.string() }) });
export const data = defineData({ schema });
