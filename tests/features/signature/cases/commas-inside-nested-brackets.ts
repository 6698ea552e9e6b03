import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a.model({ title: a.string() }).authorization((allow) => [
    allow.ownerDefinedIn(['a', 'b'].join(','), $0),
  ]),
});
export const data = defineData({ schema });
