import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  count: a.query().returns(a.integer()).authorization((allow) => [allow.authenticated()])
    .handler(a.handler.inlineSql('SELECT COUNT(*) FROM posts')),
//           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ data-handler-sql-in-dynamodb
});
export const data = defineData({ schema });
