/*
 * load.c: reading the catalogue data files and building the entry tree.
 *
 * gen_load parses each JSON file (duplicate object keys are rejected),
 * checks the file-level keys, the names and JSON types of every entry,
 * param, overload and value field, the id syntax and id uniqueness.
 * gen_resolve then links parents and children, applies `like` copies and
 * `value.ref` references and fills the inherited since/package/url fields.
 */
#include "catalog_gen.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* JSON shapes a field may be required to have. */
enum field_type {
    F_STR,
    F_BOOL,
    F_NUM,
    F_INT,
    F_OBJ,
    F_ARR_STR,
    F_ARR_OBJ,
    F_MAP_STR,
    F_SCALAR,
    F_ARR_SCALAR,
    F_TYPE
};

typedef struct field_spec {
    const char *name;
    enum field_type type;
    bool required;
} field_spec;

static const field_spec entry_fields[] = {{"id", F_STR, true},
                                          {"kind", F_STR, true},
                                          {"doc", F_STR, true},
                                          {"name", F_STR, false},
                                          {"signature", F_STR, false},
                                          {"params", F_ARR_OBJ, false},
                                          {"overloads", F_ARR_OBJ, false},
                                          {"returns", F_STR, false},
                                          {"example", F_STR, false},
                                          {"since", F_STR, false},
                                          {"package", F_STR, false},
                                          {"url", F_STR, false},
                                          {"value", F_OBJ, false},
                                          {"deprecated", F_STR, false},
                                          {"contexts", F_ARR_STR, false},
                                          {"attrs", F_MAP_STR, false},
                                          {"links", F_MAP_STR, false},
                                          {"once", F_BOOL, false},
                                          {"removes", F_ARR_STR, false},
                                          {"restores", F_ARR_STR, false},
                                          {"like", F_STR, false},
                                          {NULL, F_STR, false}};

static const field_spec param_fields[] = {{"name", F_STR, true},   {"type", F_STR, true},
                                          {"doc", F_STR, true},    {"optional", F_BOOL, false},
                                          {"rest", F_BOOL, false}, {"value", F_OBJ, false},
                                          {NULL, F_STR, false}};

static const field_spec overload_fields[] = {{"signature", F_STR, true},
                                             {"doc", F_STR, false},
                                             {"params", F_ARR_OBJ, false},
                                             {NULL, F_STR, false}};

static const field_spec value_fields[] = {
    {"type", F_TYPE, false},      {"enum", F_ARR_SCALAR, false}, {"suggest", F_ARR_STR, false},
    {"min", F_NUM, false},        {"max", F_NUM, false},         {"min_length", F_INT, false},
    {"max_length", F_INT, false}, {"min_items", F_INT, false},   {"max_items", F_INT, false},
    {"pattern", F_STR, false},    {"default", F_SCALAR, false},  {"required", F_BOOL, false},
    {"keys", F_ARR_STR, false},   {"key_pattern", F_STR, false}, {"items", F_OBJ, false},
    {"shape", F_STR, false},      {"arg", F_STR, false},         {"returns", F_STR, false},
    {"ref", F_STR, false},        {NULL, F_STR, false}};

static const char *const kind_names[K_COUNT] = {"function", "namespace", "type", "method",
                                                "option",   "property",  "value"};

/* See catalog_gen.h. */
void gen_error(gen_ctx *ctx, const char *file, const char *id, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "catalog: error: %s: ", file ? file : "(catalogue)");
    if (id)
        fprintf(stderr, "%s: ", id);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    ctx->errors++;
}

/* See catalog_gen.h. */
int gen_kind_code(const char *name)
{
    for (int k = 0; k < K_COUNT; k++)
        if (strcmp(kind_names[k], name) == 0)
            return k;
    return -1;
}

/* See catalog_gen.h. */
const char *gen_kind_name(int kind)
{
    return kind >= 0 && kind < K_COUNT ? kind_names[kind] : "?";
}

/* See catalog_gen.h. */
long gen_find(const gen_ctx *ctx, const char *id)
{
    json_t *v = id ? json_object_get(ctx->by_id, id) : NULL;
    return v ? (long)json_integer_value(v) : -1;
}

/* true when every element of arr satisfies pred. */
static bool all_of(json_t *arr, int (*pred)(const json_t *))
{
    size_t i;
    json_t *x;
    json_array_foreach(arr, i, x)
    {
        if (!pred(x))
            return false;
    }
    return true;
}

/* Whether x is a JSON scalar (string, number, boolean or null). */
static int is_scalar(const json_t *x)
{
    return json_is_string(x) || json_is_number(x) || json_is_boolean(x) || json_is_null(x);
}

