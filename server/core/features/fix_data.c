/*
 * fix_data.c: quick fixes for data schema findings: the missing side of a
 * relationship, a missing reference field, a model without authorization
 * rules (no .authorization, or an empty list) (see amp_fix.h).
 */
#include "fix_internal.h"

#include <ctype.h>
#include <string.h>

/* ---- the model at the finding ---------------------------------------------- */

/* The model type whose field f is, and f, for the field named at loc. */
static const amp_field *field_named_at(const fix_ctx *c, amp_loc loc, const amp_type **owner)
{
    for (size_t s = 0; s < c->m->schema_count; s++)
        for (size_t t = 0; t < c->m->schemas[s].type_count; t++) {
            const amp_type *ty = &c->m->schemas[s].types[t];
            for (size_t i = 0; ty->kind == AMP_TYPE_MODEL && i < ty->field_count; i++)
                if (fix_loc_eq(ty->fields[i].name_loc, loc)) {
                    *owner = ty;
                    return &ty->fields[i];
                }
        }
    return NULL;
}

/* The relationship (and its model) with a reference string at loc; *index
 * receives which reference. */
static const amp_field *reference_at(const fix_ctx *c, amp_loc loc, const amp_type **owner,
                                     size_t *index)
{
    for (size_t s = 0; s < c->m->schema_count; s++)
        for (size_t t = 0; t < c->m->schemas[s].type_count; t++) {
            const amp_type *ty = &c->m->schemas[s].types[t];
            for (size_t i = 0; ty->kind == AMP_TYPE_MODEL && i < ty->field_count; i++)
                for (size_t r = 0; r < ty->fields[i].reference_count; r++)
                    if (fix_loc_eq(ty->fields[i].references[r].loc, loc)) {
                        *owner = ty;
                        *index = r;
                        return &ty->fields[i];
                    }
        }
    return NULL;
}

static bool is_relationship(const amp_field *f)
{
    return f->kind == AMP_FIELD_HAS_MANY || f->kind == AMP_FIELD_HAS_ONE ||
           f->kind == AMP_FIELD_BELONGS_TO;
}

static const amp_field *field_of(const amp_type *t, const char *name)
{
    for (size_t i = 0; name && i < t->field_count; i++)
        if (t->fields[i].name && strcmp(t->fields[i].name, name) == 0)
            return &t->fields[i];
    return NULL;
}

/* The fields object literal of model t, or a loc with file == UINT32_MAX
 * when its fields are not all written there. */
static amp_loc fields_literal(const amp_type *t)
{
    amp_loc none = {UINT32_MAX, 0, 0};
    const amp_value *v = t->value;
    if (t->kind != AMP_TYPE_MODEL || t->fields_open || !v || !amp_value_is_call(v, "a.model") ||
        v->item_count == 0 || v->items[0]->kind != AMP_VAL_OBJECT || v->items[0]->open)
        return none;
    return v->items[0]->loc;
}

/* The scalar builder of identifier field i of model t ("id" for the
 * implicit id or when not known). */
static const char *identifier_scalar(const amp_type *t, size_t i)
{
    if (!t->has_identifier || i >= t->identifier_count)
        return "id";
    const amp_field *f = field_of(t, t->identifier[i].s);
    return f && f->kind == AMP_FIELD_SCALAR && f->scalar ? f->scalar : "id";
}

/* A field name for t: base, or base2, base3 ... when taken. */
static const char *free_field_name(fix_ctx *c, const amp_type *t, const char *base)
{
    if (!field_of(t, base))
        return base;
    for (int i = 2; i < 100; i++) {
        const char *name = fix_printf(c, "%s%d", base, i);
        if (name && !field_of(t, name))
            return name;
    }
    return NULL;
}

/* `Post` -> "post" (+ suffix), in the arena. */
static const char *lower_first(fix_ctx *c, const char *name, const char *suffix)
{
    const char *s = fix_printf(c, "%s%s", name, suffix);
    if (s)
        *(char *)s = (char)tolower((unsigned char)s[0]);
    return s;
}

/* The reference fields child lacks for relationship f of parent, typed
 * like parent's identifier (`postId: a.id()`), appended to out. */
