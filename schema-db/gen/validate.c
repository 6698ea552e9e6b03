/*
 * validate.c: the semantic rules of the catalogue data.
 *
 * Runs after resolution (load.c) on every entry: which kinds may nest under
 * which, required fields per kind, references (`returns`, `links`,
 * `value.shape|arg|returns`) that must name existing entries of the right
 * kind, chain fields (`once`, `removes`, `restores`), value descriptors
 * (known types, literals of an accepted kind, min <= max, defaults inside
 * the enum and range), params, value-entry literals, and the version,
 * package and documentation-address fields. Each failure is reported with
 * the file and id through gen_error.
 */
#include "catalog_gen.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Value type vocabulary, in the bit order of amp_cat_type (amp_catalog.h). */
static const char *const type_names[] = {
    "string",   "number", "integer",   "boolean",  "null",
    "object",   "array",  "record",    "function", "function-resource",
    "resource", "secret", "construct", "builder",  "any"};
enum {
    T_STRING = 1 << 0,
    T_NUMBER = 1 << 1,
    T_INTEGER = 1 << 2,
    T_BOOLEAN = 1 << 3,
    T_NULL = 1 << 4,
    T_OBJECT = 1 << 5,
    T_ARRAY = 1 << 6,
    T_RECORD = 1 << 7,
    T_FUNCTION = 1 << 8,
    T_ANY = 1 << 14
};

/* Which kinds may be children of which (bit masks of child kinds). */
static unsigned allowed_children(int parent_kind)
{
    switch (parent_kind) {
    case K_NAMESPACE:
        return 1u << K_FUNCTION | 1u << K_NAMESPACE | 1u << K_PROPERTY;
    case K_FUNCTION:
    case K_METHOD:
    case K_OPTION:
    case K_PROPERTY:
        return 1u << K_OPTION | 1u << K_VALUE;
    case K_TYPE:
        return 1u << K_METHOD | 1u << K_PROPERTY | 1u << K_OPTION | 1u << K_VALUE;
    default:
        return 0;
    }
}

/* See catalog_gen.h. */
unsigned gen_type_mask(json_t *type, const char **bad)
{
    unsigned mask = 0;
    *bad = NULL;
    json_t *one = json_is_string(type) ? type : NULL;
    size_t n = one ? 1 : json_array_size(type);
    for (size_t i = 0; i < n; i++) {
        json_t *t = one ? one : json_array_get(type, i);
        const char *name = json_string_value(t);
        size_t k = 0;
        while (name && k < sizeof type_names / sizeof type_names[0] && strcmp(type_names[k], name))
            k++;
        if (!name || k == sizeof type_names / sizeof type_names[0]) {
            if (!*bad)
                *bad = name ? name : "?";
            continue;
        }
        mask |= 1u << k;
    }
    return mask;
}

/* Whether a literal's JSON kind is accepted by the type mask. */
static bool literal_fits(json_t *lit, unsigned mask)
{
    if (mask & T_ANY)
        return true;
    if (json_is_string(lit))
        return mask & T_STRING;
    if (json_is_boolean(lit))
        return mask & T_BOOLEAN;
    if (json_is_null(lit))
        return mask & T_NULL;
    if (json_is_integer(lit))
        return mask & (T_INTEGER | T_NUMBER);
    if (json_is_real(lit)) {
        double d = json_real_value(lit);
        return (mask & T_NUMBER) || ((mask & T_INTEGER) && d == floor(d));
    }
    return false;
}

/* A short text form of a scalar literal, for messages. */
static void literal_text(json_t *lit, char *buf, size_t size)
{
    if (json_is_string(lit))
        snprintf(buf, size, "\"%s\"", json_string_value(lit));
    else if (json_is_number(lit))
        snprintf(buf, size, "%g", json_number_value(lit));
    else if (json_is_boolean(lit))
        snprintf(buf, size, "%s", json_is_true(lit) ? "true" : "false");
    else
        snprintf(buf, size, "null");
}

