/*
 * fix_backend.c: quick fixes for findings about resources and the backend:
 * a literal where secret() belongs, a function without its schema-level
 * grant, a resource missing from defineBackend, a nested-stack cycle (see
 * amp_fix.h).
 */
#include "fix_internal.h"

#include <string.h>

#include "complete_internal.h"
#include "nav_internal.h"

#define AMP_BACKEND_MODULE "@aws-amplify/backend"

/* ---- options-secret-expected --------------------------------------------------- */

void fix_secret(fix_ctx *c)
{
    /* The message names the secret: "... write `key: secret('NAME')`." */
    const char *name = fix_quoted_after(c, c->d->message, "secret('");
    uint32_t n = 0;
    const char *p = fix_text(c, c->at, &n);
    if (!name || !p || n < 2 || (p[0] != '\'' && p[0] != '"'))
        return;
    fix_edit(c, c->at, fix_printf(c, "secret('%s')", name));
    fix_import(c, c->at.file, "secret", AMP_BACKEND_MODULE);
    fix_done(c, fix_printf(c, "Replace the literal with secret('%s')", name), true);
}

/* ---- backend-function-data-access ----------------------------------------------- */

/* The schema a data-access grant goes to: the one of the first defineData. */
static const amp_schema *granting_schema(const amp_model *m)
{
    for (size_t i = 0; i < m->resource_count; i++)
        if (m->resources[i].kind == AMP_RES_DATA && m->resources[i].schema >= 0 &&
            (size_t)m->resources[i].schema < m->schema_count)
            return &m->schemas[m->resources[i].schema];
    return NULL;
}

void fix_data_access(fix_ctx *c)
{
    const amp_backend_call *call = NULL;
    for (size_t i = 0; i < c->m->backend_use_count && !call; i++)
        if (fix_loc_eq(c->m->backend_uses[i].first_arg.loc, c->at))
            call = &c->m->backend_uses[i];
    int fn = call ? call->on.resource : -1;
    const amp_schema *s = granting_schema(c->m);
    if (fn < 0 || (size_t)fn >= c->m->resource_count ||
        c->m->resources[fn].kind != AMP_RES_FUNCTION || !s || s->combine >= 0 || s->sql ||
        !s->value || s->value->kind != AMP_VAL_CALL)
        return;
    const char *name = fix_use_resource(c, s->value->loc.file, fn);
    if (!name) {
        fix_done(c, NULL, false); /* drops what was begun */
        return;
    }
    const amp_method *auth = amp_value_method(s->value, "authorization");
    if (!auth) {
        fix_append_method(c, s->value,
                          fix_printf(c, ".authorization((allow) => [allow.resource(%s)])", name));
    } else {
        const amp_value *cb = auth->arg_count ? auth->args[0] : NULL;
        const char *allow = cb && cb->kind == AMP_VAL_FUNCTION ? fix_param_name(c, cb->loc) : NULL;
        if (!allow || !cb->body || cb->body->kind != AMP_VAL_ARRAY || cb->body->open) {
            c->failed = true;
        } else {
            const char *item = fix_printf(c, "%s.resource(%s)", allow, name);
            fix_append_elements(c, cb->body->loc, &item, 1);
        }
    }
    fix_done(c, fix_printf(c, "Grant %s data access: allow.resource(%s) on the schema", name, name),
             true);
}

/* ---- backend-resource-not-deployed ------------------------------------------------- */

void fix_not_deployed(fix_ctx *c)
{
    int r = -1;
    for (size_t i = 0; i < c->m->resource_count && r < 0; i++) {
        const amp_resource *res = &c->m->resources[i];
        amp_loc callee =
            res->value && res->value->kind == AMP_VAL_CALL ? res->value->callee_loc : res->loc;
        if (fix_loc_eq(callee, c->at))
            r = (int)i;
    }
    const amp_value *keys = c->m->backend_arg;
    if (r < 0 || !keys || keys->kind != AMP_VAL_OBJECT || keys->open)
        return;
    const char *name = fix_use_resource(c, keys->loc.file, r);
    if (!name || amp_value_prop(keys, name)) {
        fix_done(c, NULL, false); /* no name, or the key is taken: the user decides */
        return;
    }
    fix_append_elements(c, keys->loc, &name, 1);
    fix_done(c, fix_printf(c, "Add %s to defineBackend", name), true);
}

/* ---- backend-stack-cycle ----------------------------------------------------------- */

/* The options object of defineFunction resource r, or NULL. */
static const amp_value *function_props(const amp_resource *r)
{
    const amp_value *props = r->props;
    if (props && props->kind == AMP_VAL_FUNCTION)
        props = r->value->item_count > 1 ? r->value->items[1] : NULL;
    return props && props->kind == AMP_VAL_OBJECT ? props : NULL;
}

/* The function the cycle finding points at with loc: its resourceGroupName
 * value, or its define call's callee. */
static int function_at(const fix_ctx *c, amp_loc loc)
{
    for (size_t i = 0; i < c->m->resource_count; i++) {
        const amp_resource *r = &c->m->resources[i];
        if (r->kind != AMP_RES_FUNCTION || !r->value || r->value->kind != AMP_VAL_CALL)
            continue;
        const amp_prop *p = amp_value_prop(function_props(r), "resourceGroupName");
        if (p ? fix_loc_eq(p->value->loc, loc) : fix_loc_eq(r->value->callee_loc, loc))
            return (int)i;
    }
    return -1;
}

/* Sets function r's resourceGroupName to group. */
static void set_group(fix_ctx *c, int r, const char *group)
{
    const amp_value *props = r >= 0 ? function_props(&c->m->resources[r]) : NULL;
    const amp_prop *p = amp_value_prop(props, "resourceGroupName");
    if (!group || !props || (!p && props->open)) {
        c->failed = true;
        return;
    }
    const char *value = fix_printf(c, "'%s'", group);
    if (p) {
        fix_edit(c, p->value->loc, value);
        return;
    }
    const char *element = fix_printf(c, "resourceGroupName: %s", value);
    fix_append_elements(c, props->loc, &element, 1);
}

void fix_stack_cycle(fix_ctx *c)
{
    /* The message says "Fix: move fn to 'group' [and fn2 to 'group2'] ...";
     * the other moves are related locations "move fn2 to 'group2' too". */
    int fn = function_at(c, c->at);
    if (fn < 0)
        return;
    const char *label = nav_resource_name(c->m, fn);
    const char *group = fix_quoted_after(c, c->d->message, fix_printf(c, "move %s to '", label));
    set_group(c, fn, group);
    size_t moved = 1;
    for (size_t i = 0; i < c->d->related_count; i++) {
        const amp_related *rel = &c->d->related[i];
        int file = amp_model_file_index(c->m, rel->file);
        if (file < 0 || strncmp(rel->message, "move ", 5) != 0)
            continue;
        int other = function_at(c, (amp_loc){(uint32_t)file, rel->start, rel->end});
        const char *lead =
            other >= 0 ? fix_printf(c, "move %s to '", nav_resource_name(c->m, other)) : NULL;
        set_group(c, other, lead ? fix_quoted_after(c, rel->message, lead) : NULL);
        moved++;
    }
    fix_done(c,
             moved > 1 ? fix_printf(c, "Move %s to resource group '%s' (and %zu more)", label,
                                    group ? group : "", moved - 1)
                       : fix_printf(c, "Move %s to resource group '%s'", label, group ? group : ""),
             true);
}
