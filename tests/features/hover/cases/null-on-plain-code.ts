import { a, defineData } from '@aws-amplify/backend';

const retries = Math.ma$0x(1, 2);
const schema = a.schema({ Post: a.model({ title: a.string() }) });
export const data = defineData({ schema });
