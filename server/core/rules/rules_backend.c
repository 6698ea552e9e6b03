/*
 * rules_backend.c: backend wiring: resources and defineBackend, data access of functions, nested-stack cycles, singletons, file locations, versions.
 */
#include "rules_internal.h"

void amp_rules_backend(amp_check *c)
{
    (void)c;
}
