import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string() }).authorization((allow) => [
    allow.owner('userPool'),
//              ^^^^^^^^^^ data-auth-provider-invalid Did you mean 'userPools'?
    allow.group('Admins', 'identityPool'),
//                        ^^^^^^^^^^^^^^ data-auth-provider-invalid
  ]),
});
export const data = defineData({ schema });
