import { a, defineData } from '@aws-amplify/backend';
// onCreateNotificationPreferenceHistoryEntryArchiveItem would have 53 characters: the
// transformer names the generated subscription with its first 45 characters and 5 of
// its md5 (getFieldNameFor), so this custom subscription keeps its name to itself.
const schema = a.schema({
  NotificationPreferenceHistoryEntryArchiveItem: a.model({ title: a.string() }),
  onCreateNotificationPreferenceHistoryEntryArchiveItem: a.subscription().for(a.ref('NotificationPreferenceHistoryEntryArchiveItem').mutations(['create']))
    .handler(a.handler.custom({ entry: './on.js' })),
}).authorization((allow) => [allow.publicApiKey()]);
export const data = defineData({ schema });
