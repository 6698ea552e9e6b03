import { type ClientSchema, a, defineData } from '@aws-amplify/backend';
import { schema as generatedSqlSchema } from './schema.sql';

const sqlSchema = generatedSqlSchema
  .renameModels(() => [
    ['authors', 'Author'],
    ['notes', 'Note'],
    ['note_tags', 'NoteTag'],
  ])
  .setRelationships((models) => [
    models.Author.relationships({
      notes: a.hasMany('Note', 'author_id'),
    }),
    models.Note.relationships({
      author: a.belongsTo('Author', 'author_id'),
      tags: a.hasMany('NoteTag', 'note_id'),
    }),
    models.NoteTag.relationships({
      note: a.belongsTo('Note', 'note_id'),
    }),
  ])
  .setAuthorization((models, schema) => [
    schema.authorization((allow) => [allow.authenticated().to(['read'])]),
    models.Note.authorization((allow) => [allow.owner(), allow.authenticated().to(['read'])]),
    models.NoteTag.authorization((allow) => [allow.authenticated()]),
  ])
  .addToSchema({
    NoteSummary: a.customType({
      id: a.integer().required(),
      title: a.string().required(),
      body: a.string(),
    }),
    countNotesByAuthor: a
      .query()
      .arguments({ authorId: a.integer().required() })
      .returns(a.integer())
      .authorization((allow) => [allow.authenticated()])
      .handler(a.handler.inlineSql('SELECT COUNT(*) FROM notes WHERE author_id = :authorId;')),
    searchNotes: a
      .query()
      .arguments({ term: a.string().required() })
      .returns(a.ref('NoteSummary').array())
      .authorization((allow) => [allow.authenticated()])
      .handler(a.handler.sqlReference('./sql/searchNotes.sql')),
    archiveNote: a
      .mutation()
      .arguments({ id: a.integer().required() })
      .returns(a.ref('Note'))
      .authorization((allow) => [allow.authenticated()])
      .handler(
        a.handler.inlineSql(
          "UPDATE notes SET title = '[archived] ' || title WHERE id = :id RETURNING *;",
        ),
      ),
  });

export type Schema = ClientSchema<typeof sqlSchema>;

export const data = defineData({
  schema: sqlSchema,
  authorizationModes: {
    defaultAuthorizationMode: 'userPool',
  },
});
