import { defineData } from '@aws-amplify/backend';

// A GraphQL SDL string instead of a.schema(): typical of projects migrated from Gen 1.
const schema = /* GraphQL */ `
  enum Priority {
    LOW
    NORMAL
    URGENT
  }

  type Todo @model @auth(rules: [{ allow: owner }, { allow: public, provider: apiKey, operations: [read] }]) {
    id: ID!
    content: String!
    done: Boolean
    priority: Priority
    listId: ID @index(name: "byList", sortKeyFields: ["content"])
    list: TodoList @belongsTo(references: ["listId"])
  }

  type TodoList @model @auth(rules: [{ allow: owner }]) {
    id: ID!
    name: String!
    todos: [Todo] @hasMany(references: ["listId"])
  }
`;

export const data = defineData({
  name: 'todoApi',
  schema,
  authorizationModes: {
    defaultAuthorizationMode: 'userPool',
    apiKeyAuthorizationMode: { expiresInDays: 365, description: 'read-only key' },
  },
  logging: {
    fieldLogLevel: 'error',
    retention: '2 weeks',
    excludeVerboseContent: true,
  },
});
