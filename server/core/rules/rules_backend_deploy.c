/*
 * rules_backend_deploy.c: what a backend deploys (see amp_deploy in
 * rules_backend_internal.h).
 *
 * defineBackend instantiates the resources given as its keys; instantiating
 * auth, storage and data also instantiates every function they reference
 * (triggers, access grants, handlers, Lambda authorizers, the `functions`
 * prop), whether or not that function is a key (backend sheet §3). So the
 * deployed set is the keys plus everything referenced from a deployed
 * resource. References are found by walking each resource's value graph;
 * a walk that meets something not understood marks the resource unsure.
 *
 * Each resource lives in one nested stack (§2.4): auth and referenceAuth in
 * `auth`, data in `data`, every bucket in `storage`, a function in its
 * `resourceGroupName` (default `function`).
 */
#include "rules_backend_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- a set of pointers (open addressing) ---------------------------------- */

typedef struct pset {
    const void **slots;
    size_t cap, count;
} pset;

static size_t slot_of(const void *p, size_t cap)
{
    uintptr_t h = (uintptr_t)p;
    h ^= h >> 17;
    h *= 0x9E3779B1u;
    return (size_t)(h ^ (h >> 13)) & (cap - 1);
}

/* Adds p; returns true when it was not there yet (and false when out of
 * memory, which ends the walk early: fewer references, never more). */
static bool pset_add(pset *s, const void *p)
{
    if ((s->count + 1) * 2 > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        const void **slots = calloc(cap, sizeof *slots);
        if (!slots)
            return false;
        for (size_t i = 0; i < s->cap; i++) {
            if (!s->slots[i])
                continue;
            size_t k = slot_of(s->slots[i], cap);
            while (slots[k])
                k = (k + 1) & (cap - 1);
            slots[k] = s->slots[i];
        }
        free(s->slots);
        s->slots = slots;
        s->cap = cap;
    }
    size_t k = slot_of(p, s->cap);
    while (s->slots[k]) {
        if (s->slots[k] == p)
            return false;
        k = (k + 1) & (s->cap - 1);
    }
    s->slots[k] = p;
    s->count++;
    return true;
}

/* ---- walking a resource's values ------------------------------------------ */

typedef struct pending {
    const amp_value *v;
    amp_loc site; /* where the value is used: a property key, the call holding it */
} pending;

typedef struct walker {
    amp_deploy *d;
    int owner;
    pset seen;
    pending *stack; /* owned */
    size_t count, cap;
} walker;

static void push(walker *w, const amp_value *v, amp_loc site)
{
    if (!v || v->closed || !pset_add(&w->seen, v))
        return; /* a closed value holds no resource and nothing unsure */
    if (w->count == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 64;
        pending *grown = realloc(w->stack, cap * sizeof *grown);
        if (!grown)
            return;
        w->stack = grown;
        w->cap = cap;
    }
    w->stack[w->count++] = (pending){v, site};
}

static void add_ref(amp_deploy *d, int owner, int fn, amp_loc site)
{
    amp_fn_ref *grown = realloc(d->refs, (d->ref_count + 1) * sizeof *grown);
    if (!grown)
        return;
    d->refs = grown;
    d->refs[d->ref_count++] = (amp_fn_ref){owner, fn, site};
}

/* Pushes the arguments and method arguments of a call. */
static void push_call(walker *w, const amp_value *v)
{
    for (size_t i = 0; i < v->item_count; i++)
        push(w, v->items[i], v->loc);
    for (size_t k = 0; k < v->method_count; k++)
        for (size_t i = 0; i < v->methods[k].arg_count; i++)
            push(w, v->methods[k].args[i], v->methods[k].loc);
}

static void visit(walker *w, const pending *p)
{
    const amp_value *v = p->v;
    switch (v->kind) {
    case AMP_VAL_UNKNOWN:
        w->d->unsure[w->owner] = true;
        break;
    case AMP_VAL_OBJECT:
        w->d->unsure[w->owner] |= v->open;
        for (size_t i = 0; i < v->prop_count; i++)
            push(w, v->props[i].value, v->props[i].key_loc);
        break;
    case AMP_VAL_ARRAY:
        w->d->unsure[w->owner] |= v->open;
        for (size_t i = 0; i < v->item_count; i++)
            push(w, v->items[i], p->site);
        break;
    case AMP_VAL_FUNCTION:
        push(w, v->body, p->site);
        break;
    case AMP_VAL_CALL: {
        int r = amp_model_resource_of(w->d->m, v);
        if (r >= 0 && r != w->owner)
            add_ref(w->d, w->owner, r, p->site); /* another resource: not walked into */
        else
            push_call(w, v);
        break;
    }
    default:
        break;
    }
}

/* Records every resource that resource `owner` references. */
static void walk_resource(amp_deploy *d, int owner)
{
    walker w = {.d = d, .owner = owner};
    const amp_value *root = d->m->resources[owner].value;
    if (root && root->kind == AMP_VAL_CALL) {
        pset_add(&w.seen, root);
        push_call(&w, root);
    }
    while (w.count > 0) {
        pending p = w.stack[--w.count];
        visit(&w, &p);
    }
    free(w.stack);
    free(w.seen.slots);
}

