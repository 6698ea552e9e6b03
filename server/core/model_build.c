/*
 * model_build.c: building a backend's model (see amp_model.h): evaluate
 * every file, then read the resources, the defineBackend keys, the secrets
 * and the data schemas off the values.
 */
#include "model_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const amp_prop *amp_value_prop(const amp_value *v, const char *key)
{
    if (!v || v->kind != AMP_VAL_OBJECT)
        return NULL;
    for (size_t i = v->prop_count; i-- > 0;)
        if (v->props[i].key && strcmp(v->props[i].key, key) == 0)
            return &v->props[i];
    return NULL;
}

const amp_method *amp_value_method(const amp_value *v, const char *name)
{
    if (!v || v->kind != AMP_VAL_CALL)
        return NULL;
    for (size_t i = 0; i < v->method_count; i++)
        if (strcmp(v->methods[i].name, name) == 0)
            return &v->methods[i];
    return NULL;
}

bool amp_value_is_call(const amp_value *v, const char *path)
{
    return v && v->kind == AMP_VAL_CALL && v->str && strcmp(v->str, path) == 0;
}

amp_str amp_str_of(const amp_value *v)
{
    amp_str s = {0};
    if (v && v->kind == AMP_VAL_STRING) {
        s.s = v->str;
        s.loc = v->loc;
    }
    return s;
}

static bool same_call(const amp_value *a, const amp_value *b)
{
    return a && b && a->kind == AMP_VAL_CALL && b->kind == AMP_VAL_CALL &&
           a->callee_loc.file == b->callee_loc.file && a->callee_loc.start == b->callee_loc.start;
}

int amp_model_resource_of(const amp_model *m, const amp_value *v)
{
    for (size_t i = 0; i < m->resource_count; i++)
        if (same_call(m->resources[i].value, v))
            return (int)i;
    return -1;
}

const char *amp_model_binding_name(const amp_model *m, const amp_value *v)
{
    if (!v || v->binding < 0 || (size_t)v->binding >= m->binding_count)
        return NULL;
    return m->binding_names[v->binding];
}

int amp_model_file_index(const amp_model *m, const char *path)
{
    for (size_t i = 0; path && i < m->file_count; i++)
        if (strcmp(m->files[i].path, path) == 0)
            return (int)i;
    return -1;
}

size_t amp_model_count_types(const amp_model *m, amp_type_kind kind)
{
    size_t n = 0;
    for (size_t s = 0; s < m->schema_count; s++)
        for (size_t t = 0; t < m->schemas[s].type_count; t++)
            n += m->schemas[s].types[t].kind == kind;
    return n;
}

static amp_res_kind resource_kind(const char *define)
{
    if (strcmp(define, "defineAuth") == 0)
        return AMP_RES_AUTH;
    if (strcmp(define, "referenceAuth") == 0)
        return AMP_RES_REFERENCE_AUTH;
    if (strcmp(define, "defineData") == 0)
        return AMP_RES_DATA;
    if (strcmp(define, "defineStorage") == 0)
        return AMP_RES_STORAGE;
    if (strcmp(define, "defineFunction") == 0)
        return AMP_RES_FUNCTION;
    return AMP_RES_OTHER;
}

/* Registers every define* call (but defineBackend) and secret() root. */
static void read_resources(amp_builder *b)
{
    amp_model *m = b->m;
    for (size_t i = 0; i < b->root_count; i++) {
        const amp_value *v = b->roots[i];
        if (strcmp(v->str, "secret") == 0) {
            amp_str s = v->item_count ? amp_str_of(v->items[0]) : (amp_str){0};
            amp_str *slot =
                amp_push(&m->arena, (void **)&m->secrets, &m->secret_count, sizeof *slot);
            if (slot) {
                *slot = s;
                if (!s.s)
                    slot->loc = v->loc;
            }
            continue;
        }
        if (strncmp(v->str, "define", 6) != 0 && strcmp(v->str, "referenceAuth") != 0)
            continue;
        if (strcmp(v->str, "defineBackend") == 0) {
            amp_loc *call = amp_push(&m->arena, (void **)&m->backend_calls, &m->backend_call_count,
                                     sizeof *call);
            if (call)
                *call = v->callee_loc;
            if (!m->has_backend) {
                m->has_backend = true;
                m->backend_loc = v->loc;
            }
            continue;
        }
        amp_resource *r =
            amp_push(&m->arena, (void **)&m->resources, &m->resource_count, sizeof *r);
        if (!r)
            return;
        r->kind = resource_kind(v->str);
        r->define = v->str;
        r->loc = v->loc;
        r->value = v;
        r->props = v->item_count ? v->items[0] : NULL;
        r->var = amp_model_binding_name(m, v);
        const amp_prop *name = amp_value_prop(r->props, "name");
        r->name = name && name->value->kind == AMP_VAL_STRING ? name->value->str : r->var;
        r->schema = -1;
    }
}

