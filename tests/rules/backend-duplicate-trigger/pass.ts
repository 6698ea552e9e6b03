//- amplify/backend.ts
// Triggers for operations defineAuth leaves free, one each; calls that may
// not run; an operation the rule cannot name; the V2 pre-token config.
import { defineBackend } from '@aws-amplify/backend';
import { UserPoolOperation } from 'aws-cdk-lib/aws-cognito';
import { auth } from './auth/resource';
import { preSignUp } from './auth/pre-sign-up/resource';
import { migrate } from './auth/migrate/resource';

const backend = defineBackend({ auth, preSignUp, migrate });
const userPool = backend.auth.resources.userPool;
userPool.addTrigger(UserPoolOperation.USER_MIGRATION, backend.migrate.resources.lambda);
userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, backend.migrate.resources.lambda);
if (process.env.EXTRA) {
  userPool.addTrigger(UserPoolOperation.PRE_SIGN_UP, backend.preSignUp.resources.lambda);
}
const op = UserPoolOperation.PRE_SIGN_UP;
userPool.addTrigger(op, backend.preSignUp.resources.lambda);
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';
import { preSignUp } from './pre-sign-up/resource';

export const auth = defineAuth({
  loginWith: { email: true },
  triggers: { preSignUp, preTokenGeneration: preSignUp },
});
//- amplify/auth/pre-sign-up/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const preSignUp = defineFunction({ name: 'pre-sign-up', resourceGroupName: 'auth' });
//- amplify/auth/migrate/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const migrate = defineFunction({ name: 'migrate', resourceGroupName: 'auth' });