/* ---- stacks ---------------------------------------------------------------- */

/* The nested stack of a function: its resourceGroupName (the props of the
 * Amplify-built form, the second argument of the custom form), default
 * `function`; NULL when not known. */
static const char *function_group(const amp_resource *r)
{
    const amp_value *props = r->props;
    if (props && props->kind == AMP_VAL_FUNCTION)
        props = r->value && r->value->item_count > 1 ? r->value->items[1] : NULL;
    if (!props)
        return "function";
    if (props->kind != AMP_VAL_OBJECT)
        return NULL;
    const amp_prop *g = amp_value_prop(props, "resourceGroupName");
    if (g)
        return g->value->kind == AMP_VAL_STRING ? g->value->str : NULL;
    return props->open ? NULL : "function";
}

static const char *group_of(const amp_resource *r)
{
    switch (r->kind) {
    case AMP_RES_AUTH:
    case AMP_RES_REFERENCE_AUTH:
        return "auth";
    case AMP_RES_DATA:
        return "data";
    case AMP_RES_STORAGE:
        return "storage";
    case AMP_RES_FUNCTION:
        return function_group(r);
    default:
        return NULL;
    }
}

/* ---- the deployment -------------------------------------------------------- */

static void mark_schema_grants(amp_deploy *d)
{
    const amp_model *m = d->m;
    for (size_t s = 0; s < m->schema_count; s++)
        for (size_t i = 0; i < m->schemas[s].rule_count; i++) {
            const amp_rule *rule = &m->schemas[s].rules[i];
            int r = rule->resource ? amp_model_resource_of(m, rule->resource) : -1;
            if (strcmp(rule->strategy, "resource") == 0 && r >= 0)
                d->schema_grant[r] = true;
        }
}

/* Keys first, then whatever deployed resources reference, to a fixpoint. */
static void mark_deployed(amp_deploy *d)
{
    const amp_model *m = d->m;
    for (size_t i = 0; i < m->resource_count; i++)
        d->deployed[i] = m->resources[i].backend_key != NULL;
    for (bool changed = true; changed;) {
        changed = false;
        for (size_t k = 0; k < d->ref_count; k++)
            if (d->deployed[d->refs[k].owner] && !d->deployed[d->refs[k].fn])
                d->deployed[d->refs[k].fn] = changed = true;
    }
    for (size_t k = 0; k < d->ref_count; k++)
        d->referenced[d->refs[k].fn] = true;
}

static bool keys_known(const amp_model *m)
{
    const amp_value *obj = m->backend_arg;
    if (!obj || obj->kind != AMP_VAL_OBJECT || obj->open)
        return false;
    for (size_t i = 0; i < m->key_count; i++)
        if (m->keys[i].resource < 0)
            return false;
    return true;
}

bool amp_deploy_init(amp_deploy *d, const amp_model *m)
{
    memset(d, 0, sizeof *d);
    d->m = m;
    size_t n = m->resource_count ? m->resource_count : 1;
    d->deployed = calloc(n, sizeof *d->deployed);
    d->referenced = calloc(n, sizeof *d->referenced);
    d->unsure = calloc(n, sizeof *d->unsure);
    d->schema_grant = calloc(n, sizeof *d->schema_grant);
    d->group = calloc(n, sizeof *d->group);
    if (!d->deployed || !d->referenced || !d->unsure || !d->schema_grant || !d->group) {
        amp_deploy_free(d);
        d->m = m;
        return false;
    }
    for (size_t i = 0; i < m->resource_count; i++) {
        d->group[i] = group_of(&m->resources[i]);
        if (m->resources[i].kind != AMP_RES_FUNCTION)
            walk_resource(d, (int)i);
    }
    mark_deployed(d);
    mark_schema_grants(d);
    d->keys_known = keys_known(m);
    return true;
}

void amp_deploy_free(amp_deploy *d)
{
    free(d->deployed);
    free(d->referenced);
    free(d->unsure);
    free(d->schema_grant);
    free(d->group);
    free(d->refs);
    memset(d, 0, sizeof *d);
}

int amp_deploy_key_resource(const amp_model *m, const char *key)
{
    for (size_t i = 0; key && i < m->key_count; i++)
        if (m->keys[i].name && strcmp(m->keys[i].name, key) == 0)
            return m->keys[i].resource;
    return -1;
}

const char *amp_deploy_label(const amp_model *m, int r)
{
    const amp_resource *res = &m->resources[r];
    return res->var ? res->var : res->name ? res->name : res->define;
}

amp_loc amp_deploy_callee(const amp_model *m, int r)
{
    const amp_resource *res = &m->resources[r];
    return res->value && res->value->kind == AMP_VAL_CALL ? res->value->callee_loc : res->loc;
}
