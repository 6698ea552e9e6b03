//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
defineBackend({ auth });
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';
import { postConfirmation } from '../functions/post-confirmation/resource';
export const auth = defineAuth({
  loginWith: { email: true },
  triggers: { postConfirmation },
});
//- amplify/functions/post-confirmation/resource.ts
import { defineFunction } from '@aws-amplify/backend';
export const postConfirmation = defineFunction({ name: 'post-confirmation' });
//- amplify/functions/post-confirmation/handler.ts
export const handler = async (event: unknown) => event;
