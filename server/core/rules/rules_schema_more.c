/*
 * rules_schema_more.c: two data rules that depend on things outside one
 * type.
 *
 * Generated operation names. Every model gets root fields named after it
 * (getPost, listPosts, createPost, ..., onDeletePost; the list query uses
 * the plural the transformer's pluralize gives, rules_schema_plural.c), and
 * a secondary index with .queryField('x') gets the query x. The transformer
 * adds each to Query, Mutation or Subscription and refuses a second field
 * of the same name (`Object type extension 'Query' cannot redeclare field
 * listSettings`). Reported here: a custom query named like a model's list
 * query (data-operation-name-collision, whose other cases are in
 * rules_schema_names.c), and two models or indexes that generate the same
 * name (data-model-operation-collision: Setting and Settings both make
 * listSettings). Which operations a model generates, and which
 * disableOperations names remove them, come from the catalogue
 * (ModelType.disableOperations covers.*).
 *
 * User-pool rules without auth. owner, group and authenticated rules go
 * through the Cognito user pool unless they name another provider; a
 * backend without defineAuth or referenceAuth has no user pool, and the
 * auth transformer refuses the schema (`@auth directive with 'userPools'
 * provider found, but the project has no Cognito User Pools authentication
 * provider configured.`).
 */
#include "rules_table_schema.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the backend has no auth resource ------------------------------------------ */

/* True when the folder above the amplify folder has a package.json: a whole
 * project, not a partial copy of amplify/ (or a snippet) that may leave its
 * auth resource out. */
static bool whole_project(const amp_check *c)
{
    const char *dir = c->env->amplify_dir;
    const char *slash = dir ? strrchr(dir, '/') : NULL;
    char path[4096];
    if (!slash || !c->env->file_exists)
        return false;
    int n = snprintf(path, sizeof path, "%.*s/package.json", (int)(slash - dir), dir);
    return n > 0 && (size_t)n < sizeof path && c->env->file_exists(c->env->ctx, path);
}

bool amp_backend_without_auth(const amp_check *c)
{
    const amp_model *m = c->m;
    const amp_value *arg = m->backend_arg;
    if (!m->has_backend || m->backend_call_count > 1 || !arg || arg->kind != AMP_VAL_OBJECT ||
        arg->open || !whole_project(c))
        return false;
    for (size_t i = 0; i < m->resource_count; i++)
        if (m->resources[i].kind == AMP_RES_AUTH || m->resources[i].kind == AMP_RES_REFERENCE_AUTH)
            return false;
    for (size_t i = 0; i < m->key_count; i++) {
        int r = m->keys[i].resource;
        if (r < 0 || m->resources[r].kind == AMP_RES_OTHER)
            return false; /* something that might provide auth */
    }
    return true;
}

/* ---- generated operation names ---------------------------------------------------- */

/* The root types, in the order of their names (the order of the list). */
enum { ROOT_MUTATION, ROOT_QUERY, ROOT_SUBSCRIPTION, ROOT_NONE };
static const char *const root_names[] = {"Mutation", "Query", "Subscription"};
static const char *const root_words[] = {"mutation", "query", "subscription"};

#define OP_INDEX (-1) /* gen_field.op of an index query */
#define OPS_MAX 16
#define PLURAL_BUF 160 /* the plural of a name amp_schema_plural takes */

/* One operation every model generates, from the catalogue
 * (ModelType.disableOperations covers.<group> = "op,op,..."). */
typedef struct gen_op {
    char name[16];     /* "get", "onCreate" */
    char needs[16];    /* a subscription: the mutation it follows ("create"), else "" */
    const char *group; /* "queries", "mutations", "subscriptions" */
    size_t len;
    int root;
} gen_op;

/* One root field a model (or one of its indexes) generates. */
typedef struct gen_field {
    const char *name; /* in gen_list.names, or the model's queryField string */
    const amp_type *model;
    amp_loc at;  /* the model's name, or the index's queryField (or index call) */
    int scope;   /* the schema, or -1 - the a.combine group */
    int root;    /* ROOT_* */
    int op;      /* index into gen_list.ops, or OP_INDEX */
    size_t rank; /* generation order: models' operations, then index queries */
    size_t hash; /* of scope, root and name (gen_hash) */
    bool first;  /* the first of its scope, root and name (set by gen_index) */
} gen_field;

/* Every root field the models of a backend generate, built once per run,
 * with a hash index: the fields of one scope, root and name are chained in
 * rank order (a sort of the thousands of names cost more than the rest). */
typedef struct gen_list {
    gen_op ops[OPS_MAX];
    size_t op_count;
    int list_op;      /* index of "list" in ops, or -1 */
    gen_field *items; /* owned, in generation order */
    size_t *next;     /* owned: per item, the next item (+ 1) of its chain, or 0 */
    size_t *slots;    /* owned: the first item (+ 1) of each chain, or 0 */
    size_t slot_mask; /* slots holds slot_mask + 1 entries */
    size_t count, cap;
    amp_arena names; /* owned: the generated names */
    bool *legacy;    /* owned: per schema, amp_schema_legacy */
} gen_list;

static int root_of_group(const char *group)
{
    return strcmp(group, "queries") == 0         ? ROOT_QUERY
           : strcmp(group, "mutations") == 0     ? ROOT_MUTATION
           : strcmp(group, "subscriptions") == 0 ? ROOT_SUBSCRIPTION
                                                 : ROOT_NONE;
}

