//- amplify/backend.ts
// auth -> function (the preSignUp trigger) -> data (a table name handed to
// another function of the 'function' group) -> auth: the classic
// [auth179371D7, data7552DF31, function1351588B].
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

export const preSignUp = defineFunction({ name: 'pre-sign-up' });
//                       ^^^^^^^^^^^^^^ backend-stack-cycle auth -> function -> data -> auth
//- amplify/functions/todo-worker/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const todoWorker = defineFunction({ name: 'todo-worker' });
//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Todo: a.model({ content: a.string() }).authorization((allow) => [allow.owner()]),
});

export const data = defineData({ schema });
