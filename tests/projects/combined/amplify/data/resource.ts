import { type ClientSchema, a, defineData } from '@aws-amplify/backend';
import { crmSchema } from './crm';
import { shopSchema } from './shop';

const combined = a.combine([crmSchema, shopSchema]);

export type Schema = ClientSchema<typeof combined>;

export const data = defineData({
  schema: combined,
});
