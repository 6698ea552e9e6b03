import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string() })
    .authorization((allow) => [allow.owner(), allow.owner().identityClaim('email').to(['read'])]),
  Note: a.model({ body: a.string().authorization((allow) => [allow.owner(), allow.owner().to(['read'])]) })
    .authorization((allow) => [allow.group('Admins'), allow.groups(['Editors']).to(['read'])]),
});
export const data = defineData({ schema });
