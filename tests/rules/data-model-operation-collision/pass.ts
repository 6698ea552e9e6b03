import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Setting: a.model({ key: a.string() }).disableOperations(['queries']),
  Settings: a.model({ theme: a.string() }),
  Category: a.model({ name: a.string() }),
  Categories: a.model({ names: a.string().array() }).disableOperations(['list']),
  Person: a.model({ name: a.string() }),
  Status: a.model({ label: a.string() }),
  Metadata: a.model({ key: a.string() }),
  Post: a.model({ title: a.string(), status: a.string() })
    .secondaryIndexes((index) => [index('status').queryField('postsByStatus'), index('title')]),
  Comment: a.model({ body: a.string(), status: a.string() })
    .secondaryIndexes((index) => [index('status').queryField('commentsByStatus')]),
}).authorization((allow) => [allow.publicApiKey()]);
export const data = defineData({ schema });
