import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ status: a.string(), title: a.string(), body: a.string() })
    .secondaryIndexes((index) => [
      index('status').projection('INCLUDE'),
//                    ^^^^^^^^^^ data-index-projection-invalid needs the attributes
      index('title').projection('KEYS_ONLY', ['body']),
//                                           ^^^^^^^^ data-index-projection-invalid takes a list
      index('body').projection('KEYS'),
//                             ^^^^^^ data-index-projection-invalid is not a projection type
    ]),
}).authorization((allow) => [allow.authenticated()]);
export const data = defineData({ schema });