/* Reads the operations the catalogue lists into l->ops. */
static void read_ops(gen_list *l)
{
    const amp_cat_entry *e = amp_catalog_find("ModelType.disableOperations");
    l->list_op = -1;
    for (size_t a = 0; a < amp_cat_attr_count(e); a++) {
        const char *key = amp_cat_attr_key_at(e, a);
        int root = strncmp(key, "covers.", 7) == 0 ? root_of_group(key + 7) : ROOT_NONE;
        for (const char *p = amp_cat_attr_value_at(e, a); root != ROOT_NONE && *p;) {
            size_t n = strcspn(p, ",");
            gen_op *op = &l->ops[l->op_count];
            if (n > 0 && n < sizeof op->name && l->op_count < OPS_MAX) {
                memset(op, 0, sizeof *op);
                memcpy(op->name, p, n);
                op->len = n;
                op->group = key + 7;
                op->root = root;
                if (root == ROOT_SUBSCRIPTION && n > 3 && strncmp(p, "on", 2) == 0) {
                    memcpy(op->needs, p + 2, n - 2);
                    op->needs[0] = (char)tolower((unsigned char)op->needs[0]);
                }
                if (strcmp(op->name, "list") == 0)
                    l->list_op = (int)l->op_count;
                l->op_count++;
            }
            p += n + (p[n] == ',');
        }
    }
}

/* True when the names disableOperations([...]) gets are all known. */
static bool disabled_ops_known(const amp_type *t)
{
    const amp_method *m = amp_value_method(t->value, "disableOperations");
    if (!m)
        return true;
    const amp_value *list = m->arg_count ? m->args[0] : NULL;
    size_t strings = 0;
    for (size_t i = 0; list && list->kind == AMP_VAL_ARRAY && i < list->item_count; i++)
        strings += list->items[i]->kind == AMP_VAL_STRING;
    return list && list->kind == AMP_VAL_ARRAY && !list->open && strings == list->item_count;
}

/* True when t's disableOperations names one of the two words. */
static bool disables(const amp_type *t, const char *a, const char *b)
{
    for (size_t i = 0; i < t->disabled_op_count; i++) {
        const char *s = t->disabled_ops[i].s;
        if (s && (strcmp(s, a) == 0 || (b && strcmp(s, b) == 0)))
            return true;
    }
    return false;
}

/* Whether model t generates op: not disabled, and for a subscription not
 * its mutation. */
static bool generates(const amp_type *t, const gen_op *op)
{
    return !disables(t, op->name, op->group) &&
           !(op->needs[0] && disables(t, op->needs, "mutations"));
}

/* A new zeroed field, or NULL when the list is full. */
static gen_field *gen_add(gen_list *l, const amp_type *t, int scope, int root, int op)
{
    if (l->count == l->cap)
        return NULL;
    gen_field *f = &l->items[l->count];
    *f = (gen_field){.model = t, .at = t->name_loc, .scope = scope, .root = root, .op = op};
    f->rank = l->count++;
    return f;
}

/* Appends s (n bytes) to the name being built at *end, its first letter
 * upper-cased when cap is set (the transformer's toUpper). */
static char *append(char *end, const char *s, size_t n, bool cap)
{
    memcpy(end, s, n);
    if (cap && n)
        end[0] = (char)toupper((unsigned char)end[0]);
    return end + n;
}

/* Adds the operations model t generates: <op><Name>, the list query
 * list<Plural>. A subscription name over 50 characters is shortened by the
 * transformer to 45 characters and 5 of its md5 (getFieldNameFor in
 * @aws-amplify/graphql-transformer-core); no custom name is expected to
 * meet it, so it is left out. */
static void add_model_ops(const amp_model *m, gen_list *l, const amp_type *t, int scope)
{
    char plural[PLURAL_BUF];
    size_t n = strlen(t->name);
    bool has_plural = amp_schema_plural_of(m, t->name, plural, sizeof plural);
    size_t pn = has_plural ? strlen(plural) : 0;
    for (size_t i = 0; i < l->op_count; i++) {
        const gen_op *op = &l->ops[i];
        bool list = (int)i == l->list_op;
        const char *base = list ? plural : t->name;
        size_t bn = list ? pn : n;
        if ((list && !has_plural) || (op->root == ROOT_SUBSCRIPTION && op->len + bn > 50) ||
            !generates(t, op))
            continue;
        char *name = amp_arena_alloc(&l->names, op->len + bn + 1);
        gen_field *f = name ? gen_add(l, t, scope, op->root, (int)i) : NULL;
        if (!f)
            continue;
        *append(append(name, op->name, op->len, false), base, bn, true) = '\0';
        f->name = name;
    }
}

/* The default query field of a secondary index,
 * list<Model>By<Pk>And<Sk>... (@aws-amplify/data-schema
 * secondaryIndexDefaultQueryField), or NULL when a key is not known. */