/* Whether `id` names an entry of kind want (or any kind when want < 0). */
static bool check_ref(gen_ctx *ctx, const gen_entry *e, const char *field, json_t *ref, int want)
{
    if (!ref)
        return true;
    long t = gen_find(ctx, json_string_value(ref));
    if (t < 0) {
        gen_error(ctx, e->file, e->id, "'%s' names '%s', which does not exist", field,
                  json_string_value(ref));
        return false;
    }
    if (want >= 0 && ctx->entries[t].kind != want) {
        gen_error(ctx, e->file, e->id, "'%s' names '%s', whose kind is %s, not %s", field,
                  json_string_value(ref), gen_kind_name(ctx->entries[t].kind), gen_kind_name(want));
        return false;
    }
    return true;
}

/* Reports a field of v that its type mask does not allow. */
static void need_type(gen_ctx *ctx, const gen_entry *e, json_t *v, const char *field, unsigned mask,
                      unsigned need, const char *what, const char *need_text)
{
    if (json_object_get(v, field) && !(mask & (need | T_ANY)))
        gen_error(ctx, e->file, e->id, "'%s' in %s needs type %s", field, what, need_text);
}

/* Reports lo > hi for the pair of numeric fields. */
static void check_pair(gen_ctx *ctx, const gen_entry *e, json_t *v, const char *lo, const char *hi,
                       const char *what)
{
    json_t *a = json_object_get(v, lo), *b = json_object_get(v, hi);
    if (a && b && json_number_value(a) > json_number_value(b))
        gen_error(ctx, e->file, e->id, "%s: %s (%g) is greater than %s (%g)", what, lo,
                  json_number_value(a), hi, json_number_value(b));
}

/* Checks the enum list: literals of accepted kinds, no duplicates. */
static void check_enum(gen_ctx *ctx, const gen_entry *e, json_t *list, unsigned mask,
                       const char *field, const char *what)
{
    size_t i, j;
    json_t *lit, *other;
    if (list && json_array_size(list) == 0)
        gen_error(ctx, e->file, e->id, "'%s' in %s is empty", field, what);
    json_array_foreach(list, i, lit)
    {
        char text[160];
        literal_text(lit, text, sizeof text);
        if (!literal_fits(lit, mask))
            gen_error(ctx, e->file, e->id, "%s literal %s in %s does not match the value's type",
                      field, text, what);
        json_array_foreach(list, j, other)
        {
            if (j < i && json_equal(lit, other))
                gen_error(ctx, e->file, e->id, "duplicate %s literal %s in %s", field, text, what);
        }
    }
}

/* Whether lit is a member of the enum list, or the list holds no literal
 * of lit's JSON kind (so it does not constrain lit). */
static bool enum_allows(json_t *list, json_t *lit)
{
    size_t i;
    json_t *x;
    bool same_kind = false;
    json_array_foreach(list, i, x)
    {
        if (json_equal(x, lit))
            return true;
        if (json_typeof(x) == json_typeof(lit) || (json_is_number(x) && json_is_number(lit)))
            same_kind = true;
    }
    return !same_kind;
}

/* Checks that the default fits the type, the enum and the range. */
static void check_default(gen_ctx *ctx, const gen_entry *e, json_t *v, unsigned mask,
                          const char *what)
{
    json_t *d = json_object_get(v, "default");
    if (!d)
        return;
    char text[160];
    literal_text(d, text, sizeof text);
    if (!literal_fits(d, mask))
        gen_error(ctx, e->file, e->id, "default %s in %s does not match the value's type", text,
                  what);
    json_t *list = json_object_get(v, "enum");
    if (list && !enum_allows(list, d))
        gen_error(ctx, e->file, e->id, "default %s in %s is not one of its enum literals", text,
                  what);
    json_t *min = json_object_get(v, "min"), *max = json_object_get(v, "max");
    if (json_is_number(d) && ((min && json_number_value(d) < json_number_value(min)) ||
                              (max && json_number_value(d) > json_number_value(max))))
        gen_error(ctx, e->file, e->id, "default %s in %s is outside min..max", text, what);
}

static void check_value(gen_ctx *ctx, const gen_entry *e, json_t *v, const char *what);

