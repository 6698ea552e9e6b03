/*
 * rules_schema_names.c: names in the GraphQL schema Amplify generates, and
 * schema object literals. Inline enums and custom types are hoisted to
 * top-level types named <Type><Field> since @aws-amplify/data-schema
 * 0.13.4 (<Field> before), inline return types <Op>ReturnType, inline
 * custom-type arguments <Op><Arg>Input and custom types used as arguments
 * <Name>Input; a second type of the same name fails deployment (`There can
 * be only one type named ...`). Also: keys repeated in an object literal
 * (TypeScript's TS1117), models passed to a SQL schema's addToSchema()
 * (E3) and renameModels() pairs that name no model or no new name (E4,
 * E5).
 */
#include "rules_table_schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- generated type names --------------------------------------------------- */

/* One type name of the GraphQL schema and where it comes from. */
typedef struct gen_name {
    char name[192];
    amp_loc at;         /* the key or field name that produces it */
    const void *source; /* same source, same type: not a collision */
    bool generated;
} gen_name;

typedef struct name_set {
    gen_name *items;
    size_t count, cap;
    bool old_naming;     /* data-schema before 0.13.4 */
    bool generated_only; /* the declared names are not added */
} name_set;

static void add_name(name_set *set, const char *name, amp_loc at, const void *source,
                     bool generated)
{
    if (set->generated_only && !generated)
        return;
    if (set->count == set->cap) {
        size_t cap = set->cap ? set->cap * 2 : 32;
        gen_name *grown = realloc(set->items, cap * sizeof *grown);
        if (!grown)
            return;
        set->items = grown;
        set->cap = cap;
    }
    gen_name *g = &set->items[set->count++];
    size_t n = strlen(name);
    n = n < sizeof g->name ? n : sizeof g->name - 1;
    memcpy(g->name, name, n);
    g->name[n] = '\0';
    g->at = at;
    g->source = source;
    g->generated = generated;
}

/* The name an inline field type gets: <Parent><Field>, or <Field> before
 * 0.13.4. */
static void inline_name(const name_set *set, const char *parent, const char *field, char *out,
                        size_t cap)
{
    char a[128], b[128];
    amp_schema_capitalize(b, sizeof b, field);
    if (set->old_naming)
        snprintf(out, cap, "%s", b);
    else
        snprintf(out, cap, "%s%s", amp_schema_capitalize(a, sizeof a, parent), b);
}

static void add_inline_fields(name_set *set, const amp_type *t, const char *parent)
{
    for (size_t i = 0; i < t->field_count; i++) {
        const amp_field *f = &t->fields[i];
        if (!f->name || (f->kind != AMP_FIELD_ENUM && f->kind != AMP_FIELD_CUSTOM))
            continue;
        char name[192];
        inline_name(set, parent, f->name, name, sizeof name);
        add_name(set, name, f->name_loc, f, true);
        if (f->kind == AMP_FIELD_CUSTOM && f->inline_type)
            add_inline_fields(set, f->inline_type, name);
    }
}

static void add_operation_names(amp_check *c, name_set *set, int si, const amp_type *t)
{
    char a[64], b[64], name[192];
    amp_schema_capitalize(a, sizeof a, t->name);
    const amp_field *r = t->returns;
    if (r && (r->kind == AMP_FIELD_CUSTOM || r->kind == AMP_FIELD_ENUM)) {
        snprintf(name, sizeof name, "%sReturnType", a);
        add_name(set, name, r->name_loc, r, true);
        if (r->kind == AMP_FIELD_CUSTOM && r->inline_type)
            add_inline_fields(set, r->inline_type, name);
    }
    for (size_t i = 0; i < t->field_count; i++) {
        const amp_field *f = &t->fields[i];
        if (!f->name)
            continue;
        amp_schema_capitalize(b, sizeof b, f->name);
        if (f->kind == AMP_FIELD_CUSTOM) {
            snprintf(name, sizeof name, "%s%sInput", a, b);
            add_name(set, name, f->name_loc, f, true);
        } else if (f->kind == AMP_FIELD_REF && f->target.s) {
            const amp_type *target = amp_find_type(c->m, si, f->target.s);
            if (target && target->kind == AMP_TYPE_CUSTOM) {
                snprintf(name, sizeof name, "%sInput", target->name);
                add_name(set, name, f->target.loc, target, true);
            }
        }
    }
}

