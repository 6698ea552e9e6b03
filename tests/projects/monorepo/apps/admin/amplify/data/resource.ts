import { type ClientSchema, a, defineData } from '@aws-amplify/backend';
import { userAdmin } from '../functions/user-admin/resource';

const schema = a.schema({
  AuditEntry: a
    .model({
      actor: a.string().required(),
      action: a.string().required(),
      at: a.datetime().required(),
    })
    .authorization((allow) => [allow.group('ADMINS')]),
  disableUser: a
    .mutation()
    .arguments({ email: a.email().required() })
    .returns(a.boolean())
    .authorization((allow) => [allow.group('ADMINS')])
    .handler(a.handler.function(userAdmin)),
});

export type Schema = ClientSchema<typeof schema>;

export const data = defineData({ schema });