/* Checks the entry references inside a value descriptor. */
static void check_value_refs(gen_ctx *ctx, const gen_entry *e, json_t *v, unsigned mask,
                             const char *what)
{
    need_type(ctx, e, v, "shape", mask, T_OBJECT | T_ARRAY | T_RECORD, what,
              "object, array or record");
    need_type(ctx, e, v, "arg", mask, T_FUNCTION, what, "function");
    need_type(ctx, e, v, "returns", mask, T_FUNCTION, what, "function");
    check_ref(ctx, e, "value.shape", json_object_get(v, "shape"), K_TYPE);
    check_ref(ctx, e, "value.arg", json_object_get(v, "arg"), K_TYPE);
    check_ref(ctx, e, "value.returns", json_object_get(v, "returns"), K_TYPE);
}

/* Checks one value descriptor (and its items) against every value rule;
 * `what` names it in messages. */
static void check_value(gen_ctx *ctx, const gen_entry *e, json_t *v, const char *what)
{
    if (!json_is_object(v))
        return;
    const char *bad;
    unsigned mask = gen_type_mask(json_object_get(v, "type"), &bad);
    if (bad)
        gen_error(ctx, e->file, e->id, "unknown value type '%s' in %s", bad, what);
    check_enum(ctx, e, json_object_get(v, "enum"), mask, "enum", what);
    check_enum(ctx, e, json_object_get(v, "suggest"), mask & (T_STRING | T_ANY), "suggest", what);
    need_type(ctx, e, v, "min", mask, T_NUMBER | T_INTEGER, what, "number or integer");
    need_type(ctx, e, v, "max", mask, T_NUMBER | T_INTEGER, what, "number or integer");
    need_type(ctx, e, v, "min_length", mask, T_STRING, what, "string");
    need_type(ctx, e, v, "max_length", mask, T_STRING, what, "string");
    need_type(ctx, e, v, "pattern", mask, T_STRING, what, "string");
    need_type(ctx, e, v, "min_items", mask, T_ARRAY, what, "array");
    need_type(ctx, e, v, "max_items", mask, T_ARRAY, what, "array");
    need_type(ctx, e, v, "items", mask, T_ARRAY | T_RECORD, what, "array or record");
    need_type(ctx, e, v, "keys", mask, T_RECORD, what, "record");
    need_type(ctx, e, v, "key_pattern", mask, T_RECORD, what, "record");
    check_pair(ctx, e, v, "min", "max", what);
    check_pair(ctx, e, v, "min_length", "max_length", what);
    check_pair(ctx, e, v, "min_items", "max_items", what);
    check_default(ctx, e, v, mask, what);
    check_value_refs(ctx, e, v, mask, what);
    if (json_object_get(v, "items")) {
        char iwhat[200];
        snprintf(iwhat, sizeof iwhat, "the items of %s", what);
        check_value(ctx, e, json_object_get(v, "items"), iwhat);
    }
}

/* Checks a params array: unique names, no required after optional, rest
 * only last, and each value. */
static void check_params(gen_ctx *ctx, const gen_entry *e, json_t *params)
{
    size_t i, j;
    json_t *p, *q;
    bool seen_optional = false;
    json_array_foreach(params, i, p)
    {
        const char *name = json_string_value(json_object_get(p, "name"));
        char what[160];
        snprintf(what, sizeof what, "param '%s'", name ? name : "?");
        json_array_foreach(params, j, q)
        {
            const char *other = json_string_value(json_object_get(q, "name"));
            if (j < i && name && other && strcmp(name, other) == 0)
                gen_error(ctx, e->file, e->id, "duplicate param name '%s'", name);
        }
        bool optional = json_is_true(json_object_get(p, "optional"));
        bool rest = json_is_true(json_object_get(p, "rest"));
        if (!optional && !rest && seen_optional)
            gen_error(ctx, e->file, e->id, "required %s follows an optional one", what);
        if (rest && i + 1 != json_array_size(params))
            gen_error(ctx, e->file, e->id, "rest %s must be the last", what);
        seen_optional = seen_optional || optional;
        check_value(ctx, e, json_object_get(p, "value"), what);
    }
}

/* Whether lit (a value entry's name) is a literal of the descriptor v or of
 * its items. */
