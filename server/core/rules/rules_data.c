/*
 * rules_data.c: rules on data schemas: names that must resolve,
 * relationships and their counterparts, enums, identifiers, indexes,
 * authorization presence and custom operations. Conditions follow what
 * @aws-amplify/data-schema's transform() rejects (see each doc page);
 * relationship rules apply to DynamoDB schemas only, as in Amplify.
 */
#include "rules_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* ---- helpers ------------------------------------------------------------- */

static bool is_relationship(const amp_field *f)
{
    return f->kind == AMP_FIELD_HAS_MANY || f->kind == AMP_FIELD_HAS_ONE ||
           f->kind == AMP_FIELD_BELONGS_TO;
}

static const char *rel_builder(const amp_field *f)
{
    return f->kind == AMP_FIELD_HAS_MANY  ? "hasMany"
           : f->kind == AMP_FIELD_HAS_ONE ? "hasOne"
                                          : "belongsTo";
}

/* True when every reference of f is a known string. */
static bool refs_known(const amp_field *f)
{
    if (f->reference_count == 0)
        return false;
    for (size_t i = 0; i < f->reference_count; i++)
        if (!f->references[i].s)
            return false;
    return true;
}

static bool same_refs(const amp_field *a, const amp_field *b)
{
    if (a->reference_count != b->reference_count)
        return false;
    for (size_t i = 0; i < a->reference_count; i++)
        if (!a->references[i].s || !b->references[i].s ||
            strcmp(a->references[i].s, b->references[i].s) != 0)
            return false;
    return true;
}

/* True when every field of t was understood, so a missing field is missing. */
static bool fields_known(const amp_type *t)
{
    if (t->fields_open)
        return false;
    for (size_t i = 0; i < t->field_count; i++)
        if (t->fields[i].kind == AMP_FIELD_UNKNOWN)
            return false;
    return true;
}

static const amp_field *field_named(const amp_type *t, const char *name)
{
    for (size_t i = 0; i < t->field_count; i++)
        if (t->fields[i].name && strcmp(t->fields[i].name, name) == 0)
            return &t->fields[i];
    return NULL;
}

static const char *type_kind_word(amp_type_kind k)
{
    static const char *words[] = {"model",
                                  "custom type",
                                  "enum",
                                  "custom query",
                                  "custom mutation",
                                  "custom subscription",
                                  "generation route",
                                  "conversation route",
                                  "type"};
    return words[k];
}

/* Edit distance, bounded: used for did-you-mean suggestions. */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return 99;
    size_t prev[65], cur[65];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cost =
                tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1]) ? 0 : 1;
            size_t best = prev[j - 1] + cost;
            if (prev[j] + 1 < best)
                best = prev[j] + 1;
            if (cur[j - 1] + 1 < best)
                best = cur[j - 1] + 1;
            cur[j] = best;
        }
        memcpy(prev, cur, (lb + 1) * sizeof *prev);
    }
    return prev[lb];
}

/* The closest type name in the schema group (or NULL), for "did you mean". */
static const char *closest_type(const amp_model *m, int schema, const char *name, bool models_only)
{
    const char *best = NULL;
    size_t best_d = strlen(name) / 3 + 1;
    if (best_d > 3)
        best_d = 3;
    int group = m->schemas[schema].combine;
    for (size_t s = 0; s < m->schema_count; s++) {
        if ((int)s != schema && (group < 0 || m->schemas[s].combine != group))
            continue;
        for (size_t t = 0; t < m->schemas[s].type_count; t++) {
            const amp_type *ty = &m->schemas[s].types[t];
            if (models_only && ty->kind != AMP_TYPE_MODEL)
                continue;
            size_t d = distance(name, ty->name);
            if (d < best_d || (d == best_d && !best)) {
                best = ty->name;
                best_d = d;
            }
        }
    }
    return best && distance(name, best) <= best_d ? best : NULL;
}

