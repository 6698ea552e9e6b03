import { a, defineData } from '@aws-amplify/backend';

const schema = a
  .schema({
    Shelf: a
      .model({
        code: a.string().required(),
        books: a.hasMany('Book', 'shelfCode'),
      })
      .identifier(['code']),
    Book: a.model({
      title: a.string(),
      shelf: a.belongsTo('Shelf', 'shelf$0Code'),
    }),
  })
  .authorization((allow) => [allow.publicApiKey()]);

export const data = defineData({ schema });
