import { type ClientSchema, a, defineData } from '@aws-amplify/backend';

const schema = a
  .schema({
    // Named enum and named custom types, used through a.ref().
    Priority: a.enum(['LOW', 'MEDIUM', 'HIGH']),
    GeoPoint: a.customType({
      lat: a.float().required(),
      lng: a.float().required(),
    }),
    Venue: a.customType({
      name: a.string().required(),
      location: a.ref('GeoPoint'),
      // Inline custom type nested in a named one: becomes `VenueAddress`.
      address: a.customType({
        line1: a.string(),
        city: a.string().required(),
      }),
    }),

    // Composite identifier: partition key tenantId, sort key slug.
    Project: a
      .model({
        tenantId: a.id().required(),
        slug: a.string().required(),
        name: a.string().required(),
        accentColor: a.string().default('#3366ff'),
        // Inline enum: becomes `ProjectStatus`.
        status: a.enum(['DRAFT', 'ACTIVE', 'ARCHIVED']),
        priority: a.ref('Priority'),
        venue: a.ref('Venue'),
        // Inline custom type with a nested inline custom type:
        // `ProjectSettings` and `ProjectSettingsLimits`.
        settings: a.customType({
          color: a.string(),
          notify: a.boolean(),
          limits: a.customType({
            maxTasks: a.integer(),
            maxMembers: a.integer(),
          }),
        }),
        tasks: a.hasMany('Task', ['projectTenantId', 'projectSlug']),
      })
      .identifier(['tenantId', 'slug'])
      .secondaryIndexes((index) => [
        index('status').sortKeys(['name']).queryField('listProjectsByStatus'),
        index('tenantId').sortKeys(['priority']).name('byTenantAndPriority'),
      ]),

    // Three-part identifier; the first two parts reference the parent's key.
    Task: a
      .model({
        projectTenantId: a.id().required(),
        projectSlug: a.string().required(),
        taskNumber: a.integer().required(),
        project: a.belongsTo('Project', ['projectTenantId', 'projectSlug']),
        title: a.string().required().validate((v) => v.minLength(3).maxLength(120)),
        dueDate: a.date(),
        assigneeEmail: a.email(),
        labels: a.string().required().array().required(),
        estimateHours: a.float().validate((v) => v.positive()),
        priority: a.ref('Priority').required(),
      })
      .identifier(['projectTenantId', 'projectSlug', 'taskNumber'])
      .secondaryIndexes((index) => [
        index('assigneeEmail')
          .sortKeys(['dueDate', 'priority'])
          .queryField('tasksByAssignee')
          .projection('INCLUDE', ['title', 'labels']),
        index('dueDate').name('byDueDate').projection('KEYS_ONLY'),
        index('title').queryField(null),
      ]),
  })
  .authorization((allow) => [allow.publicApiKey()]);

export type Schema = ClientSchema<typeof schema>;

export const data = defineData({
  schema,
  authorizationModes: {
    defaultAuthorizationMode: 'apiKey',
    apiKeyAuthorizationMode: { expiresInDays: 90, description: 'fixture key' },
  },
});
