import { defineFunction } from '@aws-amplify/backend';

// No props at all: name `hello` (the directory), entry ./handler.ts.
export const hello = defineFunction();
