//- amplify/backend.ts
// The fixed project: auth triggers in 'auth', the function that reads the
// table in 'data'; access grants (SSM) add no stack dependency.
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { data } from './data/resource';
import { todoWorker } from './functions/todo-worker/resource';

const backend = defineBackend({ auth, data, todoWorker });
const todoTable = backend.data.resources.tables['Todo'];
backend.todoWorker.addEnvironment('TODO_TABLE', todoTable.tableName);
todoTable.grantReadData(backend.todoWorker.resources.lambda);
if (process.env.DEBUG_TABLES) {
  backend.todoWorker.addEnvironment('DEBUG', 'true');
}
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';
import { preSignUp } from './pre-sign-up/resource';
import { postConfirmation } from './post-confirmation/resource';

export const auth = defineAuth({
  loginWith: { email: true },
  triggers: { preSignUp, postConfirmation },
  access: (allow) => [allow.resource(postConfirmation).to(['addUserToGroup'])],
});
//- amplify/auth/pre-sign-up/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const preSignUp = defineFunction({ name: 'pre-sign-up', resourceGroupName: 'auth' });
//- amplify/auth/post-confirmation/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const postConfirmation = defineFunction({ name: 'post-confirmation', resourceGroupName: 'auth' });
//- amplify/functions/todo-worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const todoWorker = defineFunction({ name: 'todo-worker', resourceGroupName: 'data' });
//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';
import { postConfirmation } from '../auth/post-confirmation/resource';

const schema = a
  .schema({
    Todo: a.model({ content: a.string() }).authorization((allow) => [allow.owner()]),
  })
  .authorization((allow) => [allow.resource(postConfirmation)]);

export const data = defineData({ schema });
