import { a, defineData } from '@aws-amplify/backend';

const n = Math.max(1, $0);
const schema = a.schema({ Post: a.model({ title: a.string() }) });
export const data = defineData({ schema });
