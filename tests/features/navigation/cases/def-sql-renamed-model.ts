import { a, defineData } from '@aws-amplify/backend';
import { schema as generated } from './schema.sql';

const sqlSchema = generated
  .renameModels(() => [
    ['authors', 'Author'],
    ['notes', 'Note'],
  ])
  .setRelationships((models) => [
    models.Author.relationships({
      notes: a.hasMany('Note', 'author_id'),
    }),
    models.Note.relationships({
      author: a.belongsTo('Aut$0hor', 'author_id'),
    }),
  ])
  .setAuthorization((models) => [models.Note.authorization((allow) => [allow.authenticated()])]);

export const data = defineData({ schema: sqlSchema });
//- amplify/data/schema.sql.ts
import { a } from '@aws-amplify/data-schema';
import { configure } from '@aws-amplify/data-schema/internals';

export const schema = configure({ database: { engine: 'postgresql', connectionUri: 'x' } }).schema({
  authors: a.model({ id: a.integer().required(), name: a.string() }).identifier(['id']),
  notes: a.model({ id: a.integer().required(), author_id: a.integer() }).identifier(['id']),
});