/* Whether x is a JSON string. */
static int is_string(const json_t *x)
{
    return json_is_string(x);
}

/* Whether x is a JSON object. */
static int is_object(const json_t *x)
{
    return json_is_object(x);
}

/* true when every member of obj is a string. */
static bool all_members_strings(json_t *obj)
{
    const char *k;
    json_t *x;
    json_object_foreach(obj, k, x)
    {
        if (!json_is_string(x))
            return false;
    }
    return true;
}

/* Whether x has the JSON shape t; *want receives a description. */
static bool shape_ok(json_t *x, enum field_type t, const char **want)
{
    switch (t) {
    case F_STR:
        *want = "a string";
        return json_is_string(x);
    case F_BOOL:
        *want = "true or false";
        return json_is_boolean(x);
    case F_NUM:
        *want = "a number";
        return json_is_number(x);
    case F_INT:
        *want = "a non-negative integer";
        return json_is_integer(x) && json_integer_value(x) >= 0;
    case F_OBJ:
        *want = "an object";
        return json_is_object(x);
    case F_ARR_STR:
        *want = "an array of strings";
        return json_is_array(x) && all_of(x, is_string);
    case F_ARR_OBJ:
        *want = "an array of objects";
        return json_is_array(x) && all_of(x, is_object);
    case F_MAP_STR:
        *want = "an object whose values are strings";
        return json_is_object(x) && all_members_strings(x);
    case F_SCALAR:
        *want = "a string, number, boolean or null";
        return is_scalar(x);
    case F_ARR_SCALAR:
        *want = "an array of strings, numbers, booleans or null";
        return json_is_array(x) && all_of(x, is_scalar);
    case F_TYPE:
        *want = "a type name or an array of type names";
        return json_is_string(x) ||
               (json_is_array(x) && json_array_size(x) > 0 && all_of(x, is_string));
    }
    return false;
}

/* Checks obj's member names and shapes against specs; `what` names the
 * object in messages ("entry", "param 'x'", ...). */
static void check_fields(gen_ctx *ctx, const char *file, const char *id, json_t *obj,
                         const field_spec *specs, const char *what)
{
    /* An entry copying another (`like`) gets its required fields from it;
     * validate.c checks them after resolution. */
    bool copies = specs == entry_fields && json_object_get(obj, "like");
    const char *key;
    json_t *val;
    json_object_foreach(obj, key, val)
    {
        const field_spec *s = specs;
        while (s->name && strcmp(s->name, key) != 0)
            s++;
        const char *want = "";
        if (!s->name)
            gen_error(ctx, file, id, "unknown field '%s' in %s", key, what);
        else if (!shape_ok(val, s->type, &want))
            gen_error(ctx, file, id, "field '%s' of %s must be %s", key, what, want);
    }
    for (const field_spec *s = specs; s->name; s++)
        if (s->required && !json_object_get(obj, s->name) &&
            !(copies && strcmp(s->name, "doc") == 0))
            gen_error(ctx, file, id, "missing required field '%s' in %s", s->name, what);
}

static void check_value_fields(gen_ctx *ctx, const char *file, const char *id, json_t *v,
                               const char *what);

/* Checks the field names and shapes of every param object (and its
 * value) of a params array. */
static void check_params(gen_ctx *ctx, const char *file, const char *id, json_t *params)
{
    size_t i;
    json_t *p;
    json_array_foreach(params, i, p)
    {
        char what[160];
        json_t *name = json_object_get(p, "name");
        snprintf(what, sizeof what, "param '%s'",
                 json_is_string(name) ? json_string_value(name) : "?");
        check_fields(ctx, file, id, p, param_fields, what);
        json_t *v = json_object_get(p, "value");
        if (json_is_object(v))
            check_value_fields(ctx, file, id, v, what);
    }
}

static void check_value_fields(gen_ctx *ctx, const char *file, const char *id, json_t *v,
                               const char *what)
{
    char vwhat[200];
    snprintf(vwhat, sizeof vwhat, "the value of %s", what);
    check_fields(ctx, file, id, v, value_fields, vwhat);
    if (!json_object_get(v, "type") && !json_object_get(v, "ref"))
        gen_error(ctx, file, id, "missing required field 'type' in %s (or a 'ref')", vwhat);
    json_t *items = json_object_get(v, "items");
    if (json_is_object(items)) {
        char iwhat[220];
        snprintf(iwhat, sizeof iwhat, "the items of %s", what);
        check_value_fields(ctx, file, id, items, iwhat);
    }
}

