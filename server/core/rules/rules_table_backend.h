/*
 * rules_table_backend.h: backend wiring: resources and defineBackend, data access of functions, nested-stack cycles, singletons, file locations, versions.
 * X(code, default severity, title); see rules_table.h.
 */
#define AMP_RULES_BACKEND(X)
