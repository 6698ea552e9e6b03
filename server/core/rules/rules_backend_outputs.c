/*
 * rules_backend_outputs.c: backend.addOutput calls that write the same
 * output key (backend sheet §3.1).
 *
 * Every addOutput call is deep-merged into one client-configuration
 * accumulator (@aws-amplify/platform-core ObjectAccumulator): arrays
 * concatenate, objects merge, and a key whose earlier value is a truthy
 * non-object makes the merge throw OutputEntryAlreadyExistsError ("Output
 * entry with key ${key} already exists"), except `version`, whose values are
 * compared as versions. Only literal values are known to be truthy
 * scalars (a CDK token could be an object), so only those are reported; a
 * call inside a branch, a loop or a function may not run and is skipped.
 * A key written twice in one object literal is reported too: the later value
 * silently replaces the earlier one, and TypeScript rejects it.
 */
#include "rules_backend_internal.h"

#include <string.h>

#define CODE "backend-duplicate-output"

/* True for an addOutput call on the backend itself that certainly runs. */
static bool add_output(const amp_backend_call *call)
{
    return !call->conditional && !call->on.key && call->on.path && !call->on.path[0] &&
           strcmp(call->method, "addOutput") == 0;
}

/* Reports a key written twice in the same object literal of one call. */
static void check_same_object(amp_check *c, const amp_backend_call *call)
{
    for (size_t i = 0; i < call->write_count; i++) {
        const amp_backend_write *w = &call->writes[i];
        for (size_t k = 0; k < i; k++) {
            const amp_backend_write *e = &call->writes[k];
            if (e->object != w->object || strcmp(e->key, w->key) != 0)
                continue;
            amp_diag *d = amp_report(c, CODE, w->loc,
                                     "The key '%s' is written twice in this object: the second "
                                     "value silently replaces the first (TypeScript rejects "
                                     "duplicate keys). Keep one of them.",
                                     w->key);
            amp_relate(c, d, e->loc, "'%s' is first written here", e->key);
            break;
        }
    }
}

/* The write of path by an earlier addOutput call whose value is a truthy
 * literal scalar, or NULL. */
static const amp_backend_write *earlier_scalar(const amp_model *m, size_t before, const char *path)
{
    for (size_t i = 0; i < before; i++) {
        const amp_backend_call *call = &m->backend_uses[i];
        if (!add_output(call))
            continue;
        for (size_t k = 0; k < call->write_count; k++) {
            const amp_backend_write *e = &call->writes[k];
            if (e->sure && e->kind == AMP_WRITE_SCALAR && strcmp(e->path, path) == 0)
                return e;
        }
    }
    return NULL;
}

/* Reports the keys of call `index` that an earlier call already wrote. */
static void check_earlier_calls(amp_check *c, size_t index)
{
    const amp_backend_call *call = &c->m->backend_uses[index];
    for (size_t i = 0; i < call->write_count; i++) {
        const amp_backend_write *w = &call->writes[i];
        if (!w->sure || strcmp(w->key, "version") == 0)
            continue;
        const amp_backend_write *e = earlier_scalar(c->m, index, w->path);
        if (!e)
            continue;
        amp_diag *d = amp_report(
            c, CODE, w->loc,
            "The output key '%s' is already written by an earlier backend.addOutput call. "
            "Amplify merges every addOutput call into one configuration and fails with "
            "\"Output entry with key %s already exists\". Write each key in one call only, "
            "or rename one of them.",
            w->path, w->key);
        amp_relate(c, d, e->loc, "'%s' is first written here", e->path);
    }
}

void amp_backend_check_outputs(amp_check *c)
{
    for (size_t i = 0; i < c->m->backend_use_count; i++) {
        const amp_backend_call *call = &c->m->backend_uses[i];
        if (strcmp(call->method, "addOutput") != 0 || call->on.key || !call->on.path ||
            call->on.path[0])
            continue;
        check_same_object(c, call);
        if (add_output(call))
            check_earlier_calls(c, i);
    }
}
