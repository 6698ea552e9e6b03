import { a, defineData } from '@aws-amplify/backend';
// get + the first 63 characters of a longer model name is not a generated name.
const schema = a.schema({
  SupercalifragilisticexpialidociousSupercalifragilisticexpialidociousEntry: a.model({ title: a.string() }),
  getSupercalifragilisticexpialidociousSupercalifragilisticexpialido: a.query().arguments({ id: a.id() }).returns(a.ref('SupercalifragilisticexpialidociousSupercalifragilisticexpialidociousEntry'))
    .handler(a.handler.custom({ entry: './get.js' })),
}).authorization((allow) => [allow.publicApiKey()]);
export const data = defineData({ schema });
