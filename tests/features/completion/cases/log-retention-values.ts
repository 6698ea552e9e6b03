import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({ Post: a.model({ title: a.string() }) });
export const data = defineData({ schema, logging: { retention: '1 $0' } });
