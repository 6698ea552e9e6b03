//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { data } from './data/resource';
import { todoWorker } from './functions/todo-worker/resource';

const backend = defineBackend({ auth, data, todoWorker });
backend.todoWorker.addEnvironment('TODO_TABLE', backend.data.resources.tables['Todo'].tableName);
//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';
import { preSignUp } from './pre-sign-up/resource';

export const auth = defineAuth({ loginWith: { email: true }, triggers: { preSignUp } });
//- amplify/auth/pre-sign-up/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const preSignUp = $0defineFunction({ name: 'pre-sign-up' });
//- amplify/functions/todo-worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const todoWorker = defineFunction({ name: 'todo-worker' });
//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Todo: a.model({ content: a.string() }).authorization((allow) => [allow.owner()]),
});

export const data = defineData({ schema });