/* The field of t closest to name (or NULL), for "did you mean" about a key
 * field: relationships are left out (they cannot be keys), and the implicit
 * id is a candidate when implicit_id is set and t does not declare id. */
static const char *closest_field(const amp_type *t, const char *name, bool implicit_id)
{
    const char *best = NULL;
    size_t best_d = strlen(name) / 3 + 1;
    if (best_d > 3)
        best_d = 3;
    for (size_t i = 0; i <= t->field_count; i++) {
        const char *cand = i < t->field_count ? t->fields[i].name : "id";
        if (!cand || (i < t->field_count && is_relationship(&t->fields[i])) ||
            (i == t->field_count && (!implicit_id || field_named(t, "id"))))
            continue;
        size_t d = distance(name, cand);
        if (d < best_d || (d == best_d && !best)) {
            best = cand;
            best_d = d;
        }
    }
    return best;
}

/* " Did you mean 'x'?" for hint (empty when NULL), in buf. */
static const char *did_you_mean(char *buf, size_t cap, const char *hint)
{
    buf[0] = '\0';
    if (hint)
        snprintf(buf, cap, " Did you mean '%s'?", hint);
    return buf;
}

/* True when names in this schema group may be missing from the model. */
static bool group_open(const amp_model *m, int schema)
{
    int group = m->schemas[schema].combine;
    for (size_t s = 0; s < m->schema_count; s++)
        if (((int)s == schema || (group >= 0 && m->schemas[s].combine == group)) &&
            m->schemas[s].open)
            return true;
    return false;
}

/* Reports an unknown type name; returns the type when it exists. The
 * message starts with what (a phrase such as "The argument is a.ref to"),
 * or when what is NULL with "<owner>.<field> is a.ref to" or "... is
 * a.hasMany of" (written only when reporting: this runs for every field). */
static const amp_type *resolve_target(amp_check *c, int schema, amp_str target, const char *what,
                                      const amp_type *owner, const amp_field *f)
{
    if (!target.s)
        return NULL;
    const amp_type *t = amp_find_type(c->m, schema, target.s);
    if (t)
        return t;
    c->global = true; /* what follows reads other schemas and every type name */
    if (group_open(c->m, schema))
        return NULL;
    char phrase[160];
    if (!what) {
        if (f->kind == AMP_FIELD_REF)
            snprintf(phrase, sizeof phrase, "%s.%s is a.ref to", owner->name,
                     f->name ? f->name : "?");
        else
            snprintf(phrase, sizeof phrase, "%s.%s is a.%s of", owner->name, f->name,
                     rel_builder(f));
        what = phrase;
    }
    const char *hint = closest_type(c->m, schema, target.s, false);
    char suggestion[160] = "";
    if (hint)
        snprintf(suggestion, sizeof suggestion, " Did you mean '%s'?", hint);
    amp_report(c, "data-unknown-type", target.loc,
               "%s '%s', but the schema defines no type named '%s'.%s Check the spelling, or add "
               "the type to a.schema({...}).",
               what, target.s, target.s, suggestion);
    return NULL;
}

/* ---- relationships -------------------------------------------------------- */

/* The identifier fields of a model: declared .identifier([...]) or ['id']. */
static size_t identifier_count(const amp_type *t)
{
    return t->has_identifier ? t->identifier_count : 1;
}

/* The GraphQL-relevant scalar name of identifier field i of a model ("id"
 * for the implicit id), or NULL when not known. */
static const char *identifier_scalar(const amp_type *t, size_t i)
{
    const char *name = t->has_identifier ? t->identifier[i].s : "id";
    if (!name)
        return NULL;
    const amp_field *f = field_named(t, name);
    if (!f)
        return strcmp(name, "id") == 0 ? "id" : NULL;
    return f->kind == AMP_FIELD_SCALAR ? f->scalar : NULL;
}

