import { a } from '@aws-amplify/backend';

// Default export: an object of models, spread into the schema.
export default {
  Tag: a.model({
    label: a.string().required(),
    posts: a.hasMany('PostTag', 'tagId'),
  }),
  PostTag: a.model({
    postId: a.id().required(),
    tagId: a.id().required(),
    post: a.belongsTo('Post', 'postId'),
    tag: a.belongsTo('Tag', 'tagId'),
  }),
};
