//- amplify/backend.ts
// Triggers defineAuth already wires, added again through CDK, and one
// operation added twice.
import { defineBackend } from '@aws-amplify/backend';
import { UserPool, UserPoolOperation } from 'aws-cdk-lib/aws-cognito';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { auth } from './auth/resource';
import { preSignUp } from './auth/pre-sign-up/resource';
import { migrate } from './auth/migrate/resource';
import { mailer } from './auth/mailer/resource';

const backend = defineBackend({ auth, preSignUp, migrate, mailer });
const fn = backend.preSignUp.resources.lambda;
backend.auth.resources.userPool.addTrigger(UserPoolOperation.PRE_SIGN_UP, fn);
//                                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ backend-duplicate-trigger A trigger for the operation preSignUp already exists.
const userPool = backend.auth.resources.userPool as UserPool;
userPool.addTrigger(cognito.UserPoolOperation.of('customEmailSender'), backend.mailer.resources.lambda);
//                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ backend-duplicate-trigger defineAuth already wires the customEmailSender trigger
userPool.addTrigger(UserPoolOperation.USER_MIGRATION, backend.migrate.resources.lambda);
userPool.addTrigger(UserPoolOperation.USER_MIGRATION, backend.migrate.resources.lambda);
//                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ backend-duplicate-trigger already added by an earlier addTrigger call
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';
import { preSignUp } from './pre-sign-up/resource';
import { mailer } from './mailer/resource';

export const auth = defineAuth({
  loginWith: { email: true },
  triggers: { preSignUp },
  senders: { email: { handler: mailer } },
});
//- amplify/auth/pre-sign-up/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const preSignUp = defineFunction({ name: 'pre-sign-up', resourceGroupName: 'auth' });
//- amplify/auth/migrate/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const migrate = defineFunction({ name: 'migrate', resourceGroupName: 'auth' });
//- amplify/auth/mailer/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const mailer = defineFunction({ name: 'mailer', resourceGroupName: 'auth' });