/* Reads defineBackend({ key: resource, ... }). */
static void read_backend_keys(amp_builder *b)
{
    amp_model *m = b->m;
    for (size_t i = 0; i < b->root_count; i++) {
        const amp_value *v = b->roots[i];
        if (strcmp(v->str, "defineBackend") != 0 || v->loc.start != m->backend_loc.start ||
            v->loc.file != m->backend_loc.file)
            continue;
        const amp_value *obj = v->item_count ? v->items[0] : NULL;
        m->backend_arg = obj;
        for (size_t k = 0; obj && obj->kind == AMP_VAL_OBJECT && k < obj->prop_count; k++) {
            amp_backend_key *key =
                amp_push(&m->arena, (void **)&m->keys, &m->key_count, sizeof *key);
            if (!key)
                return;
            key->name = obj->props[k].key;
            key->loc = obj->props[k].key_loc;
            key->value = obj->props[k].value;
            key->resource = amp_model_resource_of(m, key->value);
            amp_resource *r = key->resource >= 0 ? &m->resources[key->resource] : NULL;
            if (r && !r->backend_key)
                r->backend_key = key->name;
            if (r && !r->name) /* e.g. an `export default defineAuth(...)` */
                r->name = key->name;
        }
    }
}

/* Interprets the schemas: those defineData names first, then any other
 * a.schema / a.combine / configure().schema root. */
static void read_schemas(amp_builder *b)
{
    amp_model *m = b->m;
    for (size_t i = 0; i < m->resource_count; i++) {
        amp_resource *r = &m->resources[i];
        if (r->kind != AMP_RES_DATA)
            continue;
        const amp_prop *schema = amp_value_prop(r->props, "schema");
        if (!schema)
            continue;
        size_t before = m->schema_count;
        if (amp_value_is_call(schema->value, "a.combine")) {
            const amp_value *list = schema->value->item_count ? schema->value->items[0] : NULL;
            for (size_t j = 0; list && list->kind == AMP_VAL_ARRAY && j < list->item_count; j++)
                amp_schema_interpret(b, list->items[j], (int)i);
        } else {
            amp_schema_interpret(b, schema->value, -1);
        }
        if (m->schema_count > before)
            r->schema = (int)before;
    }
    for (size_t i = 0; i < b->root_count; i++) {
        const amp_value *v = b->roots[i];
        if (strcmp(v->str, "a.schema") == 0 || strcmp(v->str, "configure") == 0)
            amp_schema_interpret(b, v, -1); /* ignores schemas already read */
    }
}

/* The lookup scope of schema si: its a.combine group (-1 - group), or
 * itself. */
static int type_scope(const amp_model *m, int si)
{
    int group = m->schemas[si].combine;
    return group >= 0 ? -1 - group : si;
}

static size_t type_hash(int scope, const char *name)
{
    return (size_t)amp_hash_bytes((uint64_t)(uint32_t)scope, name, strlen(name));
}

/* The slot of the type of scope and name (hash h), or the empty slot
 * where it would go. */
static size_t type_slot(const amp_model *m, int scope, const char *name, size_t h)
{
    size_t mask = m->type_cap - 1, i = h & mask;
    for (const amp_type *t; (t = m->type_slots[i]); i = (i + 1) & mask)
        if (strcmp(t->name, name) == 0 && type_scope(m, t->schema) == scope)
            return i;
    return i;
}