static size_t missing_references(fix_ctx *c, const amp_type *parent, const amp_type *child,
                                 const amp_field *f, const char **out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < f->reference_count && n < max; i++) {
        const char *name = f->references[i].s;
        bool dup = false;
        for (size_t k = 0; k < i; k++)
            dup |= f->references[k].s && name && strcmp(f->references[k].s, name) == 0;
        if (!name || dup || field_of(child, name))
            continue;
        out[n++] = fix_printf(c, "%s: a.%s()", name, identifier_scalar(parent, i));
    }
    return n;
}

/* ---- data-missing-counterpart ------------------------------------------------ */

/* Adds `field: a.<builder>('Model', refs)` (and the missing reference
 * fields when target is the child) to target, as one fix. */
static void add_counterpart(fix_ctx *c, const amp_type *model, const amp_field *f,
                            const amp_type *target, const char *builder, const char *base,
                            bool preferred)
{
    amp_loc fields = fields_literal(target);
    uint32_t n = 0;
    const char *refs = fix_text(c, f->references_loc, &n);
    const char *name = free_field_name(c, target, base);
    if (fields.file == UINT32_MAX || !refs || !name)
        return;
    const char *elements[9];
    size_t count = 0;
    if (f->kind != AMP_FIELD_BELONGS_TO)
        count = missing_references(c, model, target, f, elements, 8);
    elements[count++] =
        fix_printf(c, "%s: a.%s('%s', %.*s)", name, builder, model->name, (int)n, refs);
    fix_append_elements(c, fields, elements, count);
    fix_done(c,
             fix_printf(c, "Add %s.%s: a.%s('%s', ...)", target->name, name, builder, model->name),
             preferred);
}

void fix_counterpart(fix_ctx *c)
{
    const amp_type *model = NULL;
    const amp_field *f = field_named_at(c, c->at, &model);
    if (!f || !is_relationship(f) || !f->target.s || f->reference_count == 0)
        return;
    const amp_type *target = amp_model_find_type(c->m, model->schema, f->target.s);
    if (!target || target->kind != AMP_TYPE_MODEL)
        return;
    if (f->kind == AMP_FIELD_BELONGS_TO) {
        add_counterpart(c, model, f, target, "hasMany", lower_first(c, model->name, "s"), true);
        add_counterpart(c, model, f, target, "hasOne", lower_first(c, model->name, ""), false);
    } else {
        add_counterpart(c, model, f, target, "belongsTo", lower_first(c, model->name, ""), true);
    }
}

/* ---- data-reference-field-missing -------------------------------------------- */

void fix_reference_field(fix_ctx *c)
{
    const amp_type *owner = NULL;
    size_t index = 0;
    const amp_field *f = reference_at(c, c->at, &owner, &index);
    if (!f || !is_relationship(f) || !f->target.s)
        return;
    const amp_type *target = amp_model_find_type(c->m, owner->schema, f->target.s);
    if (!target || target->kind != AMP_TYPE_MODEL)
        return;
    const amp_type *parent = f->kind == AMP_FIELD_BELONGS_TO ? target : owner;
    const amp_type *child = f->kind == AMP_FIELD_BELONGS_TO ? owner : target;
    const char *name = f->references[index].s;
    amp_loc fields = fields_literal(child);
    if (!name || field_of(child, name) || fields.file == UINT32_MAX)
        return;
    const char *element = fix_printf(c, "%s: a.%s()", name, identifier_scalar(parent, index));
    fix_append_elements(c, fields, &element, 1);
    fix_done(c, fix_printf(c, "Add %s to %s", element ? element : "", child->name), true);
}

/* ---- data-model-missing-authorization ------------------------------------------ */

/* The defineData of schema s, or NULL. */
static const amp_resource *data_of(const amp_model *m, int s)
{
    for (size_t i = 0; i < m->resource_count; i++)
        if (m->resources[i].kind == AMP_RES_DATA && m->resources[i].schema == s)
            return &m->resources[i];
    return NULL;
}

static bool has_auth_resource(const amp_model *m)
{
    for (size_t i = 0; i < m->resource_count; i++)
        if (m->resources[i].kind == AMP_RES_AUTH || m->resources[i].kind == AMP_RES_REFERENCE_AUTH)
            return true;
    return false;
}

/* defineData's default authorization mode: the one it names, else the one
 * Amplify picks (see data-default-auth-mode-required): the user pool with
 * auth, the API key without auth or modes, the one mode configured. NULL
 * when not known. */
