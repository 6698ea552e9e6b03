/*
 * rules_table_backend.h: backend wiring rules of rules_backend*.c:
 * resources and defineBackend, data access of functions, nested-stack
 * cycles, singletons, file locations, imports, versions.
 * X(code, default severity, title); see rules_table.h. Codes are stable
 * forever; each has a doc page server/rules/<code>.md and fixtures
 * tests/rules/<code>/.
 */
#define AMP_RULES_BACKEND(X)                                                                       \
    X("backend-resource-not-deployed", AMP_SEV_WARNING, "A resource is defined but neither passed to defineBackend nor used by a deployed resource") \
    X("backend-duplicate-define-backend", AMP_SEV_ERROR, "defineBackend is called more than once") \
    X("backend-duplicate-singleton", AMP_SEV_ERROR, "A second defineAuth/referenceAuth or defineData in one backend") \
    X("backend-resource-wrong-file", AMP_SEV_ERROR, "defineAuth, defineData or defineStorage is called outside its amplify/<category>/resource.ts") \
    X("backend-import-not-found", AMP_SEV_ERROR, "A relative import names a file that does not exist") \
    X("backend-stack-cycle", AMP_SEV_ERROR, "Resource groups (nested stacks) depend on each other in a circle") \
    X("backend-create-stack-collision", AMP_SEV_ERROR, "backend.createStack names a stack that already exists") \
    X("backend-function-data-access", AMP_SEV_WARNING, "A function set up to use the data API lacks the schema-level allow.resource grant") \
    X("backend-preview-version", AMP_SEV_INFO, "The backend uses the pre-1.0 preview of Amplify Gen 2") \
    X("backend-duplicate-output", AMP_SEV_ERROR, "backend.addOutput writes an output key that is already written") \
    X("backend-duplicate-trigger", AMP_SEV_ERROR, "backend.ts adds a Cognito trigger that defineAuth or an earlier addTrigger already wires")