static bool value_has_literal(json_t *v, const char *lit)
{
    for (int depth = 0; json_is_object(v) && depth < 4; depth++) {
        size_t i;
        json_t *x;
        json_array_foreach(json_object_get(v, "enum"), i, x)
        {
            char text[160];
            if (json_is_string(x))
                snprintf(text, sizeof text, "%s", json_string_value(x));
            else
                literal_text(x, text, sizeof text);
            if (strcmp(text, lit) == 0)
                return true;
        }
        v = json_object_get(v, "items");
    }
    return false;
}

/* A value entry must document a literal its parent accepts. */
static void check_value_entry(gen_ctx *ctx, const gen_entry *e)
{
    const gen_entry *p = &ctx->entries[e->parent];
    if (value_has_literal(json_object_get(p->obj, "value"), e->name))
        return;
    size_t i;
    json_t *param;
    json_array_foreach(json_object_get(p->obj, "params"), i, param)
    {
        if (value_has_literal(json_object_get(param, "value"), e->name))
            return;
    }
    gen_error(ctx, e->file, e->id, "value '%s' is not an enum literal of its parent '%s'", e->name,
              p->id);
}

/* Checks `once`, `removes` and `restores` (method chain typing). */
static void check_chain(gen_ctx *ctx, const gen_entry *e)
{
    const char *fields[] = {"once", "removes", "restores"};
    for (int f = 0; f < 3; f++)
        if (json_object_get(e->obj, fields[f]) && e->kind != K_METHOD)
            gen_error(ctx, e->file, e->id, "'%s' is only allowed on methods", fields[f]);
    if (e->kind != K_METHOD || e->parent < 0)
        return;
    const gen_entry *p = &ctx->entries[e->parent];
    for (int f = 1; f < 3; f++) {
        size_t i;
        json_t *n;
        json_array_foreach(json_object_get(e->obj, fields[f]), i, n)
        {
            const char *name = json_string_value(n);
            bool found = false;
            for (size_t c = 0; c < p->child_count && !found; c++) {
                const gen_entry *s = &ctx->entries[p->children[c]];
                found =
                    strcmp(s->name, name) == 0 && (s->kind == K_METHOD || s->kind == K_PROPERTY);
            }
            if (!found)
                gen_error(ctx, e->file, e->id, "'%s' names '%s', which is not a member of '%s'",
                          fields[f], name, p->id);
        }
    }
}

/* Checks links: every target exists. */
static void check_links(gen_ctx *ctx, const gen_entry *e)
{
    const char *key;
    json_t *val;
    json_object_foreach(json_object_get(e->obj, "links"), key, val)
    {
        char field[160];
        snprintf(field, sizeof field, "links.%s", key);
        check_ref(ctx, e, field, val, -1);
    }
}

/* Whether s looks like MAJOR.MINOR.PATCH. */
static bool semver_ok(const char *s)
{
    int parts = 0;
    while (*s) {
        if (*s < '0' || *s > '9')
            return false;
        while (*s >= '0' && *s <= '9')
            s++;
        parts++;
        if (*s == '.')
            s++;
        else if (*s)
            return false;
    }
    return parts == 3;
}

/* Checks since, package, url, deprecated and contexts. */
static void check_meta(gen_ctx *ctx, const gen_entry *e)
{
    json_t *since = json_object_get(e->obj, "since");
    json_t *pkg = json_object_get(e->obj, "package");
    json_t *url = json_object_get(e->obj, "url");
    if (since && !semver_ok(json_string_value(since)))
        gen_error(ctx, e->file, e->id, "'since' must be a version like 1.2.3, not '%s'",
                  json_string_value(since));
    if (pkg && !json_object_get(ctx->packages, json_string_value(pkg)))
        gen_error(ctx, e->file, e->id, "'package' '%s' is not declared in 'packages'",
                  json_string_value(pkg));
    if (url && strncmp(json_string_value(url), "https://docs.amplify.aws/", 25) != 0)
        gen_error(ctx, e->file, e->id, "'url' must be a https://docs.amplify.aws/ page");
    if (e->parent < 0 && (!since || !pkg))
        gen_error(ctx, e->file, e->id, "top-level entries need 'since' and 'package'");
    if (e->parent < 0 && e->kind != K_TYPE && !url)
        gen_error(ctx, e->file, e->id, "top-level functions and namespaces need 'url'");
    const char *text_fields[] = {"doc", "deprecated", "example", "signature"};
    for (int f = 0; f < 4; f++) {
        json_t *t = json_object_get(e->obj, text_fields[f]);
        if (t && json_string_length(t) == 0)
            gen_error(ctx, e->file, e->id, "'%s' must not be empty", text_fields[f]);
    }
    size_t i, j;
    json_t *c, *d;
    json_array_foreach(json_object_get(e->obj, "contexts"), i, c)
    {
        json_array_foreach(json_object_get(e->obj, "contexts"), j, d)
        {
            if (j < i && json_equal(c, d))
                gen_error(ctx, e->file, e->id, "duplicate context '%s'", json_string_value(c));
        }
    }
}