/* Whether id is a well-formed dotted path: non-empty segments of printable
 * ASCII other than space and '.'. */
static bool id_syntax_ok(const char *id)
{
    size_t seg = 0;
    for (const char *p = id;; p++) {
        if (*p == '.' || *p == '\0') {
            if (seg == 0)
                return false;
            if (*p == '\0')
                return true;
            seg = 0;
        } else if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 127) {
            return false;
        } else {
            seg++;
        }
    }
}

/* Checks the field names and shapes of an entry and of its params,
 * overloads and value. */
static void check_entry_fields(gen_ctx *ctx, const char *file, const char *id, json_t *e)
{
    check_fields(ctx, file, id, e, entry_fields, "entry");
    json_t *params = json_object_get(e, "params");
    if (json_is_array(params))
        check_params(ctx, file, id, params);
    json_t *overloads = json_object_get(e, "overloads");
    size_t i;
    json_t *o;
    json_array_foreach(overloads, i, o)
    {
        if (!json_is_object(o))
            continue;
        check_fields(ctx, file, id, o, overload_fields, "overload");
        json_t *op = json_object_get(o, "params");
        if (json_is_array(op))
            check_params(ctx, file, id, op);
    }
    json_t *v = json_object_get(e, "value");
    if (json_is_object(v))
        check_value_fields(ctx, file, id, v, "the entry");
}

/* Appends a new entry (taking a reference to obj); returns its index. */
static long push_entry(gen_ctx *ctx, json_t *obj, const char *file, const char *id)
{
    if (ctx->count == ctx->cap) {
        ctx->cap = ctx->cap ? ctx->cap * 2 : 256;
        ctx->entries = realloc(ctx->entries, ctx->cap * sizeof *ctx->entries);
        if (!ctx->entries) {
            perror("catalog");
            exit(2);
        }
    }
    gen_entry *e = &ctx->entries[ctx->count];
    memset(e, 0, sizeof *e);
    e->obj = json_incref(obj);
    e->file = file;
    e->id = id;
    e->parent = -1;
    e->sorted = -1;
    json_t *kind = json_object_get(obj, "kind");
    e->kind = json_is_string(kind) ? gen_kind_code(json_string_value(kind)) : -1;
    return (long)ctx->count++;
}

/* Registers one entry object of file after its structural checks. */
static void load_entry(gen_ctx *ctx, const char *file, size_t pos, json_t *obj)
{
    json_t *idv = json_object_get(obj, "id");
    char label[64];
    snprintf(label, sizeof label, "(entry #%zu)", pos + 1);
    const char *id = json_is_string(idv) ? json_string_value(idv) : label;
    check_entry_fields(ctx, file, id, obj);
    if (!json_is_string(idv))
        return;
    if (!id_syntax_ok(id)) {
        gen_error(ctx, file, id, "bad id: use dot-separated segments without spaces");
        return;
    }
    json_t *kind = json_object_get(obj, "kind");
    if (json_is_string(kind) && gen_kind_code(json_string_value(kind)) < 0)
        gen_error(ctx, file, id,
                  "bad kind '%s' (expected function, namespace, type, method, option, "
                  "property or value)",
                  json_string_value(kind));
    long prev = gen_find(ctx, id);
    if (prev >= 0) {
        gen_error(ctx, file, id, "duplicate id (first defined in %s)", ctx->entries[prev].file);
        return;
    }
    long idx = push_entry(ctx, obj, file, id);
    json_object_set_new(ctx->by_id, id, json_integer(idx));
}

/* Records the file's package table, which only one file may declare. */
static void load_packages(gen_ctx *ctx, const char *file, json_t *pk)
{
    if (!json_is_object(pk) || json_object_size(pk) == 0 || !all_members_strings(pk)) {
        gen_error(ctx, file, NULL, "'packages' must map package names to version strings");
        return;
    }
    if (ctx->packages) {
        gen_error(ctx, file, NULL, "'packages' is already declared in %s", ctx->packages_file);
        return;
    }
    ctx->packages = json_incref(pk);
    ctx->packages_file = file;
}

