import { a, defineData, secret } from '@aws-amplify/backend';
import { configure } from '@aws-amplify/data-schema/internals';

const sql = configure({ database: { engine: 'postgresql', connectionUri: secret('SQL') } }).schema({
  top: a.query().returns(a.string()).handler(a.handler.$0),
});
export const data = defineData({ schema: sql });