/* The generated and declared names of schema si's a.combine group. */
static void collect_names(amp_check *c, name_set *set, int first)
{
    int group = c->m->schemas[first].combine;
    for (size_t si = 0; si < c->m->schema_count; si++) {
        const amp_schema *s = &c->m->schemas[si];
        if ((int)si != first && (group < 0 || s->combine != group))
            continue;
        for (size_t i = 0; i < s->type_count; i++) {
            const amp_type *t = &s->types[i];
            add_name(set, t->name, t->name_loc, t, false);
            if (t->kind == AMP_TYPE_MODEL || t->kind == AMP_TYPE_CUSTOM)
                add_inline_fields(set, t, t->name);
            else if (t->kind == AMP_TYPE_QUERY || t->kind == AMP_TYPE_MUTATION ||
                     t->kind == AMP_TYPE_SUBSCRIPTION || t->kind == AMP_TYPE_GENERATION)
                add_operation_names(c, set, (int)si, t);
        }
    }
}

/* A run of names of one text: its name and first item. */
typedef struct name_run {
    const char *name;
    size_t first;
} name_run;

static int by_name(const void *x, const void *y)
{
    return strcmp(((const name_run *)x)->name, ((const name_run *)y)->name);
}

/* Reports every generated name that another name repeats: the first other
 * of the same name that is declared, or generated earlier. Names of one
 * text are chained in order (a hash of the names), and the chains of more
 * than one are taken in the order of their names. */
static void report_collisions(amp_check *c, const name_set *set)
{
    size_t cap = 16;
    while (cap < 2 * set->count)
        cap *= 2;
    size_t *slots = calloc(cap, sizeof *slots); /* the first item + 1 of each name, or 0 */
    size_t *next = calloc(set->count ? set->count : 1, sizeof *next); /* the next item + 1 */
    name_run *runs = malloc((set->count ? set->count : 1) * sizeof *runs);
    size_t run_count = 0;
    if (!slots || !next || !runs)
        goto done;
    for (size_t i = set->count; i-- > 0;) {
        const char *name = set->items[i].name;
        size_t k = (size_t)amp_hash_bytes(0, name, strlen(name)) & (cap - 1);
        while (slots[k] && strcmp(set->items[slots[k] - 1].name, name) != 0)
            k = (k + 1) & (cap - 1);
        next[i] = slots[k];
        slots[k] = i + 1;
    }
    for (size_t k = 0; k < cap; k++)
        if (slots[k] && next[slots[k] - 1])
            runs[run_count++] = (name_run){set->items[slots[k] - 1].name, slots[k] - 1};
    qsort(runs, run_count, sizeof *runs, by_name);
    for (size_t r = 0; r < run_count; r++) {
        for (size_t x = runs[r].first + 1; x; x = next[x - 1]) {
            size_t i = x - 1;
            const gen_name *g = &set->items[i];
            if (!g->generated)
                continue;
            for (size_t y = runs[r].first + 1; y; y = next[y - 1]) {
                size_t j = y - 1;
                const gen_name *o = &set->items[j];
                if (j == i || o->source == g->source || (o->generated && j > i))
                    continue;
                amp_diag *d = amp_schema_report(
                    c, "data-generated-name-collision", g->at,
                    "Amplify turns this inline type into a top-level type named '%s', but %s; "
                    "deployment fails (`There can be only one type named \"%s\"`). Declare it "
                    "once at the top of the schema and use a.ref('%s'), or rename one of them.",
                    g->name,
                    o->generated ? "another inline type gets the same name"
                                 : "the schema already has a type of that name",
                    g->name, g->name);
                amp_relate(c, d, o->at, "the other '%s'", g->name);
                break;
            }
        }
    }
done:
    free(slots);
    free(next);
    free(runs);
}

/* Whether a generated name of set (generated names only) is also a type's
 * name in schema si's group, or another generated name. */
static bool may_collide(amp_check *c, const name_set *set, int si)
{
    for (size_t i = 0; i < set->count; i++)
        if (amp_find_type(c->m, si, set->items[i].name))
            return true;
    if (set->count < 2)
        return false;
    size_t cap = 16;
    while (cap < 2 * set->count)
        cap *= 2;
    size_t *slots = calloc(cap, sizeof *slots); /* an item + 1 of each name, or 0 */
    if (!slots)
        return true;
    bool repeated = false;
    for (size_t i = 0; i < set->count && !repeated; i++) {
        const char *name = set->items[i].name;
        size_t k = (size_t)amp_hash_bytes(0, name, strlen(name)) & (cap - 1);
        while (slots[k] && !(repeated = strcmp(set->items[slots[k] - 1].name, name) == 0))
            k = (k + 1) & (cap - 1);
        slots[k] = i + 1;
    }
    free(slots);
    return repeated;
}