/* Loads one file: {"doc": "...", "packages": {...}, "entries": [...]}. */
static void load_file(gen_ctx *ctx, const char *file)
{
    json_error_t err;
    json_t *root = json_load_file(file, JSON_REJECT_DUPLICATES, &err);
    if (!root) {
        gen_error(ctx, file, NULL, "line %d column %d: bad JSON: %s", err.line, err.column,
                  err.text);
        return;
    }
    if (!json_is_object(root)) {
        gen_error(ctx, file, NULL, "the file must hold a JSON object");
        json_decref(root);
        return;
    }
    const char *key;
    json_t *val;
    json_object_foreach(root, key, val)
    {
        if (strcmp(key, "doc") == 0) {
            if (!json_is_string(val))
                gen_error(ctx, file, NULL, "'doc' must be a string");
        } else if (strcmp(key, "packages") == 0) {
            load_packages(ctx, file, val);
        } else if (strcmp(key, "entries") == 0) {
            if (!json_is_array(val)) {
                gen_error(ctx, file, NULL, "'entries' must be an array");
                continue;
            }
            size_t i;
            json_t *e;
            json_array_foreach(val, i, e)
            {
                if (json_is_object(e))
                    load_entry(ctx, file, i, e);
                else
                    gen_error(ctx, file, NULL, "entry #%zu is not an object", i + 1);
            }
        } else {
            gen_error(ctx, file, NULL,
                      "unknown top-level key '%s' (expected doc, packages, entries)", key);
        }
    }
    json_decref(root);
}

/* See catalog_gen.h. */
int gen_load(gen_ctx *ctx, char **paths, size_t count)
{
    int before = ctx->errors;
    ctx->by_id = json_object();
    ctx->files = calloc(count ? count : 1, sizeof *ctx->files);
    for (size_t i = 0; i < count; i++) {
        ctx->files[i] = strdup(paths[i]);
        ctx->file_count++;
        load_file(ctx, ctx->files[i]);
    }
    if (!ctx->packages)
        gen_error(ctx, NULL, NULL, "no data file declares 'packages'");
    if (ctx->count == 0)
        gen_error(ctx, NULL, NULL, "the catalogue has no entries");
    return ctx->errors - before;
}

/* ---- Resolution ------------------------------------------------------ */

/* Appends a child index to parent's child list (declared order). */
static void add_child(gen_entry *parent, long child)
{
    if (parent->child_count == parent->child_cap) {
        parent->child_cap = parent->child_cap ? parent->child_cap * 2 : 8;
        parent->children = realloc(parent->children, parent->child_cap * sizeof(long));
        if (!parent->children) {
            perror("catalog");
            exit(2);
        }
    }
    parent->children[parent->child_count++] = child;
}

/* Sets e->name and links e under the entry named by its id prefix. */
static void link_parent(gen_ctx *ctx, long idx)
{
    gen_entry *e = &ctx->entries[idx];
    const char *dot = strrchr(e->id, '.');
    json_t *name = json_object_get(e->obj, "name");
    if (json_is_string(name) && e->kind != K_VALUE)
        gen_error(ctx, e->file, e->id, "field 'name' is only allowed on value entries");
    e->name = strdup(json_is_string(name) ? json_string_value(name) : dot ? dot + 1 : e->id);
    if (!dot)
        return;
    char *pid = strndup(e->id, (size_t)(dot - e->id));
    e->parent = gen_find(ctx, pid);
    if (e->parent < 0)
        gen_error(ctx, e->file, e->id, "parent '%s' does not exist", pid);
    else
        add_child(&ctx->entries[e->parent], idx);
    free(pid);
}

/* Copies into e every field of its `like` target that e does not set. */
static void resolve_like(gen_ctx *ctx, long idx)
{
    gen_entry *e = &ctx->entries[idx];
    if (e->like_state == 2)
        return;
    json_t *like = json_object_get(e->obj, "like");
    if (!json_is_string(like)) {
        e->like_state = 2;
        return;
    }
    if (e->like_state == 1) {
        gen_error(ctx, e->file, e->id, "'like' forms a cycle");
        e->like_state = 2;
        return;
    }
    e->like_state = 1;
    long t = gen_find(ctx, json_string_value(like));
    if (t < 0) {
        gen_error(ctx, e->file, e->id, "'like' names '%s', which does not exist",
                  json_string_value(like));
    } else {
        resolve_like(ctx, t);
        gen_entry *target = &ctx->entries[t];
        if (target->kind != e->kind)
            gen_error(ctx, e->file, e->id, "'like' target '%s' is a %s, not a %s", target->id,
                      gen_kind_name(target->kind), gen_kind_name(e->kind));
        const char *key;
        json_t *val;
        json_object_foreach(target->obj, key, val)
        {
            if (strcmp(key, "id") && strcmp(key, "like") && !json_object_get(e->obj, key))
                json_object_set(e->obj, key, val);
        }
    }
    e->like_state = 2;
}

static void resolve_value(gen_ctx *ctx, const gen_entry *e, json_t *v, int depth);