static const char *default_index_query(gen_list *l, const amp_type *t, const amp_index *ix)
{
    const amp_method *qf = amp_value_method(ix->call, "queryField");
    if ((qf && qf->arg_count && qf->args[0]->kind != AMP_VAL_STRING) || !ix->pk.s)
        return NULL;
    size_t n = 4 + strlen(t->name) + 2 + strlen(ix->pk.s) + 1;
    for (size_t k = 0; k < ix->sort_key_count; k++) {
        if (!ix->sort_keys[k].s)
            return NULL;
        n += 3 + strlen(ix->sort_keys[k].s);
    }
    char *name = amp_arena_alloc(&l->names, n), *end = name;
    if (!name)
        return NULL;
    end = append(end, "list", 4, false);
    end = append(end, t->name, strlen(t->name), true);
    end = append(end, "By", 2, false);
    end = append(end, ix->pk.s, strlen(ix->pk.s), true);
    for (size_t k = 0; k < ix->sort_key_count; k++) {
        end = append(end, "And", 3, false);
        end = append(end, ix->sort_keys[k].s, strlen(ix->sort_keys[k].s), true);
    }
    *end = '\0';
    return name;
}

/* Adds the queries of t's secondary indexes: the .queryField(...) name, or
 * the default one (queryField(null) and an empty name as data-schema
 * treats them: none, and the default). */
static void add_index_queries(gen_list *l, const amp_type *t, int scope)
{
    if (disables(t, "list", "queries"))
        return;
    for (size_t i = 0; i < t->index_count; i++) {
        const amp_index *ix = &t->indexes[i];
        bool named = ix->query_field.s && ix->query_field.s[0];
        const char *name = named                  ? ix->query_field.s
                           : ix->query_field_null ? NULL
                                                  : default_index_query(l, t, ix);
        gen_field *f = name ? gen_add(l, t, scope, ROOT_QUERY, OP_INDEX) : NULL;
        if (!f)
            continue;
        f->name = name;
        f->at = named ? ix->query_field.loc : ix->loc;
        f->rank += (size_t)1 << 30; /* added after every model's own operations */
    }
}

/* True when the schema's renameModels(() => [[from, to], ...]) pairs are
 * all string literals, so the model has renamed its types (or there is no
 * renameModels): its type names are the names the transformer sees. */
static bool renames_known(const amp_schema *s)
{
    const amp_value *v = s->value;
    for (size_t i = 0; v && v->kind == AMP_VAL_CALL && i < v->method_count; i++) {
        const amp_method *m = &v->methods[i];
        if (strcmp(m->name, "renameModels") != 0)
            continue;
        const amp_value *fn = m->arg_count ? m->args[0] : NULL;
        const amp_value *body = fn && fn->kind == AMP_VAL_FUNCTION ? fn->body : NULL;
        if (!body || body->kind != AMP_VAL_ARRAY || body->open)
            return false;
        for (size_t k = 0; k < body->item_count; k++) {
            const amp_value *pair = body->items[k];
            if (pair->kind != AMP_VAL_ARRAY || pair->item_count != 2 ||
                pair->items[0]->kind != AMP_VAL_STRING || pair->items[1]->kind != AMP_VAL_STRING)
                return false;
        }
    }
    return true;
}

static int scope_of(const amp_model *m, size_t si)
{
    return m->schemas[si].combine >= 0 ? -1 - m->schemas[si].combine : (int)si;
}

static size_t gen_hash(int scope, int root, const char *name)
{
    uint64_t h =
        amp_hash_bytes((uint64_t)(uint32_t)scope << 8 | (uint32_t)root, name, strlen(name));
    return (size_t)(h ^ h >> 29);
}

static bool gen_same(const gen_field *a, size_t hash, int scope, int root, const char *name)
{
    return a->hash == hash && a->scope == scope && a->root == root && strcmp(a->name, name) == 0;
}

/* The slot of the chain of scope, root and name (whose gen_hash is hash;
 * empty when none). */
static size_t gen_slot_h(const gen_list *l, size_t hash, int scope, int root, const char *name)
{
    size_t i = hash & l->slot_mask;
    while (l->slots[i] && !gen_same(&l->items[l->slots[i] - 1], hash, scope, root, name))
        i = (i + 1) & l->slot_mask;
    return i;
}

static size_t gen_slot(const gen_list *l, int scope, int root, const char *name)
{
    return gen_slot_h(l, gen_hash(scope, root, name), scope, root, name);
}

/* Indexes the items and marks the first of each chain; false when out of
 * memory. */
static bool gen_index(gen_list *l)
{
    size_t cap = 16;
    while (cap < 2 * l->count)
        cap *= 2;
    l->slots = calloc(cap, sizeof *l->slots);
    l->next = calloc(l->count ? l->count : 1, sizeof *l->next);
    if (!l->slots || !l->next)
        return false;
    l->slot_mask = cap - 1;
    for (size_t i = 0; i < l->count; i++) {
        gen_field *f = &l->items[i];
        f->hash = gen_hash(f->scope, f->root, f->name);
        size_t *link = &l->slots[gen_slot_h(l, f->hash, f->scope, f->root, f->name)];
        while (*link && l->items[*link - 1].rank < f->rank)
            link = &l->next[*link - 1];
        l->next[i] = *link;
        *link = i + 1;
    }
    for (size_t i = 0; i <= l->slot_mask; i++)
        if (l->slots[i])
            l->items[l->slots[i] - 1].first = true;
    return true;
}

/* A generated field as kept per model (AMP_MEMO_GEN_OPS), after a
 * uint32_t count and before the names: where it is, from the model's key. */
typedef struct gen_kept {
    uint32_t name; /* offset of the name from the start of the kept bytes */
    int32_t root, op;
    uint32_t at_key; /* at the model's name (else start, end) */
    uint32_t start, end;
} gen_kept;

