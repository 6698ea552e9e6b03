/*
 * rules_internal.h: what rule files share. Each rules_<area>.c defines its
 * check functions and lists its codes in rules_table.h.
 */
#ifndef AMP_RULES_INTERNAL_H
#define AMP_RULES_INTERNAL_H

#include "amp_rules.h"

typedef struct amp_check {
    const amp_model *m;
    const amp_rule_config *cfg;
    const amp_rule_env *env; /* never NULL (an empty env when none was given) */
    amp_diag_list *out;      /* one list per model file */
} amp_check;

/* Reports a diagnostic of rule `code` at loc (severity from the table or the
 * config; nothing when the rule is off). Returns the diagnostic so related
 * locations can be added, or NULL. */
amp_diag *amp_report(amp_check *c, const char *code, amp_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Drops from list the findings a `// amplify-ls-ignore-next-line` comment
 * of t (the text of the file the list is for) silences. */
void amp_rules_drop_suppressed(amp_diag_list *list, const amp_text *t);

/* Adds a related location to d. */
void amp_relate(amp_check *c, amp_diag *d, amp_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The type named name in the schema group of schema s (its own schema, or
 * every schema of the same a.combine), or NULL. */
const amp_type *amp_find_type(const amp_model *m, int schema, const char *name);

/* True when the backend is known to have no auth resource: a whole project
 * (a package.json beside the amplify folder) with one defineBackend whose
 * keys are all known resources, none of them (and no resource anywhere) a
 * defineAuth or referenceAuth (rules_schema_more.c). */
bool amp_backend_without_auth(const amp_check *c);

/* Reports the options of resource r that the catalogue marks ignored
 * (rules_options_ignored.c). */
void amp_rules_options_ignored(amp_check *c, const amp_resource *r);

/* Rule entry points, one per area (rules_<area>.c). */
void amp_rules_data(amp_check *c);
void amp_rules_schema(amp_check *c);
void amp_rules_options(amp_check *c);
void amp_rules_backend(amp_check *c);

#endif