/* ID and String are interchangeable for references; nothing else is. */
static bool compatible_scalars(const char *a, const char *b)
{
    bool sa = strcmp(a, "id") == 0 || strcmp(a, "string") == 0;
    bool sb = strcmp(b, "id") == 0 || strcmp(b, "string") == 0;
    return (sa && sb) || strcmp(a, b) == 0;
}

/* Checks a relationship's reference fields against the child and the
 * parent's identifier. */
static void check_references(amp_check *c, const amp_type *parent, const amp_type *child,
                             const amp_field *f)
{
    if (!refs_known(f))
        return;
    size_t ids = identifier_count(parent);
    bool ids_known = !parent->has_identifier || parent->identifier_count > 0;
    if (ids_known && f->reference_count != ids) {
        amp_diag *d = amp_report(
            c, "data-reference-count-mismatch", f->references_loc,
            "%s.%s gives %zu reference field%s, but %s's identifier has %zu field%s; give one "
            "reference field of %s per identifier field, in the same order.",
            (f->kind == AMP_FIELD_BELONGS_TO ? child : parent)->name, f->name, f->reference_count,
            f->reference_count == 1 ? "" : "s", parent->name, ids, ids == 1 ? "" : "s",
            child->name);
        amp_relate(c, d, parent->name_loc, "%s is declared here", parent->name);
        return;
    }
    if (!fields_known(child))
        return;
    for (size_t i = 0; i < f->reference_count; i++) {
        const amp_field *rf = field_named(child, f->references[i].s);
        if (!rf || rf->kind != AMP_FIELD_SCALAR) {
            amp_diag *d = amp_report(
                c, "data-reference-field-missing", f->references[i].loc,
                "Reference field '%s' must be a scalar field of model %s%s. Add it to %s, e.g. "
                "`%s: a.id()`, or fix the name.",
                f->references[i].s, child->name,
                rf ? " (it is a reference or enum field there)" : "", child->name,
                f->references[i].s);
            amp_relate(c, d, child->name_loc, "%s is declared here", child->name);
            continue;
        }
        const char *want = ids_known ? identifier_scalar(parent, i) : NULL;
        if (want && rf->scalar && !compatible_scalars(rf->scalar, want)) {
            amp_diag *d = amp_report(
                c, "data-reference-type-mismatch", f->references[i].loc,
                "Reference field %s.%s is a.%s(), but identifier field %zu of %s is a.%s(); make "
                "the types match (a.id() and a.string() are interchangeable).",
                child->name, rf->name, rf->scalar, i + 1, parent->name, want);
            amp_relate(c, d, rf->name_loc, "%s.%s is declared here", child->name, rf->name);
        }
    }
}

/* Counts relationships on `on` that answer f (declared on `from`). */
static size_t counterparts(const amp_type *on, const amp_type *from, const amp_field *f,
                           const amp_field **first)
{
    size_t n = 0;
    *first = NULL;
    for (size_t i = 0; i < on->field_count; i++) {
        const amp_field *g = &on->fields[i];
        if (g == f || !is_relationship(g) || !g->target.s || strcmp(g->target.s, from->name) != 0)
            continue;
        bool kinds = f->kind == AMP_FIELD_BELONGS_TO ? g->kind != AMP_FIELD_BELONGS_TO
                                                     : g->kind == AMP_FIELD_BELONGS_TO;
        if (kinds && same_refs(f, g)) {
            if (!*first)
                *first = g;
            n++;
        }
    }
    return n;
}

/* True when every relationship of t is fully known and names an existing
 * type: otherwise a missing counterpart may just be the one with a typo,
 * already reported as data-unknown-type. */
static bool relationships_known(const amp_model *m, int schema, const amp_type *t)
{
    if (!fields_known(t))
        return false;
    for (size_t i = 0; i < t->field_count; i++) {
        const amp_field *f = &t->fields[i];
        if (is_relationship(f) &&
            (!f->target.s || !refs_known(f) || !amp_find_type(m, schema, f->target.s)))
            return false;
    }
    return true;
}

