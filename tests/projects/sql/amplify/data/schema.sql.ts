/* eslint-disable */
/* Written in the shape `ampx generate schema-from-database` produces. */
import { a } from '@aws-amplify/data-schema';
import { configure } from '@aws-amplify/data-schema/internals';
import { secret } from '@aws-amplify/backend';

export const schema = configure({
  database: {
    identifier: 'NotesDb01',
    engine: 'postgresql',
    connectionUri: secret('SQL_URI'),
  },
}).schema({
  authors: a
    .model({
      id: a.integer().required(),
      display_name: a.string().required(),
      email: a.string(),
    })
    .identifier(['id']),
  notes: a
    .model({
      id: a.integer().required(),
      author_id: a.integer(),
      title: a.string().required(),
      body: a.string(),
      owner: a.string(),
      created_at: a.datetime(),
    })
    .identifier(['id']),
  note_tags: a
    .model({
      note_id: a.integer().required(),
      tag: a.string().required(),
    })
    .identifier(['note_id', 'tag']),
});
