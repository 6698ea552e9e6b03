//- package.json
{ "devDependencies": { "@aws-amplify/backend": "0.12.1", "@aws-amplify/data-schema": "0.12.14" } }
//- amplify/backend.ts
// Pinned to the 0.x preview: one notice, and no error from the 1.x checks
// (the models below have no authorization, which 1.x rejects).
import { defineBackend } from '@aws-amplify/backend';
import { data } from './data/resource';

const backend = defineBackend({ data });
//              ^^^^^^^^^^^^^ backend-preview-version 0.12.1
//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a.model({ title: a.string(), comments: a.hasMany('Comment') }),
  Comment: a.model({ content: a.string(), post: a.belongsTo('Post') }),
});

export const data = defineData({ schema });
