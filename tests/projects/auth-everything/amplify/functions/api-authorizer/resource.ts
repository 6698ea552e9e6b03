import { defineFunction } from '@aws-amplify/backend';

export const apiAuthorizer = defineFunction({
  name: 'api-authorizer',
});