static void check_generated_names(amp_check *c)
{
    for (size_t si = 0; si < c->m->schema_count; si++) {
        int group = c->m->schemas[si].combine;
        bool first = true;
        for (size_t o = 0; o < si && group >= 0; o++)
            if (c->m->schemas[o].combine == group)
                first = false;
        if (!first || amp_schema_group_open(c->m, (int)si) || amp_schema_legacy(c, si))
            continue;
        name_set set = {0};
        set.old_naming = amp_schema_version_cmp(c, "0.13.4") < 0;
        /* Most schemas generate few names, none of them taken: those are
         * checked against the type index, and the declared names (one per
         * type) are gathered only when one of them may collide. */
        set.generated_only = true;
        collect_names(c, &set, (int)si);
        if (may_collide(c, &set, (int)si)) {
            set.count = 0;
            set.generated_only = false;
            collect_names(c, &set, (int)si);
            report_collisions(c, &set);
        }
        free(set.items);
    }
}

/* ---- repeated keys ---------------------------------------------------------- */

static bool inside(amp_loc in, amp_loc at)
{
    return at.file == in.file && at.start >= in.start && at.end <= in.end;
}

static void report_duplicate_key(amp_check *c, const amp_prop *p, const amp_prop *q,
                                 const char *what)
{
    amp_diag *d = amp_schema_report(
        c, "data-duplicate-key", p->key_loc,
        "'%s' appears twice in this %s; TypeScript rejects it (`An object literal cannot "
        "have multiple properties with the same name.`) and only the last one would "
        "count. Rename or remove one.",
        p->key, what);
    amp_relate(c, d, q->key_loc, "the first '%s'", p->key);
}

/* Reports keys an object literal repeats (keys that came from spreads
 * carry their own places and are left out), each against its first. */
static void check_keys(amp_check *c, const amp_value *obj, const char *what)
{
    if (!obj || obj->kind != AMP_VAL_OBJECT)
        return;
    if (obj->prop_count <= 16) { /* a field list: comparing is cheaper than hashing */
        for (size_t j = 1; j < obj->prop_count; j++) {
            const amp_prop *p = &obj->props[j];
            for (size_t i = 0; p->key && inside(obj->loc, p->key_loc) && i < j; i++) {
                const amp_prop *q = &obj->props[i];
                if (q->key && strcmp(q->key, p->key) == 0 && inside(obj->loc, q->key_loc)) {
                    report_duplicate_key(c, p, q, what);
                    break;
                }
            }
        }
        return;
    }
    /* The first prop (+ 1) of each key, by a hash of the key. */
    size_t cap = 16;
    while (cap < 2 * obj->prop_count)
        cap *= 2;
    size_t *first = calloc(cap, sizeof *first);
    if (!first)
        return;
    for (size_t j = 0; j < obj->prop_count; j++) {
        const amp_prop *p = &obj->props[j];
        if (!p->key || !inside(obj->loc, p->key_loc))
            continue;
        size_t i = (size_t)amp_hash_bytes(0, p->key, strlen(p->key)) & (cap - 1);
        while (first[i] && strcmp(obj->props[first[i] - 1].key, p->key) != 0)
            i = (i + 1) & (cap - 1);
        if (first[i])
            report_duplicate_key(c, p, &obj->props[first[i] - 1], what);
        else
            first[i] = j + 1;
    }
    free(first);
}

static const amp_value *first_arg(const amp_value *v)
{
    return v && v->kind == AMP_VAL_CALL && v->item_count ? v->items[0] : NULL;
}

static void check_type_keys(amp_check *c, size_t si, const amp_type *t, const void *arg)
{
    (void)si;
    (void)arg;
    if (t->kind == AMP_TYPE_MODEL || t->kind == AMP_TYPE_CUSTOM) {
        check_keys(c, first_arg(t->value), "field list");
        return;
    }
    const amp_method *m = amp_value_method(t->value, "arguments");
    if (m && m->arg_count)
        check_keys(c, m->args[0], "argument list");
}

static void check_duplicate_keys(amp_check *c)
{
    for (size_t si = 0; si < c->m->schema_count; si++) {
        const amp_schema *s = &c->m->schemas[si];
        const amp_value *v = s->value;
        if (amp_schema_legacy(c, si))
            continue;
        if (amp_value_is_call(v, "a.schema"))
            check_keys(c, first_arg(v), "schema");
        for (size_t i = 0; v && v->kind == AMP_VAL_CALL && i < v->method_count; i++)
            if (strcmp(v->methods[i].name, "schema") == 0 ||
                strcmp(v->methods[i].name, "addToSchema") == 0)
                check_keys(c, v->methods[i].arg_count ? v->methods[i].args[0] : NULL, "schema");
        for (size_t i = 0; i < s->type_count; i++)
            amp_rules_memo_type(c, AMP_MEMO_KEYS, 0, si, i, check_type_keys, NULL);
    }
}

