import { a, defineData } from '@aws-amplify/backend';

// Ünïcödé before the names: 🎉 counts two UTF-16 units and four UTF-8 bytes.
const schema = a.schema({
  Post: a.model({ title: a.string(), comments: a.hasMany('Comment', 'postId') }).authorization((allow) => [allow.owner()]),
  Comment: a.model({ /* café ☕ 🎉 */ postId: a.id(), /* 𝒜 */ post: a.belongsTo('P$0ost', 'postId') }).authorization((allow) => [allow.owner()]),
});

export const data = defineData({ schema });