static const char *default_mode(const amp_model *m, const amp_resource *data)
{
    static const struct {
        const char *key, *mode;
    } modes[] = {{"apiKeyAuthorizationMode", "apiKey"},
                 {"lambdaAuthorizationMode", "lambda"},
                 {"oidcAuthorizationMode", "oidc"}};
    bool auth = has_auth_resource(m);
    const amp_value *props = data ? data->props : NULL;
    if (!props || props->kind != AMP_VAL_OBJECT || props->open)
        return NULL;
    const amp_prop *am = amp_value_prop(props, "authorizationModes");
    if (!am)
        return auth ? "userPool" : "apiKey";
    if (am->value->kind != AMP_VAL_OBJECT || am->value->open)
        return NULL;
    const amp_prop *def = amp_value_prop(am->value, "defaultAuthorizationMode");
    if (def)
        return def->value->kind == AMP_VAL_STRING ? def->value->str : NULL;
    if (auth)
        return "userPool";
    const char *only = NULL;
    for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++)
        if (amp_value_prop(am->value, modes[i].key)) {
            if (only)
                return NULL;
            only = modes[i].mode;
        }
    return only;
}

/* The rule that grants access through the default mode. */
static const char *rule_for_mode(const char *mode)
{
    static const struct {
        const char *mode, *rule;
    } rules[] = {
        {"userPool", "allow.owner()"},
        {"apiKey", "allow.publicApiKey()"},
        {"identityPool", "allow.authenticated('identityPool')"},
        {"iam", "allow.authenticated('identityPool')"},
        {"lambda", "allow.custom()"},
        {"oidc", "allow.authenticated('oidc')"},
    };
    for (size_t i = 0; mode && i < sizeof rules / sizeof rules[0]; i++)
        if (strcmp(rules[i].mode, mode) == 0)
            return rules[i].rule;
    return "allow.owner()";
}

/* Puts rule into model t's empty authorization list (`allow => []`), naming
 * the callback's parameter `allow` when it has none (`() => []`). */
static void fill_empty_auth(fix_ctx *c, const amp_type *t, const char *rule)
{
    const amp_method *auth = amp_value_method(t->value, "authorization");
    const amp_value *cb = auth && auth->arg_count == 1 ? auth->args[0] : NULL;
    /* Only a callback written in the call: a shared one serves other models. */
    if (!t->rules_known || t->rule_count > 0 || !cb || cb->kind != AMP_VAL_FUNCTION ||
        cb->loc.file != auth->loc.file || cb->loc.start < auth->loc.start ||
        cb->loc.end > auth->loc.end || !cb->body || cb->body->kind != AMP_VAL_ARRAY ||
        cb->body->open || cb->body->item_count > 0)
        return;
    const char *allow = fix_param_name(c, cb->loc);
    if (!allow) {
        allow = "allow";
        fix_name_param(c, cb->loc, allow);
    }
    const char *dot = strchr(rule, '.');
    const char *item = fix_printf(c, "%s%s", allow, dot ? dot : "");
    fix_append_elements(c, cb->body->loc, &item, 1);
    fix_done(c, fix_printf(c, "Add %s to the authorization of %s", item ? item : "", t->name),
             true);
}

void fix_model_auth(fix_ctx *c)
{
    const amp_type *t = NULL;
    for (size_t s = 0; s < c->m->schema_count && !t; s++)
        for (size_t i = 0; i < c->m->schemas[s].type_count && !t; i++)
            if (c->m->schemas[s].types[i].kind == AMP_TYPE_MODEL &&
                fix_loc_eq(c->m->schemas[s].types[i].name_loc, c->at))
                t = &c->m->schemas[s].types[i];
    if (!t || !t->value || t->value->kind != AMP_VAL_CALL)
        return;
    const char *rule = rule_for_mode(default_mode(c->m, data_of(c->m, t->schema)));
    if (t->has_auth) {
        fill_empty_auth(c, t, rule);
        return;
    }
    fix_append_method(c, t->value, fix_printf(c, ".authorization((allow) => [%s])", rule));
    fix_done(c, fix_printf(c, "Add .authorization((allow) => [%s]) to %s", rule, t->name), true);
}