/* Keeps the fields l->items[from..] model t (type ti of schema si)
 * generated, for the next runs. */
static void keep_fields(amp_check *c, const gen_list *l, size_t from, size_t si, size_t ti,
                        const amp_type *t)
{
    amp_loc key = t->name_loc;
    uint32_t hi = t->value && t->value->loc.file == key.file ? t->value->loc.end : key.end;
    size_t n = l->count - from, size = sizeof(uint32_t) + n * sizeof(gen_kept);
    for (size_t i = from; i < l->count; i++) {
        const gen_field *f = &l->items[i];
        bool at_key = f->at.file == key.file && f->at.start == key.start && f->at.end == key.end;
        if (!at_key && (f->at.file != key.file || f->at.start < key.start || f->at.end > hi ||
                        f->at.start > f->at.end))
            return; /* somewhere else: not kept */
        size += strlen(f->name) + 1;
    }
    unsigned char *bytes = malloc(size);
    if (!bytes)
        return;
    uint32_t count = (uint32_t)n;
    memcpy(bytes, &count, sizeof count);
    size_t names = sizeof(uint32_t) + n * sizeof(gen_kept);
    for (size_t i = from; i < l->count; i++) {
        const gen_field *f = &l->items[i];
        bool at_key = f->at.file == key.file && f->at.start == key.start && f->at.end == key.end;
        gen_kept k = {(uint32_t)names,
                      f->root,
                      f->op,
                      at_key,
                      at_key ? 0 : f->at.start - key.start,
                      at_key ? 0 : f->at.end - key.start};
        memcpy(bytes + sizeof(uint32_t) + (i - from) * sizeof k, &k, sizeof k);
        size_t len = strlen(f->name) + 1;
        memcpy(bytes + names, f->name, len);
        names += len;
    }
    amp_rules_memo_put(c, AMP_MEMO_GEN_OPS, si, ti, bytes, size);
    free(bytes);
}

/* Adds the fields model t generated the last time, as kept_fields kept
 * them; false when none were kept. */
static bool kept_fields(amp_check *c, gen_list *l, size_t si, size_t ti, const amp_type *t,
                        int scope)
{
    size_t size = 0;
    const unsigned char *bytes = amp_rules_memo_get(c, AMP_MEMO_GEN_OPS, si, ti, &size, NULL);
    uint32_t n;
    if (!bytes || size < sizeof n)
        return false;
    memcpy(&n, bytes, sizeof n);
    for (uint32_t i = 0; i < n; i++) {
        gen_kept k;
        memcpy(&k, bytes + sizeof n + i * sizeof k, sizeof k);
        gen_field *f = gen_add(l, t, scope, k.root, k.op);
        if (!f)
            continue;
        f->name = (const char *)bytes + k.name;
        if (!k.at_key)
            f->at =
                (amp_loc){t->name_loc.file, t->name_loc.start + k.start, t->name_loc.start + k.end};
        if (k.op == OP_INDEX)
            f->rank += (size_t)1 << 30; /* as add_index_queries ranks them */
    }
    return true;
}

/* Builds the indexed list of every field the models generate; false when
 * out of memory. */
static bool collect_fields(amp_check *c, gen_list *l)
{
    const amp_model *m = c->m;
    size_t n = 0;
    read_ops(l);
    for (size_t si = 0; si < m->schema_count; si++)
        for (size_t i = 0; i < m->schemas[si].type_count; i++)
            n += l->op_count + m->schemas[si].types[i].index_count;
    l->items = malloc((n ? n : 1) * sizeof *l->items);
    l->legacy = malloc((m->schema_count ? m->schema_count : 1) * sizeof *l->legacy);
    if (!l->items || !l->legacy)
        return false;
    l->cap = n;
    for (size_t si = 0; si < m->schema_count; si++) {
        const amp_schema *s = &m->schemas[si];
        l->legacy[si] = amp_schema_legacy(c, si);
        if (l->legacy[si] || !renames_known(s))
            continue;
        for (size_t i = 0; i < s->type_count; i++) {
            const amp_type *t = &s->types[i];
            /* Kept fields were kept for the same value, whose disabled
             * operations were known then: the value is not read again. */
            if (t->kind != AMP_TYPE_MODEL || !t->name ||
                kept_fields(c, l, si, i, t, scope_of(m, si)) || !disabled_ops_known(t))
                continue;
            size_t from = l->count;
            add_model_ops(m, l, t, scope_of(m, si));
            add_index_queries(l, t, scope_of(m, si));
            keep_fields(c, l, from, si, i, t);
        }
    }
    return gen_index(l);
}

/* What field f is, for messages: "list query", "query of a secondary
 * index". */
static const char *what(const gen_list *l, const gen_field *f, char *buf, size_t cap)
{
    if (f->op == OP_INDEX)
        return "query of a secondary index";
    snprintf(buf, cap, "%s %s", l->ops[f->op].name, root_words[f->root]);
    return buf;
}

/* Two generated fields of one name: every one after the first is reported
 * (index queries sort after the models' operations). Two models of the
 * same name are another error (data-duplicate-type). */
