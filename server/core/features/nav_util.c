/*
 * nav_util.c: helpers of the navigation sources (see nav_internal.h): text
 * at a location, arena strings, symbol lookups and GraphQL type names.
 */
#include "nav_internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- text ---------------------------------------------------------------- */

const char *nav_text(const amp_nav_index *ix, amp_loc loc, uint32_t *len)
{
    *len = 0;
    if (loc.file >= ix->model->file_count || !ix->texts[loc.file])
        return NULL;
    const amp_text *t = ix->texts[loc.file];
    if (loc.start > loc.end || loc.end > t->len)
        return NULL;
    *len = loc.end - loc.start;
    return t->bytes + loc.start;
}

bool nav_text_is(const amp_nav_index *ix, amp_loc loc, const char *s)
{
    uint32_t n;
    const char *p = nav_text(ix, loc, &n);
    return p && s && strlen(s) == n && memcmp(p, s, n) == 0;
}

amp_loc nav_unquote(const amp_nav_index *ix, amp_loc loc, bool *quoted)
{
    uint32_t n;
    const char *p = nav_text(ix, loc, &n);
    *quoted = false;
    if (p && n >= 2 && (p[0] == '\'' || p[0] == '"' || p[0] == '`') && p[n - 1] == p[0]) {
        *quoted = true;
        loc.start++;
        loc.end--;
    }
    return loc;
}

bool nav_is_shorthand(const amp_nav_index *ix, amp_loc key)
{
    if (key.file >= ix->model->file_count || !ix->texts[key.file])
        return false;
    const amp_text *t = ix->texts[key.file];
    uint32_t i = key.end;
    while (i < t->len && (t->bytes[i] == ' ' || t->bytes[i] == '\t' || t->bytes[i] == '\n' ||
                          t->bytes[i] == '\r'))
        i++;
    return i < t->len && (t->bytes[i] == ',' || t->bytes[i] == '}');
}

amp_loc nav_span(amp_loc a, amp_loc b)
{
    if (a.file == b.file && a.start <= b.start && a.end <= b.end)
        a.end = b.end;
    return a;
}

bool nav_holds(amp_loc loc, uint32_t file, uint32_t offset)
{
    return loc.file == file && loc.start <= offset && offset <= loc.end;
}

/* ---- arena output ------------------------------------------------------- */

void *nav_push(amp_arena *a, void **array, size_t *count, size_t size)
{
    /* Capacity: 8, then doubled whenever the count reaches a power of two. */
    size_t n = *count;
    if (n == 0 || (n >= 8 && (n & (n - 1)) == 0)) {
        void *grown = amp_arena_grow(a, *array, n, n ? n * 2 : 8, size);
        if (!grown)
            return NULL;
        *array = grown;
    }
    (*count)++;
    char *slot = (char *)*array + n * size;
    memset(slot, 0, size);
    return slot;
}

