/*
 * rules_backend_internal.h: what the backend rule files share.
 *
 *   rules_backend.c          entry point, pre-1.0 notice, singletons, file locations, imports
 *   rules_backend_deploy.c   what gets deployed: resources, their stacks, who references whom
 *   rules_backend_stacks.c   the nested-stack graph (cycles), createStack names, data access
 *   rules_backend_script.c   backend.ts's use of the defineBackend result (read into the model)
 *   rules_backend_outputs.c  backend.addOutput calls writing the same key
 *   rules_backend_triggers.c a Cognito trigger wired twice (defineAuth and addTrigger)
 *   rules_backend_version.c  version questions (rules_backend_version.h)
 *
 * Everything follows /work/shared/reference/amplify-backend-api.md §2, §3, §8,
 * §11: a rule reports only what Amplify rejects (or, as a warning, what
 * certainly does not do what the code says), and stays quiet on anything
 * the model did not understand.
 */
#ifndef AMP_RULES_BACKEND_INTERNAL_H
#define AMP_RULES_BACKEND_INTERNAL_H

#include "rules_backend_version.h"
#include "rules_internal.h"

/* Resource `owner` (auth, storage, data) references function `fn`: a
 * trigger, an access grant, a handler, an authorizer ... */
typedef struct amp_fn_ref {
    int owner, fn; /* indexes into model->resources */
    amp_loc site;  /* where, in the owner's code (a key, a call) */
} amp_fn_ref;

/* What a backend deploys, computed once per rule run. */
typedef struct amp_deploy {
    const amp_model *m;
    bool keys_known;    /* defineBackend got a closed object of known resources */
    bool *deployed;     /* per resource: a key of defineBackend, or referenced by a deployed one */
    bool *referenced;   /* per resource: referenced by another resource */
    bool *unsure;       /* per resource: its value holds something not understood */
    const char **group; /* per resource: the nested stack it lives in, NULL when not known */
    bool *schema_grant; /* per resource: granted by a schema-level allow.resource(fn) */
    amp_fn_ref *refs;   /* owned */
    size_t ref_count;
} amp_deploy;

/* Fills d for model m. Returns false when out of memory (d is then empty
 * and safe to free). */
bool amp_deploy_init(amp_deploy *d, const amp_model *m);
void amp_deploy_free(amp_deploy *d);

/* The resource with this defineBackend key, or -1. */
int amp_deploy_key_resource(const amp_model *m, const char *key);

/* The name to show for resource r: its var, its name, or its define call. */
const char *amp_deploy_label(const amp_model *m, int r);

/* Where to point at resource r: its define call's callee. */
amp_loc amp_deploy_callee(const amp_model *m, int r);

/* Rule families. */
void amp_backend_check_stacks(amp_check *c, const amp_deploy *d);
void amp_backend_check_data_access(amp_check *c, const amp_deploy *d);
void amp_backend_check_outputs(amp_check *c);  /* rules_backend_outputs.c */
void amp_backend_check_triggers(amp_check *c); /* rules_backend_triggers.c */

#endif