static void report_generated(amp_check *c, const gen_list *l, const gen_field *first,
                             const gen_field *f)
{
    if (strcmp(first->model->name, f->model->name) == 0 && first->model != f->model)
        return;
    char fw[48], firstw[48];
    const char *root = root_names[f->root];
    amp_diag *d;
    if (f->op == OP_INDEX)
        d = amp_schema_report(
            c, "data-model-operation-collision", f->at,
            "This index's query field %s is already generated for model %s (its %s), so the "
            "GraphQL %s type would declare it twice and deployment fails (`Object type extension "
            "'%s' cannot redeclare field %s`). Give the index another .queryField(...).",
            f->name, first->model->name, what(l, first, firstw, sizeof firstw), root, root,
            f->name);
    else
        d = amp_schema_report(
            c, "data-model-operation-collision", f->at,
            "Model %s generates the %s %s, but model %s already generates a %s of that name, so "
            "the GraphQL %s type would declare it twice and deployment fails (`Object type "
            "extension '%s' cannot redeclare field %s`). Rename one of the models, or remove the "
            "operation from one with .disableOperations(['%s']).",
            f->model->name, what(l, f, fw, sizeof fw), f->name, first->model->name,
            what(l, first, firstw, sizeof firstw), root, root, f->name, l->ops[f->op].name);
    amp_relate(c, d, first->at, "model %s: %s %s", first->model->name,
               what(l, first, firstw, sizeof firstw), first->name);
}

static void check_generated_collisions(amp_check *c, const gen_list *l)
{
    for (size_t i = 0; i < l->count; i++) {
        const gen_field *a = &l->items[i];
        if (!a->first)
            continue; /* not the first of its name */
        for (size_t k = l->next[i]; k; k = l->next[k - 1])
            report_generated(c, l, a, &l->items[k - 1]);
    }
}

/* ---- custom operations named like generated ones ---------------------------- */

static int root_of_kind(amp_type_kind k)
{
    return k == AMP_TYPE_QUERY || k == AMP_TYPE_GENERATION        ? ROOT_QUERY
           : k == AMP_TYPE_MUTATION || k == AMP_TYPE_CONVERSATION ? ROOT_MUTATION
           : k == AMP_TYPE_SUBSCRIPTION                           ? ROOT_SUBSCRIPTION
                                                                  : ROOT_NONE;
}

/* The model name an operation name names after its operation prefix
 * ("Post" in getPost), or NULL. */
static const char *named_model(const gen_list *l, const char *name)
{
    for (size_t i = 0; i < l->op_count; i++)
        if ((int)i != l->list_op && strncmp(name, l->ops[i].name, l->ops[i].len) == 0 &&
            name[l->ops[i].len])
            return name + l->ops[i].len;
    return NULL;
}

/* Which of the generated fields of one name a custom operation is reported
 * against, lowest first: the operations (get, create, ..., onDelete) and
 * then the index queries of the model the name names (as written, then
 * with a lower-case first letter), any other index query, a list query. */
static int precedence(const gen_list *l, const gen_field *f, const char *rest)
{
    if (f->op == l->list_op)
        return 6;
    const char *m = f->model->name;
    int variant = !rest                  ? 2
                  : strcmp(m, rest) == 0 ? 0
                  : (m[0] == (char)tolower((unsigned char)rest[0]) && strcmp(m + 1, rest + 1) == 0)
                      ? 1
                      : 2;
    return 2 * variant + (f->op == OP_INDEX);
}

static void report_custom(amp_check *c, const gen_list *l, const amp_type *op, const gen_field *f)
{
    const char *name = op->name, *model = f->model->name, *root = root_names[f->root];
    amp_diag *d;
    if (f->op == l->list_op)
        d = amp_schema_report(
            c, "data-operation-name-collision", op->name_loc,
            "Amplify already generates the list query %s for model %s, so the GraphQL Query type "
            "would declare it twice and deployment fails (`Object type extension 'Query' cannot "
            "redeclare field %s`). Rename the custom query, or disable the generated one with "
            ".disableOperations(['list']) on %s.",
            name, model, name, model);
    else
        d = amp_schema_report(
            c, "data-operation-name-collision", op->name_loc,
            "Amplify already generates %s named %s for model %s, so the GraphQL %s type would "
            "declare it twice and deployment fails (`Object type extension '%s' cannot redeclare "
            "field %s`). Rename the custom operation, or disable the generated one with "
            ".disableOperations([...]) on %s.",
            f->op == OP_INDEX ? "the query of a secondary index" : "an operation", name, model,
            root, root, name, model);
    amp_relate(c, d, f->model->name_loc, "model %s", model);
}

/* Custom operations (queries, mutations, subscriptions, generations,
 * conversations) named like a field the models of their schema generate in
 * the same root type: one lookup in the index each. */
static void check_custom_ops(amp_check *c, const gen_list *l)
{
    for (size_t si = 0; si < c->m->schema_count; si++) {
        const amp_schema *s = &c->m->schemas[si];
        int scope = scope_of(c->m, si);
        for (size_t i = 0; i < s->type_count && !l->legacy[si]; i++) {
            const amp_type *op = &s->types[i];
            int root = root_of_kind(op->kind);
            if (root == ROOT_NONE || !op->name)
                continue;
            const char *rest = named_model(l, op->name);
            const gen_field *best = NULL;
            int best_rank = 0;
            for (size_t k = l->slots[gen_slot(l, scope, root, op->name)]; k; k = l->next[k - 1]) {
                int r = precedence(l, &l->items[k - 1], rest);
                if (!best || r < best_rank) {
                    best = &l->items[k - 1];
                    best_rank = r;
                }
            }
            if (best)
                report_custom(c, l, op, best);
        }
    }
}

