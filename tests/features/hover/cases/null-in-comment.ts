import { a, defineData } from '@aws-amplify/backend';

// a.mo$0del is documented elsewhere
const schema = a.schema({ Post: a.model({ title: a.string() }) });
export const data = defineData({ schema });
