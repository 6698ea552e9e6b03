import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  top: a.query().returns(a.string()).handler(a.handler.$0),
});
export const data = defineData({ schema });