/* Checks the kind, where the entry sits, and the fields its kind needs. */
static void check_kind(gen_ctx *ctx, const gen_entry *e)
{
    if (e->kind < 0)
        return; /* reported while loading */
    if (e->parent < 0 && !(e->kind == K_FUNCTION || e->kind == K_NAMESPACE || e->kind == K_TYPE))
        gen_error(ctx, e->file, e->id, "a %s cannot be top-level (no parent)",
                  gen_kind_name(e->kind));
    if (e->parent >= 0) {
        const gen_entry *p = &ctx->entries[e->parent];
        if (p->kind >= 0 && !(allowed_children(p->kind) & (1u << e->kind)))
            gen_error(ctx, e->file, e->id, "a %s cannot be a child of the %s '%s'",
                      gen_kind_name(e->kind), gen_kind_name(p->kind), p->id);
    }
    if (!json_object_get(e->obj, "doc"))
        gen_error(ctx, e->file, e->id, "missing required field 'doc' (not set here nor by 'like')");
    bool callable = e->kind == K_FUNCTION || e->kind == K_METHOD;
    if (callable && !json_object_get(e->obj, "signature"))
        gen_error(ctx, e->file, e->id, "a %s needs a 'signature'", gen_kind_name(e->kind));
    bool documented = e->kind != K_TYPE && e->kind != K_VALUE;
    if (documented && !json_object_get(e->obj, "example"))
        gen_error(ctx, e->file, e->id, "a %s needs an 'example'", gen_kind_name(e->kind));
    if (e->kind == K_OPTION && !json_object_get(e->obj, "value"))
        gen_error(ctx, e->file, e->id, "an option needs a 'value'");
    if (e->kind == K_NAMESPACE && json_object_get(e->obj, "params"))
        gen_error(ctx, e->file, e->id, "a namespace cannot have 'params'");
}

/* Checks that no two children of e share a name. */
static void check_sibling_names(gen_ctx *ctx, const gen_entry *e)
{
    for (size_t i = 0; i < e->child_count; i++)
        for (size_t j = 0; j < i; j++) {
            const gen_entry *a = &ctx->entries[e->children[i]];
            const gen_entry *b = &ctx->entries[e->children[j]];
            if (strcmp(a->name, b->name) == 0)
                gen_error(ctx, a->file, a->id, "a sibling ('%s') has the same name '%s'", b->id,
                          a->name);
        }
}

/* Runs every rule on one resolved entry. */
static void check_entry(gen_ctx *ctx, const gen_entry *e)
{
    check_kind(ctx, e);
    check_meta(ctx, e);
    check_ref(ctx, e, "returns", json_object_get(e->obj, "returns"), K_TYPE);
    check_links(ctx, e);
    check_chain(ctx, e);
    check_sibling_names(ctx, e);
    check_value(ctx, e, json_object_get(e->obj, "value"), "the entry");
    check_params(ctx, e, json_object_get(e->obj, "params"));
    size_t i;
    json_t *o;
    json_array_foreach(json_object_get(e->obj, "overloads"), i, o)
    {
        check_params(ctx, e, json_object_get(o, "params"));
    }
    if (e->kind == K_VALUE && e->parent >= 0)
        check_value_entry(ctx, e);
}

/* See catalog_gen.h. */
int gen_validate(gen_ctx *ctx)
{
    int before = ctx->errors;
    for (size_t i = 0; i < ctx->count; i++)
        check_entry(ctx, &ctx->entries[i]);
    return ctx->errors - before;
}
