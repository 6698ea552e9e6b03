/*
 * rules_table_options.h: options of defineAuth, defineStorage, defineFunction and defineData checked against the catalogue, and the auth, storage and function rules.
 * X(code, default severity, title); see rules_table.h.
 */
#define AMP_RULES_OPTIONS(X)