/* ---- SQL schema methods ------------------------------------------------------- */

static bool is_add_method(const char *name)
{
    return strcmp(name, "addToSchema") == 0 || strcmp(name, "addQueries") == 0 ||
           strcmp(name, "addMutations") == 0 || strcmp(name, "addSubscriptions") == 0;
}

static void check_add_to_schema(amp_check *c, const amp_method *m)
{
    const amp_value *obj = m->arg_count ? m->args[0] : NULL;
    for (size_t i = 0; obj && obj->kind == AMP_VAL_OBJECT && i < obj->prop_count; i++)
        if (amp_value_is_call(obj->props[i].value, "a.model"))
            amp_schema_report(c, "data-sql-add-to-schema-model", obj->props[i].key_loc,
                              "%s() cannot add model %s: a SQL schema's models come from the "
                              "database. Amplify rejects it (`Models cannot be manually added to "
                              "a SQL schema.`). Add the table to the database and regenerate the "
                              "schema, or add a custom type instead.",
                              m->name, obj->props[i].key);
}

/* Names the schema has, for renameModels (NULL-terminated growing list). */
typedef struct name_list {
    const char *names[512];
    size_t count;
    bool open;
} name_list;

static void add_keys(name_list *l, const amp_value *obj)
{
    if (!obj || obj->kind != AMP_VAL_OBJECT || obj->open) {
        l->open = true;
        return;
    }
    for (size_t i = 0; i < obj->prop_count && l->count < 512; i++)
        l->names[l->count++] = obj->props[i].key;
    if (obj->prop_count > 512)
        l->open = true;
}

static int find_name(const name_list *l, const char *name)
{
    for (size_t i = 0; i < l->count; i++)
        if (l->names[i] && strcmp(l->names[i], name) == 0)
            return (int)i;
    return -1;
}

static void check_rename_pair(amp_check *c, name_list *l, const amp_value *pair)
{
    if (pair->kind != AMP_VAL_ARRAY || pair->item_count != 2) {
        l->open = true;
        return;
    }
    const amp_value *from = pair->items[0], *to = pair->items[1];
    if (from->kind != AMP_VAL_STRING) {
        l->open = true;
        return;
    }
    int at = find_name(l, from->str);
    if (at < 0 && !l->open) {
        char hint[96];
        amp_schema_hint(hint, sizeof hint, from->str, l->names, l->count);
        amp_schema_report(c, "data-sql-rename-invalid", from->loc,
                          "renameModels() renames '%s', but the schema has no model of that "
                          "name; Amplify rejects it (`Invalid renameModels call. %s is not "
                          "defined in the schema`).%s",
                          from->str, from->str, hint);
    }
    bool bad_to =
        (to->kind == AMP_VAL_STRING && !to->str[0]) ||
        (to->kind != AMP_VAL_STRING && to->kind != AMP_VAL_UNKNOWN && to->kind != AMP_VAL_TEMPLATE);
    if (bad_to)
        amp_schema_report(c, "data-sql-rename-invalid", to->loc,
                          "renameModels() needs a non-empty string as the new name; Amplify "
                          "rejects this one (`New name must be a non-empty string.`).");
    if (to->kind != AMP_VAL_STRING) {
        l->open = true;
        return;
    }
    if (at >= 0)
        l->names[at] = to->str;
    else if (l->count < 512)
        l->names[l->count++] = to->str;
}

static void check_sql_methods(amp_check *c, const amp_schema *s)
{
    const amp_value *v = s->value;
    if (!amp_value_is_call(v, "configure"))
        return;
    name_list *l = calloc(1, sizeof *l);
    if (!l)
        return;
    for (size_t i = 0; i < v->method_count; i++) {
        const amp_method *m = &v->methods[i];
        const amp_value *a0 = m->arg_count ? m->args[0] : NULL;
        if (strcmp(m->name, "schema") == 0 || is_add_method(m->name))
            add_keys(l, a0);
        if (is_add_method(m->name))
            check_add_to_schema(c, m);
        if (strcmp(m->name, "renameModels") != 0)
            continue;
        const amp_value *body = a0 && a0->kind == AMP_VAL_FUNCTION ? a0->body : NULL;
        if (!body || body->kind != AMP_VAL_ARRAY || body->open) {
            l->open = true;
            continue;
        }
        for (size_t k = 0; k < body->item_count; k++)
            check_rename_pair(c, l, body->items[k]);
    }
    free(l);
}

void amp_schema_rules_names(amp_check *c)
{
    check_generated_names(c);
    check_duplicate_keys(c);
    for (size_t si = 0; si < c->m->schema_count; si++)
        check_sql_methods(c, &c->m->schemas[si]);
}
