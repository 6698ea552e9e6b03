/*
 * rules_table_schema.h: more data-schema rules: authorization strategies and providers, field modifiers, custom operations, AI routes, defineData options.
 * X(code, default severity, title); see rules_table.h.
 */
#define AMP_RULES_SCHEMA(X)
