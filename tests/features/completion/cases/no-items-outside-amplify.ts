import { a, defineData } from '@aws-amplify/backend';

const settings = { retries: 3 };
console.$0
const schema = a.schema({ Post: a.model({ title: a.string() }) });
export const data = defineData({ schema });