/* Merges into v every field of the value its `ref` names. */
static void resolve_value_ref(gen_ctx *ctx, const gen_entry *e, json_t *v, int depth)
{
    json_t *ref = json_object_get(v, "ref");
    if (!json_is_string(ref))
        return;
    long t = gen_find(ctx, json_string_value(ref));
    json_t *tv = t >= 0 ? json_object_get(ctx->entries[t].obj, "value") : NULL;
    if (t < 0) {
        gen_error(ctx, e->file, e->id, "value 'ref' names '%s', which does not exist",
                  json_string_value(ref));
        return;
    }
    if (!json_is_object(tv)) {
        gen_error(ctx, e->file, e->id, "value 'ref' names '%s', which has no value",
                  json_string_value(ref));
        return;
    }
    resolve_value(ctx, &ctx->entries[t], tv, depth + 1);
    const char *key;
    json_t *val;
    json_object_foreach(tv, key, val)
    {
        if (!json_object_get(v, key))
            json_object_set_new(v, key, json_deep_copy(val));
    }
}

/* Resolves the `ref` of v and of its nested items (depth guards cycles);
 * removes the `ref` fields once merged. */
static void resolve_value(gen_ctx *ctx, const gen_entry *e, json_t *v, int depth)
{
    if (!json_is_object(v))
        return;
    if (depth > 16) {
        gen_error(ctx, e->file, e->id, "value 'ref' chain is too deep (a cycle?)");
        return;
    }
    resolve_value_ref(ctx, e, v, depth);
    json_object_del(v, "ref");
    resolve_value(ctx, e, json_object_get(v, "items"), depth + 1);
}

/* Resolves the value refs of e's own value and of its params. */
static void resolve_values(gen_ctx *ctx, long idx)
{
    gen_entry *e = &ctx->entries[idx];
    json_t *v = json_object_get(e->obj, "value");
    if (v) {
        /* like may share the target's value object: make it e's own. */
        v = json_deep_copy(v);
        json_object_set_new(e->obj, "value", v);
        resolve_value(ctx, e, v, 0);
    }
    const char *lists[] = {"params", "overloads"};
    for (int l = 0; l < 2; l++) {
        json_t *arr = json_object_get(e->obj, lists[l]);
        if (!arr)
            continue;
        arr = json_deep_copy(arr);
        json_object_set_new(e->obj, lists[l], arr);
        size_t i, j;
        json_t *x, *p;
        json_array_foreach(arr, i, x)
        {
            if (l == 0) {
                resolve_value(ctx, e, json_object_get(x, "value"), 0);
                continue;
            }
            json_array_foreach(json_object_get(x, "params"), j, p)
            {
                resolve_value(ctx, e, json_object_get(p, "value"), 0);
            }
        }
    }
}

/* Fills since/package/url from the nearest ancestor that has them. */
static void inherit(gen_ctx *ctx, long idx)
{
    gen_entry *e = &ctx->entries[idx];
    if (e->inherit_state == 2 || e->parent < 0) {
        e->inherit_state = 2;
        return;
    }
    inherit(ctx, e->parent);
    const char *fields[] = {"since", "package", "url"};
    for (int f = 0; f < 3; f++) {
        json_t *pv = json_object_get(ctx->entries[e->parent].obj, fields[f]);
        if (pv && !json_object_get(e->obj, fields[f]))
            json_object_set(e->obj, fields[f], pv);
    }
    e->inherit_state = 2;
}

/* See catalog_gen.h. */
int gen_resolve(gen_ctx *ctx)
{
    int before = ctx->errors;
    for (size_t i = 0; i < ctx->count; i++)
        link_parent(ctx, (long)i);
    for (size_t i = 0; i < ctx->count; i++)
        resolve_like(ctx, (long)i);
    for (size_t i = 0; i < ctx->count; i++)
        resolve_values(ctx, (long)i);
    for (size_t i = 0; i < ctx->count; i++)
        inherit(ctx, (long)i);
    return ctx->errors - before;
}

/* See catalog_gen.h. */
void gen_free(gen_ctx *ctx)
{
    for (size_t i = 0; i < ctx->count; i++) {
        json_decref(ctx->entries[i].obj);
        free(ctx->entries[i].name);
        free(ctx->entries[i].children);
    }
    free(ctx->entries);
    for (size_t i = 0; i < ctx->file_count; i++)
        free(ctx->files[i]);
    free(ctx->files);
    free(ctx->sorted);
    json_decref(ctx->by_id);
    json_decref(ctx->packages);
    memset(ctx, 0, sizeof *ctx);
}