/* Indexes the first type of each scope and name, in schema order. */
static void index_types(amp_model *m)
{
    size_t n = 0;
    for (size_t s = 0; s < m->schema_count; s++)
        n += m->schemas[s].type_count;
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    if (!(m->type_slots = calloc(cap, sizeof *m->type_slots)))
        return; /* lookups then search */
    m->type_cap = cap;
    for (size_t s = 0; s < m->schema_count; s++)
        for (size_t t = 0; t < m->schemas[s].type_count; t++) {
            const amp_type *type = &m->schemas[s].types[t];
            if (!type->name)
                continue;
            int scope = type_scope(m, (int)s);
            size_t i = type_slot(m, scope, type->name, type_hash(scope, type->name));
            if (!m->type_slots[i])
                m->type_slots[i] = type;
        }
}

static const amp_type *find_type(const amp_model *m, int schema, const char *name);

const amp_type *amp_model_find_type(const amp_model *m, int schema, const char *name)
{
    const amp_type *found = find_type(m, schema, name);
    amp_lookup_log *log = m->lookup_log;
    if (log && log->count < AMP_LOOKUP_LOG_MAX)
        log->items[log->count++] = (amp_type_lookup){schema, name, found};
    else if (log)
        log->overflow = true;
    return found;
}

static const amp_type *find_type(const amp_model *m, int schema, const char *name)
{
    if (!name || schema < 0 || (size_t)schema >= m->schema_count)
        return NULL;
    if (m->type_cap) {
        int scope = type_scope(m, schema);
        return m->type_slots[type_slot(m, scope, name, type_hash(scope, name))];
    }
    /* No index (out of memory): search. */
    int group = m->schemas[schema].combine;
    for (size_t s = 0; s < m->schema_count; s++) {
        if ((int)s != schema && (group < 0 || m->schemas[s].combine != group))
            continue;
        for (size_t t = 0; t < m->schemas[s].type_count; t++)
            if (m->schemas[s].types[t].name && strcmp(m->schemas[s].types[t].name, name) == 0)
                return &m->schemas[s].types[t];
    }
    return NULL;
}

/* ---- incremental rebuilds ------------------------------------------------ */

/* FNV-1a over a file's text, never 0 (0 stands for "no tree"). */
static uint64_t text_hash(const amp_doc *doc)
{
    if (!doc || !doc->tree)
        return 0;
    uint64_t h = amp_hash_bytes(0, doc->text.bytes, doc->text.len);
    return h ? h : 1;
}

/* An import edge of a file, at the place of its specifier. */
typedef struct import_edge {
    uint32_t at;
    int module;
} import_edge;

static int cmp_edge(const void *x, const void *y)
{
    const import_edge *a = x, *b = y;
    return a->at != b->at ? (a->at < b->at ? -1 : 1)
                          : (a->module > b->module) - (a->module < b->module);
}

/* The files f imports, in source order (export * last). Owned array. */
static import_edge *edges_of(const amp_builder *b, uint32_t f, size_t *count)
{
    const amp_file_index *ix = b->files[f].ix;
    const amp_strmap *maps[2] = {&ix->locals, &ix->exports};
    size_t cap = ix->locals.count + ix->exports.count + ix->star_count;
    import_edge *out = malloc((cap ? cap : 1) * sizeof *out);
    *count = 0;
    if (!out)
        return NULL;
    for (int k = 0; k < 2; k++) {
        size_t pos = 0;
        const char *key;
        void *value;
        while (amp_strmap_next(maps[k], &pos, &key, &value) && *count < cap) {
            const amp_binding *bind = value;
            if ((bind->kind != AMP_BIND_IMPORT && bind->kind != AMP_BIND_NAMESPACE) ||
                bind->builtin || bind->module < 0)
                continue;
            uint32_t at = ts_node_is_null(bind->name_node) ? UINT32_MAX - 1
                                                           : ts_node_start_byte(bind->name_node);
            out[(*count)++] = (import_edge){at, bind->module};
        }
    }
    for (size_t i = 0; i < ix->star_count && *count < cap; i++)
        out[(*count)++] = (import_edge){UINT32_MAX, ix->star[i]};
    qsort(out, *count, sizeof *out, cmp_edge);
    return out;
}

