import { type ClientSchema, a, defineData } from '@aws-amplify/backend';

const schema = a
  .schema({
    // Many-to-many: Student <-> Course through the join model Enrollment.
    Student: a.model({
      name: a.string().required(),
      enrollments: a.hasMany('Enrollment', 'studentId'),
    }),
    Course: a.model({
      code: a.string().required(),
      title: a.string(),
      enrollments: a.hasMany('Enrollment', 'courseId'),
    }),
    Enrollment: a.model({
      studentId: a.id().required(),
      courseId: a.id().required(),
      grade: a.string(),
      student: a.belongsTo('Student', 'studentId'),
      course: a.belongsTo('Course', 'courseId'),
    }),

    // Self-relationship: an employee's manager is an employee.
    // hasOne/belongsTo: an employee has one badge.
    Employee: a.model({
      name: a.string().required(),
      managerId: a.id(),
      manager: a.belongsTo('Employee', 'managerId'),
      reports: a.hasMany('Employee', 'managerId'),
      badge: a.hasOne('Badge', 'employeeId'),
    }),
    Badge: a.model({
      number: a.string().required(),
      employeeId: a.id(),
      employee: a.belongsTo('Employee', 'employeeId'),
    }),

    // Two relationship pairs between the same two models.
    Person: a.model({
      name: a.string().required(),
      authoredArticles: a.hasMany('Article', 'authorId'),
      editedArticles: a.hasMany('Article', 'editorId'),
    }),
    Article: a.model({
      title: a.string().required(),
      authorId: a.id(),
      editorId: a.id(),
      author: a.belongsTo('Person', 'authorId'),
      editor: a.belongsTo('Person', 'editorId'),
    }),
  })
  .authorization((allow) => [allow.authenticated()]);

export type Schema = ClientSchema<typeof schema>;

export const data = defineData({ schema });
