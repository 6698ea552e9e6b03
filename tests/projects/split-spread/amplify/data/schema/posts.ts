import { a } from '@aws-amplify/backend';

const postModel = a.model({
  title: a.string().required(),
  body: a.string(),
  visibility: a.ref('Visibility').required(),
  authorId: a.id(),
  author: a.belongsTo('User', 'authorId'),
  tags: a.hasMany('PostTag', 'postId'),
});

// A const alias of the model builder.
const Article = postModel;

export const postModels = {
  Post: Article,
};
