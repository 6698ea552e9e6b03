import { a, defineData } from '@aws-amplify/backend';
// onCreateNotificationPreferenceHistoryEntryArchived has 50 characters: the transformer keeps it as it is.
const schema = a.schema({
  NotificationPreferenceHistoryEntryArchived: a.model({ title: a.string() }),
  onCreateNotificationPreferenceHistoryEntryArchived: a.subscription().for(a.ref('NotificationPreferenceHistoryEntryArchived').mutations(['create']))
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ data-operation-name-collision GraphQL Subscription type
    .handler(a.handler.custom({ entry: './on.js' })),
}).authorization((allow) => [allow.publicApiKey()]);
export const data = defineData({ schema });
