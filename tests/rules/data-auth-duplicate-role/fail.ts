import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string() })
    .authorization((allow) => [allow.owner(), allow.owner().to(['read'])]),
//                                                  ^^^^^ data-auth-duplicate-role already exists for Post
  Note: a.model({ body: a.string() })
    .authorization((allow) => [allow.group('Admins'), allow.groups(['Admins', 'Editors']).to(['read'])]),
//                                                          ^^^^^^ data-auth-duplicate-role
  Doc: a.model({ body: a.string() }).authorization((allow) => [allow.ownerDefinedIn('owner'), allow.owner()]),
//                                                                                                  ^^^^^ data-auth-duplicate-role
});
export const data = defineData({ schema });