/* The imports of every file of a build, each file's in source order. */
typedef struct import_graph {
    import_edge **edges; /* owned: per file, owned arrays (NULL when it has none) */
    size_t *count;       /* owned: per file */
    size_t n;            /* files; 0 when out of memory (no graph) */
} import_graph;

static void graph_init(import_graph *g, const amp_builder *b)
{
    size_t n = b->file_count;
    g->edges = calloc(n ? n : 1, sizeof *g->edges);
    g->count = calloc(n ? n : 1, sizeof *g->count);
    g->n = g->edges && g->count ? n : 0;
    for (size_t f = 0; f < g->n; f++)
        g->edges[f] = edges_of(b, (uint32_t)f, &g->count[f]);
}

static void graph_free(import_graph *g)
{
    for (size_t f = 0; g->edges && f < g->n; f++)
        free(g->edges[f]);
    free(g->edges);
    free(g->count);
    memset(g, 0, sizeof *g);
}

/* Decides which files keep their values from prev: those whose text is the
 * same, that import nothing evaluated again, and whose values no file
 * evaluated again has changed (named them, or chained their call further:
 * `schema.authorization(...)` in another file). Fills reuse[]; false when
 * nothing can be reused. */
static bool plan_reuse(const amp_builder *b, const import_graph *g, const amp_model *prev,
                       bool *reuse)
{
    size_t n = b->file_count;
    if (!prev || prev->file_count != n || g->n != n || prev->kept_count >= AMP_MODEL_MAX_KEPT ||
        !prev->file_hash || !prev->file_home ||
        prev->binding_count > 16 * prev->fresh_binding_count + 4096)
        return false;
    for (size_t f = 0; f < n; f++)
        if (strcmp(prev->files[f].path, b->files[f].path) != 0)
            return false;
    bool *again = calloc(n ? n : 1, sizeof *again);
    if (!again)
        return false;
    for (size_t f = 0; f < n; f++)
        again[f] = b->m->file_hash[f] == 0 || b->m->file_hash[f] != prev->file_hash[f];
    for (bool grew = true; grew;) {
        grew = false;
        for (size_t f = 0; f < n; f++) {
            for (size_t i = 0; !again[f] && i < g->count[f]; i++) {
                int to = g->edges[f][i].module;
                if (to >= 0 && (size_t)to < n && again[to])
                    again[f] = grew = true;
            }
        }
        for (size_t i = 0; i < prev->naming_count; i++) {
            const amp_file_pair *p = &prev->namings[i];
            if (p->from < n && p->to < n && again[p->from] && !again[p->to])
                again[p->to] = grew = true;
        }
        for (size_t i = 0; i < prev->root_count; i++) {
            uint32_t by = prev->roots[i]->loc.file, base = prev->roots[i]->callee_loc.file;
            if (by < n && base < n && again[by] && !again[base])
                again[base] = grew = true;
        }
    }
    bool any = false;
    for (size_t f = 0; f < n; f++) {
        reuse[f] = !again[f];
        any |= reuse[f];
    }
    free(again);
    return any;
}

/* The memo key's file: the number before its first ':'. */
static size_t memo_file(const char *key)
{
    return (size_t)strtoul(key, NULL, 10);
}

/* Takes from prev what the reused files need: their arenas (moved, so
 * prev no longer frees them), memo entries, sites and roots, and every
 * binding name (reused values index them). */
