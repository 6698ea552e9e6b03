import { a } from '@aws-amplify/backend';

// Fields shared by several models, spread into each model's field list.
export const profileFields = {
  displayName: a.string().required(),
  bio: a.string(),
};

const User = a.model({
  ...profileFields,
  email: a.email().required(),
  address: a.ref('Address'),
  posts: a.hasMany('Post', 'authorId'),
});

export const userModels = { User };