static void check_counterpart(amp_check *c, const amp_type *model, const amp_type *target,
                              const amp_field *f)
{
    if (!refs_known(f) || !relationships_known(c->m, target->schema, target))
        return;
    const amp_field *first;
    size_t n = counterparts(target, model, f, &first);
    if (n == 1)
        return;
    char refs[256] = "";
    for (size_t i = 0; i < f->reference_count; i++) {
        size_t used = strlen(refs);
        snprintf(refs + used, sizeof refs - used, "%s'%s'", i ? ", " : "", f->references[i].s);
    }
    if (n == 0) {
        const char *want =
            f->kind == AMP_FIELD_BELONGS_TO ? "a.hasMany or a.hasOne" : "a.belongsTo";
        amp_diag *d = amp_report(
            c, "data-missing-counterpart", f->name_loc,
            "%s.%s is a.%s('%s', ...) but %s has no %s('%s', [%s]) to pair with it. Add one to "
            "%s with the same references, e.g. `%c%s: %s('%s', [%s])`.",
            model->name, f->name, rel_builder(f), target->name, target->name, want, model->name,
            refs, target->name, tolower((unsigned char)model->name[0]), model->name + 1,
            f->kind == AMP_FIELD_BELONGS_TO ? "a.hasMany" : "a.belongsTo", model->name, refs);
        amp_relate(c, d, target->name_loc, "%s is declared here", target->name);
    } else if (n > 1) {
        amp_diag *d = amp_report(
            c, "data-ambiguous-counterpart", f->name_loc,
            "%s.%s matches %zu relationships on %s with the same references [%s]; Amplify needs "
            "exactly one. Give each pair its own reference fields.",
            model->name, f->name, n, target->name, refs);
        amp_relate(c, d, first->name_loc, "one match: %s.%s", target->name, first->name);
    }
}

static void check_relationship(amp_check *c, const amp_schema *s, int si, const amp_type *model,
                               const amp_field *f)
{
    const amp_type *target = resolve_target(c, si, f->target, NULL, model, f);
    if (!target || s->sql)
        return;
    if (target->kind != AMP_TYPE_MODEL) {
        if (target->kind != AMP_TYPE_UNKNOWN) {
            amp_diag *d = amp_report(
                c, "data-relationship-target-not-model", f->target.loc,
                "a.%s() must point at a model, but '%s' is a %s. Use a.ref('%s') "
                "for enums and custom types.",
                rel_builder(f), target->name, type_kind_word(target->kind), target->name);
            amp_relate(c, d, target->name_loc, "%s is declared here", target->name);
        }
        return;
    }
    const amp_type *parent = f->kind == AMP_FIELD_BELONGS_TO ? target : model;
    const amp_type *child = f->kind == AMP_FIELD_BELONGS_TO ? model : target;
    check_references(c, parent, child, f);
    check_counterpart(c, model, target, f);
}

/* ---- per-type checks ------------------------------------------------------ */

static void check_ref_field(amp_check *c, int si, const amp_type *owner, const amp_field *f)
{
    const amp_type *target = resolve_target(c, si, f->target, NULL, owner, f);
    if (target && target->kind == AMP_TYPE_MODEL &&
        (owner->kind == AMP_TYPE_MODEL || owner->kind == AMP_TYPE_CUSTOM)) {
        amp_diag *d = amp_report(
            c, "data-ref-to-model", f->target.loc,
            "%s.%s uses a.ref('%s'), but %s is a model: a %s field cannot refer to a model. Use a "
            "relationship (a.hasOne/a.belongsTo) or a custom type instead.",
            owner->name, f->name, target->name, target->name, type_kind_word(owner->kind));
        amp_relate(c, d, target->name_loc, "%s is declared here", target->name);
    }
}

