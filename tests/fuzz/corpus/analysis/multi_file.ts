//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { data } from './data/resource';
defineBackend({ auth, data });
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';
export const auth = defineAuth({ loginWith: { email: true }, groups: ['ADMINS'] });
//- amplify/data/resource.ts
import { a, defineData, type ClientSchema } from '@aws-amplify/backend';
import { models } from './models';
const schema = a.schema({ ...models, Todo: a.model({ content: a.string().required(), done: a.boolean() }).authorization((allow) => [allow.owner(), allow.groups(['ADMINS'])]) });
export type Schema = ClientSchema<typeof schema>;
export const data = defineData({ schema, authorizationModes: { defaultAuthorizationMode: 'userPool' } });
//- amplify/data/models.ts
import { a } from '@aws-amplify/backend';
export const models = { Post: a.model({ title: a.string(), comments: a.hasMany('Comment', 'postId') }), Comment: a.model({ postId: a.id(), post: a.belongsTo('Post', 'postId') }) };