static bool adopt(amp_builder *b, amp_model *prev, const bool *reuse)
{
    amp_model *m = b->m;
    size_t n = b->file_count;
    size_t homes = prev->kept_count + 1;
    uint32_t *map = calloc(homes, sizeof *map);
    if (!map)
        return false;
    size_t kept = 0;
    for (size_t f = 0; f < n; f++)
        if (reuse[f] && prev->file_home[f] < homes && !map[prev->file_home[f]])
            map[prev->file_home[f]] = (uint32_t)++kept;
    m->kept = calloc(kept ? kept : 1, sizeof *m->kept);
    if (!m->kept) {
        free(map);
        return false;
    }
    for (size_t k = 0; k < homes; k++) {
        if (!map[k])
            continue;
        amp_arena *from = k == 0 ? &prev->arena : &prev->kept[k - 1];
        m->kept[map[k] - 1] = *from;
        memset(from, 0, sizeof *from);
    }
    m->kept_count = kept;
    for (size_t f = 0; f < n; f++)
        m->file_home[f] = reuse[f] ? map[prev->file_home[f]] : 0;
    free(map);

    /* The memo and the entries move over whole (thousands of keys); the
     * memo entries of files evaluated again go now, their schema entries
     * after the evaluation, which may clone them (drop_stale_entries). */
    amp_strmap_free(&b->memo);
    b->memo = prev->memo;
    memset(&prev->memo, 0, sizeof prev->memo);
    size_t pos = 0;
    const char *key;
    void *value;
    while (amp_strmap_next(&b->memo, &pos, &key, &value)) {
        size_t f = memo_file(key);
        if (f >= n || !reuse[f])
            amp_strmap_remove(&b->memo, key);
    }
    amp_strmap_free(&m->entries);
    m->entries = prev->entries;
    memset(&prev->entries, 0, sizeof prev->entries);
    b->adopted = true;
    /* amp_push, so that later pushes find the capacity they expect. */
    for (size_t i = 0; i < prev->binding_count; i++) {
        const char **slot =
            amp_push(&m->arena, (void **)&m->binding_names, &m->binding_count, sizeof *slot);
        if (!slot)
            return false;
        const char *name = prev->binding_names[i];
        *slot = name ? amp_arena_strndup(&m->arena, name, strlen(name)) : NULL;
    }
    m->fresh_binding_count = prev->fresh_binding_count;
    for (size_t i = 0; i < prev->site_count; i++) {
        const amp_name_site *site = &prev->sites[i];
        if (site->loc.file >= n || !reuse[site->loc.file])
            continue;
        amp_name_site *slot = amp_push(&m->arena, (void **)&m->sites, &m->site_count, sizeof *slot);
        if (slot)
            *slot = *site;
    }
    for (size_t i = 0; i < prev->naming_count; i++) {
        const amp_file_pair *pair = &prev->namings[i];
        if (pair->from >= n || !reuse[pair->from])
            continue;
        amp_file_pair *slot =
            amp_push(&m->arena, (void **)&m->namings, &m->naming_count, sizeof *slot);
        if (slot)
            *slot = *pair;
    }
    for (size_t i = 0; i < prev->root_count; i++) {
        const amp_value *v = prev->roots[i];
        if (v->loc.file >= n || v->callee_loc.file >= n || !reuse[v->loc.file] ||
            !reuse[v->callee_loc.file])
            continue;
        const amp_value **slot =
            amp_push(&m->arena, (void **)&b->roots, &b->root_count, sizeof *slot);
        if (slot)
            *slot = v;
    }
    m->reused_count = 0;
    for (size_t f = 0; f < n; f++)
        m->reused_count += reuse[f];
    return true;
}

/* Drops the schema entries taken from prev (adopt) that belong to files
 * evaluated again and were not remembered again by this build: their
 * values are in prev's arena, which goes. */
static void drop_stale_entries(amp_model *m, const bool *reuse)
{
    size_t pos = 0;
    const char *key;
    void *value;
    while (amp_strmap_next(&m->entries, &pos, &key, &value)) {
        for (amp_entry *entry = value, *next; entry; entry = next) {
            next = entry->next;
            if (entry->serial != m->serial &&
                (entry->file >= m->file_count || !reuse[entry->file])) {
                amp_entry_unlink(&m->entries, key, entry);
                amp_entry_free(entry);
            }
        }
    }
}