void nav_buf_addn(nav_buf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *grown = realloc(b->s, cap);
        if (!grown) {
            b->failed = true;
            return;
        }
        b->s = grown;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void nav_buf_add(nav_buf *b, const char *s)
{
    nav_buf_addn(b, s, strlen(s));
}

void nav_buf_printf(nav_buf *b, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        nav_buf_addn(b, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        b->failed = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    nav_buf_addn(b, big, (size_t)n);
    free(big);
}

const char *nav_buf_done(nav_buf *b, amp_arena *a)
{
    const char *out = b->failed ? NULL : amp_arena_strndup(a, b->s ? b->s : "", b->len);
    nav_buf_drop(b);
    return out;
}

void nav_buf_drop(nav_buf *b)
{
    free(b->s);
    memset(b, 0, sizeof *b);
}

const char *nav_printf(amp_arena *a, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    if ((size_t)n < sizeof small)
        return amp_arena_strndup(a, small, (size_t)n);
    char *big = amp_arena_alloc(a, (size_t)n + 1);
    if (!big)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return big;
}

/* ---- the model ----------------------------------------------------------- */

int nav_space_of(const amp_model *m, int schema)
{
    if (schema < 0 || (size_t)schema >= m->schema_count || m->schemas[schema].combine < 0)
        return schema;
    for (size_t s = 0; s < m->schema_count; s++)
        if (m->schemas[s].combine == m->schemas[schema].combine)
            return (int)s;
    return schema;
}

struct amp_nav_name {
    uint64_t hash;
    uint32_t sym; /* + 1; 0 for an empty slot */
};

/* A symbol's kind letter for lookups ('t' type, 'f' field, 'g' group) and
 * its scope: a type's namespace + 1, a field's type, nothing for a group. */
static char sym_kind(const amp_sym *s)
{
    return s->kind == AMP_SYM_TYPE ? 't' : s->kind == AMP_SYM_FIELD ? 'f' : 'g';
}

static const void *sym_scope(const amp_sym *s)
{
    return s->kind == AMP_SYM_TYPE    ? (const void *)(intptr_t)(s->space + 1)
           : s->kind == AMP_SYM_FIELD ? (const void *)s->type
                                      : NULL;
}

static uint64_t name_hash(char kind, const void *scope, const char *name)
{
    uint64_t seed = ((uint64_t)(uintptr_t)scope * 0x9E3779B97F4A7C15ull) ^ (uint64_t)kind;
    return amp_hash_bytes(seed, name, strlen(name));
}

/* The slot of kind, scope and name (hash h), or the empty slot where it
 * would go; name_cap must not be 0. */
static size_t name_slot(const amp_nav_index *ix, uint64_t h, char kind, const void *scope,
                        const char *name)
{
    size_t mask = ix->name_cap - 1, i = (size_t)h & mask;
    for (; ix->names[i].sym; i = (i + 1) & mask) {
        const amp_sym *s = &ix->syms[ix->names[i].sym - 1];
        if (ix->names[i].hash == h && sym_kind(s) == kind && sym_scope(s) == scope &&
            strcmp(s->name, name) == 0)
            break;
    }
    return i;
}

static int lookup(const amp_nav_index *ix, char kind, const void *scope, const char *name)
{
    if (!ix->name_cap)
        return -1;
    const struct amp_nav_name *n =
        &ix->names[name_slot(ix, name_hash(kind, scope, name), kind, scope, name)];
    return n->sym ? (int)n->sym - 1 : -1;
}

/* Doubles the table (from 1,024 slots); false when out of memory. */
static bool grow_names(amp_nav_index *ix)
{
    size_t cap = ix->name_cap ? 2 * ix->name_cap : 1024;
    struct amp_nav_name *old = ix->names, *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return false;
    size_t old_cap = ix->name_cap;
    ix->names = slots;
    ix->name_cap = cap;
    for (size_t k = 0; k < old_cap; k++)
        if (old[k].sym) {
            size_t i = (size_t)old[k].hash & (cap - 1);
            while (slots[i].sym)
                i = (i + 1) & (cap - 1);
            slots[i] = old[k];
        }
    free(old);
    return true;
}

void nav_names_reserve(amp_nav_index *ix, size_t count)
{
    if (ix->name_cap)
        return;
    size_t cap = 1024;
    while (cap < 2 * count)
        cap *= 2;
    if ((ix->names = calloc(cap, sizeof *ix->names)) != NULL)
        ix->name_cap = cap;
}

void nav_name_sym(amp_nav_index *ix, int sym)
{
    if (sym < 0 || (size_t)sym >= UINT32_MAX)
        return;
    const amp_sym *s = &ix->syms[sym];
    if (s->kind == AMP_SYM_RESOURCE || !s->name)
        return;
    if (2 * (ix->name_count + 1) > ix->name_cap && !grow_names(ix))
        return;
    char kind = sym_kind(s);
    const void *scope = sym_scope(s);
    uint64_t h = name_hash(kind, scope, s->name);
    struct amp_nav_name *n = &ix->names[name_slot(ix, h, kind, scope, s->name)];
    if (!n->sym) { /* the first of duplicates wins */
        *n = (struct amp_nav_name){h, (uint32_t)sym + 1};
        ix->name_count++;
    }
}

int nav_type_sym(const amp_nav_index *ix, int space, const char *name)
{
    return name ? lookup(ix, 't', (const void *)(intptr_t)(space + 1), name) : -1;
}

int nav_field_sym(const amp_nav_index *ix, const amp_type *t, const char *name)
{
    return t && name ? lookup(ix, 'f', t, name) : -1;
}

int nav_group_sym(const amp_nav_index *ix, const char *name)
{
    return name ? lookup(ix, 'g', NULL, name) : -1;
}

int nav_resource_sym(const amp_nav_index *ix, int r)
{
    if (r < 0 || (size_t)r >= ix->model->resource_count || !ix->resource_syms)
        return -1;
    return ix->resource_syms[r];
}

int nav_resource_of(const amp_model *m, const amp_value *v)
{
    if (!v || v->kind != AMP_VAL_CALL)
        return -1;
    return amp_model_resource_of(m, v);
}

const amp_value *const *nav_returned(const amp_value *fn, size_t *count)
{
    *count = 0;
    if (!fn || fn->kind != AMP_VAL_FUNCTION || !fn->body)
        return NULL;
    if (fn->body->kind == AMP_VAL_ARRAY) {
        *count = fn->body->item_count;
        return fn->body->items;
    }
    *count = 1;
    return &fn->body;
}

amp_str nav_str_of(const amp_value *v)
{
    amp_str s = {0};
    if (v && v->kind == AMP_VAL_STRING) {
        s.s = v->str;
        s.loc = v->loc;
    }
    return s;
}

const amp_value *nav_arg0(const amp_value *v)
{
    return v && v->kind == AMP_VAL_CALL && v->item_count ? v->items[0] : NULL;
}

const char *nav_graphql_scalar(const char *builder)
{
    static const char *const names[][2] = {
        {"id", "ID"},          {"string", "String"},          {"integer", "Int"},
        {"float", "Float"},    {"boolean", "Boolean"},        {"date", "AWSDate"},
        {"time", "AWSTime"},   {"datetime", "AWSDateTime"},   {"timestamp", "AWSTimestamp"},
        {"email", "AWSEmail"}, {"json", "AWSJSON"},           {"phone", "AWSPhone"},
        {"url", "AWSURL"},     {"ipAddress", "AWSIPAddress"},
    };
    for (size_t i = 0; builder && i < sizeof names / sizeof names[0]; i++)
        if (strcmp(builder, names[i][0]) == 0)
            return names[i][1];
    return "?";
}

const char *nav_relationship_word(const amp_field *f)
{
    switch (f->kind) {
    case AMP_FIELD_HAS_MANY:
        return "hasMany";
    case AMP_FIELD_HAS_ONE:
        return "hasOne";
    case AMP_FIELD_BELONGS_TO:
        return "belongsTo";
    default:
        return NULL;
    }
}

/* "<Owner><Field>" with the field's first letter upper-cased: the name
 * Amplify gives an inline enum or custom type. */
static const char *generated_name(amp_arena *a, const char *owner, const char *field)
{
    const char *n = nav_printf(a, "%s%s", owner ? owner : "", field ? field : "");
    size_t at = owner ? strlen(owner) : 0;
    if (n && n[at] >= 'a' && n[at] <= 'z')
        ((char *)n)[at] = (char)(n[at] - 'a' + 'A');
    return n;
}

const char *nav_field_type(amp_arena *a, const char *owner, const amp_field *f)
{
    const char *base = "?";
    switch (f->kind) {
    case AMP_FIELD_SCALAR:
        base = nav_graphql_scalar(f->scalar);
        break;
    case AMP_FIELD_REF:
        base = f->target.s ? f->target.s : "?";
        break;
    case AMP_FIELD_ENUM:
    case AMP_FIELD_CUSTOM:
        base = generated_name(a, owner, f->name);
        break;
    case AMP_FIELD_HAS_MANY:
        return nav_printf(a, "[%s]", f->target.s ? f->target.s : "?");
    case AMP_FIELD_HAS_ONE:
    case AMP_FIELD_BELONGS_TO:
        return f->target.s ? f->target.s : "?";
    case AMP_FIELD_UNKNOWN:
        return "?";
    }
    if (!base)
        return "?";
    if (!f->array)
        return nav_printf(a, "%s%s", base, f->required ? "!" : "");
    return nav_printf(a, "[%s%s]%s", base, f->required ? "!" : "", f->array_required ? "!" : "");
}

/* True when t declares a field named name. */
static bool has_field(const amp_type *t, const char *name)
{
    for (size_t i = 0; i < t->field_count; i++)
        if (t->fields[i].name && strcmp(t->fields[i].name, name) == 0)
            return true;
    return false;
}

/* Adds "name: type" unless t declares name or it is already in out. */
static size_t add_implicit(amp_nav_index *ix, const amp_type *t, const char *name, const char *type,
                           const char **out, size_t n, size_t max)
{
    if (!name || n >= max || has_field(t, name))
        return n;
    size_t len = strlen(name);
    for (size_t i = 0; i < n; i++)
        if (strncmp(out[i], name, len) == 0 && out[i][len] == ':')
            return n;
    const char *s = nav_printf(&ix->scratch, "%s: %s", name, type);
    if (s)
        out[n++] = s;
    return n;
}

/* The implicit fields one authorization rule implies. */
static size_t rule_fields(amp_nav_index *ix, const amp_type *t, const amp_rule *r, const char **out,
                          size_t n, size_t max)
{
    const char *s = r->strategy;
    if (strcmp(s, "owner") == 0)
        return add_implicit(ix, t, "owner", "String", out, n, max);
    if (strcmp(s, "ownerDefinedIn") == 0 || strcmp(s, "groupDefinedIn") == 0)
        return add_implicit(ix, t, r->field.s, "String", out, n, max);
    if (strcmp(s, "ownersDefinedIn") == 0 || strcmp(s, "groupsDefinedIn") == 0)
        return add_implicit(ix, t, r->field.s, "[String]", out, n, max);
    return n;
}

size_t nav_implicit_fields(amp_nav_index *ix, const amp_type *t, const char **out, size_t max)
{
    const amp_model *m = ix->model;
    if (t->kind != AMP_TYPE_MODEL || t->schema < 0 || (size_t)t->schema >= m->schema_count ||
        m->schemas[t->schema].sql)
        return 0;
    size_t n = 0;
    bool default_key = !t->has_identifier || (t->identifier_count == 1 && t->identifier[0].s &&
                                              strcmp(t->identifier[0].s, "id") == 0);
    if (default_key)
        n = add_implicit(ix, t, "id", "ID!", out, n, max);
    n = add_implicit(ix, t, "createdAt", "AWSDateTime!", out, n, max);
    n = add_implicit(ix, t, "updatedAt", "AWSDateTime!", out, n, max);
    for (size_t i = 0; i < t->rule_count; i++)
        n = rule_fields(ix, t, &t->rules[i], out, n, max);
    for (size_t f = 0; f < t->field_count; f++)
        for (size_t i = 0; i < t->fields[f].rule_count; i++)
            n = rule_fields(ix, t, &t->fields[f].rules[i], out, n, max);
    return n;
}
