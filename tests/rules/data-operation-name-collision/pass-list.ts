import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Category: a.model({ name: a.string() }).disableOperations(['list']),
  Person: a.model({ name: a.string() }),
  Group: a.customType({ name: a.string() }),
  listCategories: a.query().returns(a.ref('Category').array())
    .handler(a.handler.custom({ entry: './list.js' })),
  listPersons: a.query().returns(a.ref('Person').array())
    .handler(a.handler.custom({ entry: './people.js' })),
  listGroups: a.query().returns(a.ref('Group').array())
    .handler(a.handler.custom({ entry: './groups.js' })),
}).authorization((allow) => [allow.publicApiKey()]);
export const data = defineData({ schema });
