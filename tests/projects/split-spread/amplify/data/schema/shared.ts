import { a } from '@aws-amplify/backend';

const visibility = a.enum(['PUBLIC', 'UNLISTED', 'PRIVATE']);

export const sharedTypes = {
  Visibility: visibility,
  Address: a.customType({
    street: a.string(),
    city: a.string().required(),
    country: a.string().required(),
  }),
};