static bool is_graphql_name(const char *s)
{
    if (!(isalpha((unsigned char)s[0]) || s[0] == '_'))
        return false;
    for (const char *p = s + 1; *p; p++)
        if (!(isalnum((unsigned char)*p) || *p == '_'))
            return false;
    return true;
}

static void check_enum_values(amp_check *c, const char *name, amp_loc at, const amp_str *v,
                              size_t n, const amp_value *call)
{
    const amp_value *list = call && call->item_count ? call->items[0] : NULL;
    if (n == 0 && list && list->kind == AMP_VAL_ARRAY && !list->open) {
        amp_report(c, "data-enum-empty", at,
                   "Enum %s has no values; give it at least one, e.g. a.enum(['ACTIVE']).", name);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (!v[i].s)
            continue;
        bool space = false;
        for (const char *p = v[i].s; *p; p++)
            space |= isspace((unsigned char)*p) != 0;
        if (space) {
            char fixed[128];
            size_t k = 0;
            for (const char *p = v[i].s; *p && k + 1 < sizeof fixed; p++)
                fixed[k++] = isspace((unsigned char)*p) ? '_' : *p;
            fixed[k] = '\0';
            amp_report(c, "data-enum-value-whitespace", v[i].loc,
                       "Enum value '%s' of %s contains whitespace; enum values are GraphQL names. "
                       "Use '_' instead: '%s'.",
                       v[i].s, name, fixed);
        } else if (!is_graphql_name(v[i].s))
            amp_report(
                c, "data-enum-value-invalid", v[i].loc,
                "Enum value '%s' of %s is not a valid GraphQL name (letters, digits and '_', "
                "not starting with a digit); deployment fails with a syntax error. Rename "
                "it, e.g. with '_' for '-'.",
                v[i].s, name);
        for (size_t j = 0; j < i; j++)
            if (v[j].s && strcmp(v[j].s, v[i].s) == 0) {
                amp_diag *d = amp_report(c, "data-enum-duplicate-value", v[i].loc,
                                         "Enum %s lists '%s' twice; remove one.", name, v[i].s);
                amp_relate(c, d, v[j].loc, "first listed here");
                break;
            }
    }
}

static bool schema_has_rules(const amp_schema *s)
{
    for (size_t i = 0; i < s->rule_count; i++)
        if (strcmp(s->rules[i].strategy, "resource") != 0)
            return true;
    return false;
}

static void check_model_auth(amp_check *c, const amp_schema *s, const amp_type *t)
{
    if (s->sql || schema_has_rules(s) || (s->has_auth && !s->rules_known))
        return;
    if (t->has_auth && (!t->rules_known || t->rule_count > 0))
        return;
    amp_report(c, "data-model-missing-authorization", t->name_loc,
               "Model %s has no authorization rules, and the schema has none either, so Amplify "
               "refuses to deploy it. Add `.authorization((allow) => [allow.owner()])` (or the "
               "rules you need) to the model or to a.schema({...}).",
               t->name);
}

static void check_identifier(amp_check *c, const amp_schema *s, const amp_type *t)
{
    if (!t->has_identifier || s->sql || !fields_known(t))
        return;
    for (size_t i = 0; i < t->identifier_count; i++) {
        const amp_str *id = &t->identifier[i];
        if (!id->s)
            continue;
        const amp_field *f = field_named(t, id->s);
        if (!f) {
            if (strcmp(id->s, "id") != 0) {
                char hint[160];
                amp_report(c, "data-identifier-unknown-field", id->loc,
                           "Identifier field '%s' is not a field of %s.%s Declare it, e.g. `%s: "
                           "a.string().required()`, or fix the name.",
                           id->s, t->name,
                           did_you_mean(hint, sizeof hint, closest_field(t, id->s, true)), id->s);
            }
            continue;
        }
        bool is_id = f->kind == AMP_FIELD_SCALAR && f->scalar && strcmp(f->scalar, "id") == 0;
        if (f->kind == AMP_FIELD_REF || f->kind == AMP_FIELD_ENUM || (!is_id && !f->required)) {
            amp_diag *d = amp_report(
                c, "data-identifier-not-required", id->loc,
                "Identifier field %s.%s must be required: add .required() to it%s.", t->name, id->s,
                f->kind == AMP_FIELD_REF || f->kind == AMP_FIELD_ENUM
                    ? " (enum and ref fields cannot be identifier fields at all; use a.string() or "
                      "a.id())"
                    : " or make it a.id()");
            amp_relate(c, d, f->name_loc, "%s.%s is declared here", t->name, f->name);
        }
    }
}

