import { a, defineData } from '@aws-amplify/backend';
declare const reporter: any;
const schema = a.schema({
  Post: a.model({ title: a.string() }).authorization((allow) => [allow.resource(reporter)]),
//                                                                     ^^^^^^^^ data-auth-strategy-unavailable only offered in the schema's own rules
  Note: a.model({ body: a.string() }).authorization((allow) => [allow.private()]),
//                                                                    ^^^^^^^ data-auth-strategy-unavailable Gen 2 calls it allow.authenticated()
  echo: a.query().returns(a.string()).handler(a.handler.custom({ entry: './echo.js' }))
    .authorization((allow) => [allow.owner()]),
//                                   ^^^^^ data-auth-strategy-unavailable publicApiKey, guest, authenticated, group, groups, custom
});
export const data = defineData({ schema });