/* ---- what the generated names were, kept from run to run ---------------------------- */

/* A keystroke changes one model, and a valid schema has no two generated
 * fields of one name: rather than list the thousands of names on every
 * run, each run counts the names by the hash of their scope, root and
 * name, and only a count of two (or a custom operation's name counted
 * once) makes it list them all (check_generated_fields). The names of a
 * model whose record keeps them (AMP_MEMO_GEN_OPS) are counted once, while
 * that record stands; those of a model without one, for the run alone.
 * Hashes that collide only make the run list the names: never a finding
 * missed. */

/* The names one kept record holds, counted while it stands. */
typedef struct gen_source {
    uint64_t id; /* amp_rules_memo_get's id of the kept names; 0: an empty slot */
    int scope;
    uint32_t seen;  /* the run that last found the record */
    uint64_t *keys; /* owned: the hash of each name (gen_key) */
    uint32_t count;
} gen_source;

typedef struct gen_count {
    uint64_t key; /* 0: an empty slot */
    uint32_t n;   /* names of that key counted (may be 0: a slot kept until the table is rebuilt) */
} gen_count;

typedef struct gen_state {
    uint32_t run;
    gen_source *sources; /* owned: open addressing by id and scope */
    size_t source_cap, source_count;
    gen_count *counts; /* owned: open addressing by key */
    size_t count_cap, count_used;
    size_t repeated; /* keys counted twice or more */
} gen_state;

static void gen_state_free(void *p)
{
    gen_state *st = p;
    if (!st)
        return;
    for (size_t i = 0; i < st->source_cap; i++)
        free(st->sources[i].keys);
    free(st->sources);
    free(st->counts);
    free(st);
}

static uint64_t gen_key(int scope, int root, const char *name)
{
    uint64_t h = gen_hash(scope, root, name);
    return h ? h : 1;
}

/* Adds delta (+1 or -1) to the count of key; false when out of memory. */
static bool count_key(gen_state *st, uint64_t key, int delta)
{
    if (2 * (st->count_used + 1) > st->count_cap) {
        size_t live = 0;
        for (size_t i = 0; i < st->count_cap; i++)
            live += st->counts[i].n > 0;
        size_t cap = 1024;
        while (cap < 4 * (live + 1))
            cap *= 2;
        gen_count *grown = calloc(cap, sizeof *grown);
        if (!grown)
            return false;
        for (size_t i = 0; i < st->count_cap; i++) {
            if (!st->counts[i].n)
                continue;
            size_t k = (size_t)st->counts[i].key & (cap - 1);
            while (grown[k].key)
                k = (k + 1) & (cap - 1);
            grown[k] = st->counts[i];
        }
        free(st->counts);
        st->counts = grown;
        st->count_cap = cap;
        st->count_used = live;
    }
    size_t k = (size_t)key & (st->count_cap - 1);
    while (st->counts[k].key && st->counts[k].key != key)
        k = (k + 1) & (st->count_cap - 1);
    gen_count *g = &st->counts[k];
    if (!g->key) {
        if (delta < 0)
            return true;
        g->key = key;
        st->count_used++;
    }
    if (delta > 0 && ++g->n == 2)
        st->repeated++;
    else if (delta < 0 && g->n > 0 && g->n-- == 2)
        st->repeated--;
    return true;
}

static uint32_t key_count(const gen_state *st, uint64_t key)
{
    if (!st->count_cap)
        return 0;
    size_t k = (size_t)key & (st->count_cap - 1);
    while (st->counts[k].key && st->counts[k].key != key)
        k = (k + 1) & (st->count_cap - 1);
    return st->counts[k].n;
}

static size_t source_home(const gen_state *st, uint64_t id, int scope)
{
    uint64_t h = (id ^ (uint64_t)(uint32_t)scope * 0x9e3779b97f4a7c15ull) * 0xff51afd7ed558ccdull;
    return (size_t)(h >> 17) & (st->source_cap - 1);
}

/* The slot of the source of kept names id in scope, made (uncounted, with
 * seen 0) when there is none; NULL when out of memory. */
static gen_source *find_source(gen_state *st, uint64_t id, int scope)
{
    if (2 * (st->source_count + 1) > st->source_cap) {
        size_t cap = st->source_cap ? 2 * st->source_cap : 1024;
        gen_source *old = st->sources, *grown = calloc(cap, sizeof *grown);
        if (!grown)
            return NULL;
        size_t old_cap = st->source_cap;
        st->sources = grown;
        st->source_cap = cap;
        for (size_t i = 0; i < old_cap; i++) {
            if (!old[i].id)
                continue;
            size_t k = source_home(st, old[i].id, old[i].scope);
            while (grown[k].id)
                k = (k + 1) & (cap - 1);
            grown[k] = old[i];
        }
        free(old);
    }
    size_t k = source_home(st, id, scope);
    while (st->sources[k].id && (st->sources[k].id != id || st->sources[k].scope != scope))
        k = (k + 1) & (st->source_cap - 1);
    if (!st->sources[k].id) {
        st->sources[k] = (gen_source){.id = id, .scope = scope};
        st->source_count++;
    }
    return &st->sources[k];
}

/* Empties source slot i (its names uncounted), moving the slots after it
 * back where their probe sequences pass it. */