static void check_index_field(amp_check *c, const amp_type *t, const amp_str *name)
{
    if (!name->s || field_named(t, name->s))
        return;
    bool implicit = strcmp(name->s, "createdAt") == 0 || strcmp(name->s, "updatedAt") == 0 ||
                    strcmp(name->s, "id") == 0;
    if (strcmp(name->s, "id") == 0 && !t->has_identifier)
        return; /* the implicit id exists */
    char hint[160];
    amp_report(
        c, "data-index-unknown-field", name->loc,
        "Secondary index field '%s' is not declared on %s%s.%s Declare it, e.g. `%s: "
        "a.datetime()`, or fix the name.",
        name->s, t->name, implicit ? " (implicit fields cannot be index keys until declared)" : "",
        did_you_mean(hint, sizeof hint, closest_field(t, name->s, !t->has_identifier)), name->s);
}

static void check_indexes(amp_check *c, const amp_schema *s, const amp_type *t)
{
    if (s->sql || !fields_known(t))
        return;
    for (size_t i = 0; i < t->index_count; i++) {
        check_index_field(c, t, &t->indexes[i].pk);
        for (size_t k = 0; k < t->indexes[i].sort_key_count; k++)
            check_index_field(c, t, &t->indexes[i].sort_keys[k]);
    }
}

static void check_operation(amp_check *c, const amp_schema *s, int si, const amp_type *t)
{
    bool own_rules = t->has_auth && t->rule_count > 0;
    if (t->has_auth && !t->rules_known)
        return;
    if (s->has_auth && !s->rules_known)
        return;
    bool rules = own_rules || schema_has_rules(s);
    bool async_last = t->handler_count && t->handlers[t->handler_count - 1].async;
    if (t->kind != AMP_TYPE_GENERATION && rules != t->has_handler)
        amp_report(
            c, "data-custom-operation-auth-handler", t->name_loc,
            rules ? "%s %s has authorization rules but no handler; Amplify rejects it. Add "
                    ".handler(a.handler.function(myFunction)) (or another handler)."
                  : "%s %s has a handler but no authorization rules; Amplify rejects it. Add "
                    ".authorization((allow) => [allow.authenticated()]) (or the rules you need).",
            type_kind_word(t->kind), t->name);
    if ((t->kind == AMP_TYPE_QUERY || t->kind == AMP_TYPE_MUTATION ||
         t->kind == AMP_TYPE_GENERATION) &&
        !t->returns && !async_last)
        amp_report(c, "data-custom-operation-missing-returns", t->name_loc,
                   "%s %s has no return type; add .returns(...), e.g. .returns(a.string()) or "
                   ".returns(a.ref('%s')).",
                   type_kind_word(t->kind), t->name, "MyType");
    if (t->kind == AMP_TYPE_SUBSCRIPTION && !t->has_for)
        amp_report(c, "data-subscription-missing-for", t->name_loc,
                   "Custom subscription %s has no mutation source; add .for(a.ref('createPost')) "
                   "naming the mutation it listens to.",
                   t->name);
    if (t->returns && t->returns->kind == AMP_FIELD_REF)
        resolve_target(c, si, t->returns->target, "The return type is a.ref to", NULL, NULL);
    for (size_t i = 0; i < t->source_count; i++)
        resolve_target(c, si, t->sources[i], "The subscription source is a.ref to", NULL, NULL);
    for (size_t i = 0; i < t->field_count; i++)
        if (t->fields[i].kind == AMP_FIELD_REF)
            resolve_target(c, si, t->fields[i].target, "The argument is a.ref to", NULL, NULL);
}

