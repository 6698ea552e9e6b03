import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string() }).authorization((allow) => [
    allow.owner('userPools'),
    allow.authenticated('identityPool'),
    allow.group('Admins', 'userPools'),
  ]),
});
export const data = defineData({ schema });