static void drop_source(gen_state *st, size_t i)
{
    gen_source *s = &st->sources[i];
    for (uint32_t k = 0; k < s->count; k++)
        count_key(st, s->keys[k], -1);
    free(s->keys);
    st->source_count--;
    size_t mask = st->source_cap - 1, j = i;
    for (;;) {
        st->sources[i] = (gen_source){0};
        size_t home;
        do {
            j = (j + 1) & mask;
            if (!st->sources[j].id)
                return;
            home = source_home(st, st->sources[j].id, st->sources[j].scope);
        } while (amp_probe_stays(i, home, j));
        st->sources[i] = st->sources[j];
        i = j;
    }
}

/* Counts the names of the kept bytes of a new source; false when out of
 * memory. */
static bool count_source(gen_state *st, gen_source *src, const unsigned char *bytes, size_t size)
{
    uint32_t n;
    if (size < sizeof n)
        return true;
    memcpy(&n, bytes, sizeof n);
    src->keys = n ? malloc(n * sizeof *src->keys) : NULL;
    if (n && !src->keys)
        return false;
    for (uint32_t i = 0; i < n; i++) {
        gen_kept k;
        memcpy(&k, bytes + sizeof n + i * sizeof k, sizeof k);
        src->keys[src->count] = gen_key(src->scope, k.root, (const char *)bytes + k.name);
        if (!count_key(st, src->keys[src->count], +1))
            return false;
        src->count++;
    }
    return true;
}

/* The fields model t generates, into l (emptied first): l->items holds room
 * for them (op_count and t's indexes). */
static void fresh_fields(const amp_model *m, gen_list *l, const amp_type *t, int scope)
{
    l->count = 0;
    add_model_ops(m, l, t, scope);
    add_index_queries(l, t, scope);
}

/* Counts this run's generated names; true when two of them, or a custom
 * operation and one of them, may share a name (or when it cannot tell):
 * then the names must be listed. */
static bool names_may_repeat(amp_check *c)
{
    void **slot = amp_rules_memo_state(c, AMP_MEMO_STATE_GEN_NAMES, gen_state_free);
    if (!slot)
        return true;
    gen_state *st = *slot;
    if (!st && !(st = *slot = calloc(1, sizeof *st)))
        return true;
    const amp_model *m = c->m;
    st->run++;
    bool unsure = false;
    gen_list l = {0};
    read_ops(&l);
    uint64_t *loose = NULL; /* keys of this run alone: models whose names no record keeps */
    size_t loose_count = 0, loose_cap = 0;
    for (size_t si = 0; si < m->schema_count && !unsure; si++) {
        const amp_schema *s = &m->schemas[si];
        if (amp_schema_legacy(c, si) || !renames_known(s))
            continue;
        int scope = scope_of(m, si);
        for (size_t i = 0; i < s->type_count && !unsure; i++) {
            const amp_type *t = &s->types[i];
            if (t->kind != AMP_TYPE_MODEL || !t->name)
                continue;
            size_t size = 0;
            uint64_t id = 0;
            const unsigned char *bytes = amp_rules_memo_get(c, AMP_MEMO_GEN_OPS, si, i, &size, &id);
            if (!bytes) {
                if (!disabled_ops_known(t))
                    continue;
                size_t need = l.op_count + t->index_count;
                if (need > l.cap) {
                    gen_field *items = realloc(l.items, need * sizeof *items);
                    if (!items) {
                        unsure = true;
                        break;
                    }
                    l.items = items;
                    l.cap = need;
                }
                fresh_fields(m, &l, t, scope);
                keep_fields(c, &l, 0, si, i, t);
                bytes = amp_rules_memo_get(c, AMP_MEMO_GEN_OPS, si, i, &size, &id);
                if (!bytes) {
                    for (size_t k = 0; k < l.count && !unsure; k++) {
                        if (loose_count == loose_cap) {
                            size_t cap = loose_cap ? 2 * loose_cap : 64;
                            uint64_t *grown = realloc(loose, cap * sizeof *grown);
                            if (!grown) {
                                unsure = true;
                                break;
                            }
                            loose = grown;
                            loose_cap = cap;
                        }
                        uint64_t key = gen_key(scope, l.items[k].root, l.items[k].name);
                        if (!count_key(st, key, +1))
                            unsure = true;
                        else
                            loose[loose_count++] = key;
                    }
                    continue;
                }
            }
            gen_source *src = find_source(st, id, scope);
            if (!src) {
                unsure = true;
                break;
            }
            if (src->seen == 0 && !count_source(st, src, bytes, size))
                unsure = true;
            src->seen = st->run;
        }
    }
    /* Sources no model of this run has: their models changed or went. */
    for (size_t i = 0; i < st->source_cap;) {
        if (st->sources[i].id && st->sources[i].seen != st->run)
            drop_source(st, i); /* may move a later slot here: look at i again */
        else
            i++;
    }
    bool repeat = unsure || st->repeated > 0;
    for (size_t si = 0; si < m->schema_count && !repeat; si++) {
        const amp_schema *s = &m->schemas[si];
        int scope = scope_of(m, si);
        for (size_t i = 0; i < s->type_count && !repeat; i++) {
            const amp_type *op = &s->types[i];
            int root = root_of_kind(op->kind);
            repeat = root != ROOT_NONE && op->name && key_count(st, gen_key(scope, root, op->name));
        }
    }
    for (size_t k = 0; k < loose_count; k++)
        count_key(st, loose[k], -1);
    free(loose);
    free(l.items);
    amp_arena_free(&l.names);
    if (unsure) { /* counts that may be half made: start again next run */
        gen_state_free(st);
        *slot = NULL;
    }
    return repeat;
}

