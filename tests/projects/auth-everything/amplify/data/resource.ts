import { type ClientSchema, a, defineData } from '@aws-amplify/backend';
import { postConfirmation } from '../functions/post-confirmation/resource';
import { report } from '../functions/report/resource';
import { apiAuthorizer } from '../functions/api-authorizer/resource';

const schema = a
  .schema({
    // owner with .to(), explicit owner field, field-level rules, identityPool.
    UserProfile: a
      .model({
        displayName: a.string(),
        email: a.email(),
        owner: a.string(),
        salary: a.float().authorization((allow) => [allow.owner().to(['read']), allow.group('ADMINS')]),
      })
      .authorization((allow) => [
        allow.owner().to(['read', 'update']),
        allow.group('ADMINS'),
        allow.authenticated('identityPool').to(['read']),
      ]),

    // ownerDefinedIn / ownersDefinedIn / groupDefinedIn / groupsDefinedIn / groups,
    // identityClaim, withClaimIn, relationship-level rules.
    Document: a
      .model({
        // Not required: with field-level rules on the model (`notes` below), every
        // required field would need its own field-level read rule.
        title: a.string(),
        author: a.string(),
        editors: a.string().array(),
        teamGroup: a.string(),
        viewerGroups: a.string().array(),
        notes: a.hasMany('Note', 'documentId').authorization((allow) => [allow.ownerDefinedIn('author')]),
      })
      .authorization((allow) => [
        allow.ownerDefinedIn('author').identityClaim('sub'),
        allow.ownersDefinedIn('editors').to(['read', 'update']),
        allow.groupDefinedIn('teamGroup').withClaimIn('cognito:groups'),
        allow.groupsDefinedIn('viewerGroups').to(['read']),
        allow.groups(['ADMINS', 'EDITORS']).to(['create', 'read', 'update', 'delete']),
      ]),

    // custom (Lambda authorizer) and owner.
    Note: a
      .model({
        body: a.string().required(),
        documentId: a.id(),
        document: a.belongsTo('Document', 'documentId'),
      })
      .authorization((allow) => [allow.owner(), allow.custom()]),

    // publicApiKey, guest, group.
    Announcement: a
      .model({
        message: a.string().required(),
        level: a.enum(['INFO', 'WARNING']),
      })
      .authorization((allow) => [
        allow.publicApiKey().to(['read']),
        allow.guest().to(['get', 'list', 'listen']),
        allow.group('ADMINS'),
      ]),

    // OIDC providers.
    PartnerTicket: a
      .model({
        subject: a.string().required(),
      })
      .authorization((allow) => [
        allow.owner('oidc').identityClaim('sub'),
        allow.authenticated('oidc').to(['read']),
        allow.groups(['partners'], 'oidc').withClaimIn('roles'),
        allow.custom('function').to(['read']),
      ]),

    // Custom query with the custom-operation strategies.
    monthlyReport: a
      .query()
      .arguments({ month: a.string().required() })
      .returns(a.string())
      .authorization((allow) => [allow.group('ADMINS'), allow.custom(), allow.authenticated()])
      .handler(a.handler.function(report)),
  })
  // Schema-level rules: give two functions access to the API.
  .authorization((allow) => [
    allow.resource(postConfirmation).to(['mutate']),
    allow.resource(report).to(['query']),
  ]);

export type Schema = ClientSchema<typeof schema>;

export const data = defineData({
  schema,
  authorizationModes: {
    defaultAuthorizationMode: 'userPool',
    apiKeyAuthorizationMode: { expiresInDays: 30 },
    lambdaAuthorizationMode: {
      function: apiAuthorizer,
      timeToLiveInSeconds: 300,
    },
    oidcAuthorizationMode: {
      oidcProviderName: 'PartnerIdP',
      oidcIssuerUrl: 'https://partners.example.com',
      clientId: 'partner-portal',
      tokenExpiryFromAuthInSeconds: 300,
      tokenExpireFromIssueInSeconds: 600,
    },
  },
});