static void check_fields(amp_check *c, const amp_schema *s, int si, const amp_type *t)
{
    for (size_t i = 0; i < t->field_count; i++) {
        const amp_field *f = &t->fields[i];
        if (is_relationship(f))
            check_relationship(c, s, si, t, f);
        else if (f->kind == AMP_FIELD_REF)
            check_ref_field(c, si, t, f);
        else if (f->kind == AMP_FIELD_ENUM)
            check_enum_values(c, f->name, f->name_loc, f->enum_values, f->enum_count, f->value);
        else if (f->kind == AMP_FIELD_CUSTOM && f->inline_type)
            check_fields(c, s, si, f->inline_type);
    }
}

static void check_duplicates(amp_check *c)
{
    const amp_model *m = c->m;
    for (size_t s = 0; s < m->schema_count; s++) {
        if (m->schemas[s].combine < 0)
            continue;
        for (size_t t = 0; t < m->schemas[s].type_count; t++) {
            const amp_type *ty = &m->schemas[s].types[t];
            for (size_t o = 0; o < s; o++) {
                if (m->schemas[o].combine != m->schemas[s].combine)
                    continue;
                for (size_t u = 0; u < m->schemas[o].type_count; u++)
                    if (strcmp(m->schemas[o].types[u].name, ty->name) == 0) {
                        amp_diag *d = amp_report(
                            c, "data-duplicate-type", ty->name_loc,
                            "'%s' is defined in two schemas joined by a.combine; Amplify refuses "
                            "the name collision. Rename or remove one of them.",
                            ty->name);
                        amp_relate(c, d, m->schemas[o].types[u].name_loc, "the other '%s'",
                                   ty->name);
                    }
            }
        }
    }
}

static void data_type(amp_check *c, size_t si, const amp_type *t, const void *arg)
{
    (void)arg;
    const amp_schema *s = &c->m->schemas[si];
    switch (t->kind) {
    case AMP_TYPE_MODEL:
        check_model_auth(c, s, t);
        check_identifier(c, s, t);
        check_indexes(c, s, t);
        check_fields(c, s, (int)si, t);
        break;
    case AMP_TYPE_CUSTOM:
        check_fields(c, s, (int)si, t);
        break;
    case AMP_TYPE_CONVERSATION:
        if (!t->has_auth)
            amp_report(c, "data-conversation-missing-authorization", t->name_loc,
                       "Conversation route %s has no authorization; Amplify rejects it. Add "
                       ".authorization((allow) => allow.owner()).",
                       t->name);
        break;
    case AMP_TYPE_ENUM:
        check_enum_values(c, t->name, t->name_loc, t->enum_values, t->enum_count, t->value);
        break;
    case AMP_TYPE_QUERY:
    case AMP_TYPE_MUTATION:
    case AMP_TYPE_SUBSCRIPTION:
    case AMP_TYPE_GENERATION:
        check_operation(c, s, (int)si, t);
        break;
    default:
        break;
    }
}

void amp_rules_data(amp_check *c)
{
    const amp_model *m = c->m;
    for (size_t si = 0; si < m->schema_count; si++) {
        const amp_schema *s = &m->schemas[si];
        uint64_t context = amp_rules_memo_schema_rules(s) ^ s->sql;
        for (size_t ti = 0; ti < s->type_count; ti++)
            amp_rules_memo_type(c, AMP_MEMO_DATA, context, si, ti, data_type, NULL);
    }
    check_duplicates(c);
}
