/*
 * rules_table.h: every rule, gathered from one table per area so that each
 * area's file can change on its own. Each table is an X-macro
 * X(code, default severity, title).
 */
#include "rules_table_backend.h"
#include "rules_table_data.h"
#include "rules_table_options.h"
#include "rules_table_schema.h"

#define AMP_RULES(X) AMP_RULES_DATA(X) AMP_RULES_SCHEMA(X) AMP_RULES_OPTIONS(X) AMP_RULES_BACKEND(X)
