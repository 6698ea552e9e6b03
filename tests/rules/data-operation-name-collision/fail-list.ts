import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Category: a.model({ name: a.string() }),
  Person: a.model({ name: a.string() }),
  listCategories: a.query().returns(a.ref('Category').array())
//^^^^^^^^^^^^^^ data-operation-name-collision list query listCategories
    .handler(a.handler.custom({ entry: './list.js' })),
  listPeople: a.query().returns(a.ref('Person').array())
//^^^^^^^^^^ data-operation-name-collision model Person
    .handler(a.handler.custom({ entry: './people.js' })),
}).authorization((allow) => [allow.publicApiKey()]);
export const data = defineData({ schema });