/* Ranks the files in the order a walk of the imports from backend.ts (file
 * 0), depth first and in source order, finishes them (a file after what
 * it imports); files it does not reach follow, walked the same way, by
 * index. Roots and sites are sorted by these ranks: the order a fresh
 * evaluation records roots in (a call is recorded after its arguments,
 * which pull in the imports), and the same whichever files a rebuild
 * reuses. Owned array, NULL when out of memory. */
static uint32_t *file_ranks(const import_graph *g)
{
    size_t n = g->n;
    uint32_t *rank = malloc((n ? n : 1) * sizeof *rank);
    int *stack = malloc((n ? n : 1) * sizeof *stack);
    size_t *next = calloc(n ? n : 1, sizeof *next);
    bool *seen = calloc(n ? n : 1, sizeof *seen); /* on the walk; ranked when finished */
    if (!rank || !stack || !next || !seen || n == 0) {
        free(rank);
        free(stack);
        free(next);
        free(seen);
        return NULL;
    }
    uint32_t ranked = 0;
    for (size_t root = 0; root < n; root++) {
        if (seen[root])
            continue;
        size_t top = 0;
        seen[root] = true;
        stack[top++] = (int)root;
        while (top > 0) {
            int f = stack[top - 1];
            if (next[f] >= g->count[f]) {
                rank[f] = ranked++;
                top--;
                continue;
            }
            int to = g->edges[f][next[f]++].module;
            if (to < 0 || (size_t)to >= n || seen[to])
                continue;
            seen[to] = true;
            stack[top++] = to;
        }
    }
    free(seen);
    free(next);
    free(stack);
    return rank;
}

/* A sort key: the rank of a file and places in it, then the item. */
typedef struct sort_key {
    uint32_t rank, start, end, rank2, start2, kind;
    const void *item;
} sort_key;

static int cmp_key(const void *x, const void *y)
{
    const sort_key *a = x, *b = y;
    const uint32_t ka[] = {a->rank, a->start, a->end, a->rank2, a->start2, a->kind};
    const uint32_t kb[] = {b->rank, b->start, b->end, b->rank2, b->start2, b->kind};
    for (size_t i = 0; i < sizeof ka / sizeof ka[0]; i++)
        if (ka[i] != kb[i])
            return ka[i] < kb[i] ? -1 : 1;
    return 0;
}

static uint32_t rank_of(const uint32_t *rank, size_t n, uint32_t file)
{
    return rank && file < n ? rank[file] : file;
}

/* Sorts the roots (by their base call) and the name sites by place. */
static void sort_by_place(amp_builder *b, const import_graph *g)
{
    amp_model *m = b->m;
    size_t n = b->file_count;
    uint32_t *rank = file_ranks(g);
    size_t most = b->root_count > m->site_count ? b->root_count : m->site_count;
    sort_key *keys = malloc((most ? most : 1) * sizeof *keys);
    if (keys && b->root_count > 1) {
        for (size_t i = 0; i < b->root_count; i++) {
            const amp_value *v = b->roots[i];
            keys[i] = (sort_key){rank_of(rank, n, v->callee_loc.file),
                                 v->callee_loc.start,
                                 v->callee_loc.end,
                                 rank_of(rank, n, v->loc.file),
                                 v->loc.end,
                                 0,
                                 v};
        }
        qsort(keys, b->root_count, sizeof *keys, cmp_key);
        for (size_t i = 0; i < b->root_count; i++)
            b->roots[i] = keys[i].item;
    }
    if (keys && m->site_count > 1) {
        amp_name_site *copy = malloc(m->site_count * sizeof *copy);
        if (copy) {
            memcpy(copy, m->sites, m->site_count * sizeof *copy);
            for (size_t i = 0; i < m->site_count; i++) {
                const amp_name_site *s = &copy[i];
                keys[i] = (sort_key){rank_of(rank, n, s->loc.file),
                                     s->loc.start,
                                     s->loc.end,
                                     rank_of(rank, n, s->value->callee_loc.file),
                                     s->value->callee_loc.start,
                                     (uint32_t)s->kind * 2 + !s->defines,
                                     s};
            }
            qsort(keys, m->site_count, sizeof *keys, cmp_key);
            for (size_t i = 0; i < m->site_count; i++)
                m->sites[i] = *(const amp_name_site *)keys[i].item;
            free(copy);
        }
    }
    free(keys);
    free(rank);
}

