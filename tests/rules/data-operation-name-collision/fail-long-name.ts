import { a, defineData } from '@aws-amplify/backend';
// A model name of 73 characters: its generated names are not shortened.
const schema = a.schema({
  SupercalifragilisticexpialidociousSupercalifragilisticexpialidociousEntry: a.model({ title: a.string() }),
  getSupercalifragilisticexpialidociousSupercalifragilisticexpialidociousEntry: a.query().arguments({ id: a.id() }).returns(a.ref('SupercalifragilisticexpialidociousSupercalifragilisticexpialidociousEntry'))
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ data-operation-name-collision an operation named getSupercalifragilisticexpialidociousSupercalifragilisticexpialidociousEntry
    .handler(a.handler.custom({ entry: './get.js' })),
}).authorization((allow) => [allow.publicApiKey()]);
export const data = defineData({ schema });