static void check_generated_fields(amp_check *c)
{
    if (!names_may_repeat(c))
        return;
    gen_list l = {0};
    if (collect_fields(c, &l)) {
        check_generated_collisions(c, &l);
        check_custom_ops(c, &l);
    }
    free(l.items);
    free(l.slots);
    free(l.next);
    free(l.legacy);
    amp_arena_free(&l.names);
}

/* ---- user-pool rules without auth --------------------------------------------------- */

/* True when rule r goes through the user pool: owner, group and
 * authenticated rules without another provider. */
static bool through_user_pool(const amp_rule *r)
{
    const char *s = r->strategy;
    bool owner = strncmp(s, "owner", 5) == 0;
    bool group = strncmp(s, "group", 5) == 0;
    if (!owner && !group && strcmp(s, "authenticated") != 0)
        return false;
    if (r->provider.s)
        return strcmp(r->provider.s, "userPools") == 0;
    /* a provider argument that is not a literal: not known */
    size_t named = strstr(s, "DefinedIn") || group ? 1 : 0;
    return r->call && r->call->item_count <= named;
}

/* True when rule r goes through the identity pool: allow.guest() (its only
 * provider) and allow.authenticated('identityPool'). */
static bool through_identity_pool(const amp_rule *r)
{
    if (strcmp(r->strategy, "guest") == 0)
        return !r->provider.s || strcmp(r->provider.s, "identityPool") == 0 ||
               strcmp(r->provider.s, "iam") == 0;
    return strcmp(r->strategy, "authenticated") == 0 && r->provider.s &&
           (strcmp(r->provider.s, "identityPool") == 0 || strcmp(r->provider.s, "iam") == 0);
}

static void check_user_pool_rules(amp_check *c, const amp_rule *rules, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const amp_rule *r = &rules[i];
        if (through_identity_pool(r)) {
            /* IAM is always on, so the transformer accepts the rule, and
             * grants its policies to the identity pool's roles, whose names
             * are then undefined (backend-data without an auth resource). */
            amp_schema_report(
                c, "data-auth-identity-pool-unavailable",
                r->provider.s ? r->provider.loc : r->strategy_loc,
                "allow.%s() goes through the Cognito identity pool, but the backend has no auth "
                "resource (no defineAuth or referenceAuth in defineBackend), so there are no "
                "identity pool roles: the build passes and deployment fails (`The role with name "
                "undefined cannot be found.`). Add defineAuth to the backend, or use a rule that "
                "needs no identity pool (e.g. allow.publicApiKey()).",
                r->strategy);
            continue;
        }
        if (!through_user_pool(r))
            continue;
        amp_schema_report(
            c, "data-auth-user-pool-unavailable", r->provider.s ? r->provider.loc : r->strategy_loc,
            "allow.%s() goes through the Cognito user pool, but the backend has no auth resource "
            "(no defineAuth or referenceAuth in defineBackend), so the API has no user pool and "
            "deployment fails (`@auth directive with 'userPools' provider found, but the project "
            "has no Cognito User Pools authentication provider configured.`). Add defineAuth to "
            "the backend, or use a rule that needs no sign-in (e.g. allow.publicApiKey()).",
            r->strategy);
    }
}

static bool custom_handler(const amp_type *t)
{
    return t->handler_count > 0 && strcmp(t->handlers[0].kind, "custom") == 0;
}

static void check_user_pool_schema(amp_check *c, size_t si)
{
    const amp_schema *s = &c->m->schemas[si];
    for (size_t i = 0; i < s->type_count; i++) {
        const amp_type *t = &s->types[i];
        if (t->kind == AMP_TYPE_CONVERSATION) { /* its owner rule needs the user pool too */
            check_user_pool_rules(c, t->rules, t->rule_count);
            continue;
        }
        bool op = t->kind == AMP_TYPE_QUERY || t->kind == AMP_TYPE_MUTATION ||
                  t->kind == AMP_TYPE_SUBSCRIPTION || t->kind == AMP_TYPE_GENERATION;
        /* a.handler.custom: native AppSync directives, which the transformer
         * does not check against the API's modes (what AppSync does with
         * them is not known: no report). */
        if (t->kind != AMP_TYPE_MODEL && (!op || custom_handler(t)))
            continue;
        const amp_rule *rules;
        size_t n;
        bool inherited;
        amp_schema_effective_rules(s, t, &rules, &n, &inherited);
        check_user_pool_rules(c, rules, n);
        for (size_t f = 0; t->kind == AMP_TYPE_MODEL && f < t->field_count; f++)
            check_user_pool_rules(c, t->fields[f].rules, t->fields[f].rule_count);
    }
}

void amp_schema_rules_more(amp_check *c)
{
    check_generated_fields(c);
    if (!amp_backend_without_auth(c))
        return;
    for (size_t si = 0; si < c->m->schema_count; si++) {
        const amp_resource *r = amp_schema_data_resource(c->m, si);
        if (r && r->backend_key && !amp_schema_legacy(c, si))
            check_user_pool_schema(c, si);
    }
}