/* Moves prev's splices of the files m reused (not evaluated again) to m:
 * their objects, entries and offsets are the same. */
static void keep_splices(amp_model *m, amp_model *prev, const bool *reuse)
{
    if (!prev)
        return;
    for (size_t i = 0; i < prev->splice_count; i++) {
        amp_splice *sp = prev->splices[i];
        if (!sp || sp->file >= m->file_count || !reuse[sp->file])
            continue;
        if (m->splice_count == m->splice_cap) {
            size_t cap = m->splice_cap ? 2 * m->splice_cap : 4;
            amp_splice **grown = realloc(m->splices, cap * sizeof *grown);
            if (!grown)
                return; /* out of memory: the next build reads these objects */
            m->splices = grown;
            m->splice_cap = cap;
        }
        m->splices[m->splice_count++] = sp;
        prev->splices[i] = NULL;
    }
}

/* Builds with prev's values for the files plan_reuse allows (prev is
 * consumed), or with warm, for none (see amp_model_warm). Roots and sites
 * are sorted by place, so the result does not depend on the order files
 * were evaluated in, which reuse changes. */
static amp_model *build(const amp_source *sources, size_t count, amp_model *prev, bool warm)
{
    amp_model *m = calloc(1, sizeof *m);
    if (!m) {
        amp_model_delete(prev);
        return NULL;
    }
    amp_model_collect(prev); /* the one before prev, if no one collected it */
    if (prev) {              /* answers about names hold whatever the schema says */
        m->name_memo = prev->name_memo;
        prev->name_memo = NULL;
        m->rule_memo = prev->rule_memo; /* keyed by origins, which go on from prev's */
        prev->rule_memo = NULL;
    }
    amp_builder b;
    memset(&b, 0, sizeof b);
    b.m = m;
    b.a = &m->arena;
    b.file_count = count;
    b.files = calloc(count ? count : 1, sizeof *b.files);
    m->files = amp_arena_alloc(&m->arena, (count ? count : 1) * sizeof *m->files);
    m->file_hash = calloc(count ? count : 1, sizeof *m->file_hash);
    m->file_gen = calloc(count ? count : 1, sizeof *m->file_gen);
    m->file_home = calloc(count ? count : 1, sizeof *m->file_home);
    bool *reuse = calloc(count ? count : 1, sizeof *reuse);
    if (!b.files || !m->files || !m->file_hash || !m->file_gen || !m->file_home || !reuse ||
        amp_eval_init(&b) != 0) {
        free(b.node_class);
        free(b.files);
        free(reuse);
        amp_model_delete(m);
        amp_model_delete(prev);
        return NULL;
    }
    m->file_count = count;
    m->trees = calloc(count ? count : 1, sizeof *m->trees); /* NULL: no pair notes kept */
    for (size_t i = 0; i < count; i++) {
        if (m->trees && sources[i].doc->tree)
            m->trees[i] = ts_tree_copy(sources[i].doc->tree);
        b.files[i].path = amp_arena_strndup(&m->arena, sources[i].path, strlen(sources[i].path));
        b.files[i].doc = sources[i].doc;
        m->files[i].path = b.files[i].path;
        m->file_hash[i] = text_hash(sources[i].doc);
        m->file_gen[i] = sources[i].doc->gen;
    }
    amp_eval_index_files(&b, prev);
    import_graph graph;
    graph_init(&graph, &b);
    if (!warm && plan_reuse(&b, &graph, prev, reuse) && !adopt(&b, prev, reuse)) {
        /* Out of memory half way: forget what was taken, build afresh. */
        amp_strmap_free(&b.memo);
        memset(&b.memo, 0, sizeof b.memo);
        amp_entries_free(&m->entries);
        memset(&m->entries, 0, sizeof m->entries);
        b.adopted = false;
        amp_pair_ids_free(prev->pair_ids); /* its notes name entries just freed */
        free(prev->pair_ids);
        prev->pair_ids = NULL;
        b.root_count = 0;
        m->site_count = 0;
        m->binding_count = 0;
        m->naming_count = 0;
        memset(m->file_home, 0, count * sizeof *m->file_home);
        memset(reuse, 0, count * sizeof *reuse);
        m->reused_count = 0;
    } else if (m->reused_count == 0) {
        memset(reuse, 0, count * sizeof *reuse);
    }
    /* prev lives on through the evaluation: its entries may be cloned. */
    m->serial = prev ? prev->serial + 1 : 1;
    m->origin_count = prev ? prev->origin_count : 0;
    uint32_t origins = m->origin_count;
    b.prev = prev;
    amp_eval_all(&b, reuse);
    b.prev = NULL;
    keep_splices(m, prev, reuse);
    drop_stale_entries(m, reuse);
    /* Entries that went through prev's notes: a keystroke's rebuild, which
     * readied them. None evaluated (each gets an origin): as prev's. */
    if (warm)
        m->warmth = prev ? prev->warmth + 1 : 1;
    else if (m->noted_count > 0)
        m->warmth = AMP_MODEL_WARM;
    else if (prev && m->origin_count == origins)
        m->warmth = prev->warmth;
    m->dead = prev; /* freed by amp_model_collect, after the answers went out */
    if (m->reused_count == 0)
        m->fresh_binding_count = m->binding_count;
    sort_by_place(&b, &graph);
    graph_free(&graph);
    read_resources(&b);
    read_backend_keys(&b);
    read_schemas(&b);
    amp_backend_script_read(m, sources, count);
    index_types(m);
    amp_eval_free_files(&b);
    m->memo = b.memo;
    m->roots = b.roots;
    m->root_count = b.root_count;
    free(b.files);
    free(reuse);
    return m;
}

amp_model *amp_model_build(const amp_source *sources, size_t count)
{
    return build(sources, count, NULL, false);
}

amp_model *amp_model_rebuild(const amp_source *sources, size_t count, amp_model *prev)
{
    return build(sources, count, prev, false);
}

amp_model *amp_model_warm(const amp_source *sources, size_t count, amp_model *prev)
{
    return build(sources, count, prev, true);
}

static void name_memo_free(amp_name_memo *memo)
{
    if (!memo)
        return;
    size_t pos = 0;
    const char *key;
    void *value;
    while (amp_strmap_next(&memo->plurals, &pos, &key, &value))
        free(value);
    amp_strmap_free(&memo->plurals);
    free(memo);
}

amp_name_memo *amp_model_name_memo(const amp_model *m)
{
    /* The memo is a cache behind the const model: whoever asks first makes it. */
    amp_model *mm = (amp_model *)m;
    if (mm && !mm->name_memo)
        mm->name_memo = calloc(1, sizeof *mm->name_memo);
    return mm ? mm->name_memo : NULL;
}

void amp_model_collect(amp_model *m)
{
    if (m && m->dead) {
        amp_model_delete(m->dead);
        m->dead = NULL;
    }
}

void amp_model_delete(amp_model *m)
{
    if (!m)
        return;
    amp_model_delete(m->dead);
    name_memo_free(m->name_memo);
    amp_rule_memo_free(m->rule_memo);
    free(m->type_slots);
    amp_pair_ids_free(m->pair_ids);
    free(m->pair_ids);
    for (size_t i = 0; i < m->splice_count; i++) {
        amp_splice_free(m->splices[i]);
        free(m->splices[i]);
    }
    free(m->splices);
    free(m->file_gen);
    for (size_t i = 0; m->trees && i < m->file_count; i++)
        if (m->trees[i])
            ts_tree_delete(m->trees[i]);
    free(m->trees);
    for (size_t i = 0; m->file_index && i < m->file_count; i++)
        amp_file_index_free(m->file_index[i]);
    free(m->file_index);
    amp_strmap_free(&m->memo);
    amp_entries_free(&m->entries);
    for (size_t k = 0; k < m->kept_count; k++)
        amp_arena_free(&m->kept[k]);
    free(m->kept);
    free(m->file_hash);
    free(m->file_home);
    amp_arena_free(&m->arena);
    free(m);
}
