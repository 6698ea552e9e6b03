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

/* One root field a model (or one of its indexes) generates. */
typedef struct gen_field {
    int scope; /* the schema, or -1 - the a.combine group */
    const char *root;
    char name[200];
    char op[16];   /* "list", "get", ..., "" for an index query */
    char what[48]; /* "list query", "query of a secondary index", ... */
    const amp_type *model;
    amp_loc at;  /* the model's name, or the index's queryField */
    size_t rank; /* generation order: models' operations, then index queries */
} gen_field;

typedef struct gen_list {
    gen_field *items; /* owned */
    size_t count, cap;
} gen_list;

/* A new zeroed field, or NULL when the list is full. */
static gen_field *gen_add(gen_list *l)
{
    if (l->count == l->cap)
        return NULL;
    gen_field *f = &l->items[l->count];
    memset(f, 0, sizeof *f);
    f->rank = l->count++;
    return f;
}

/* How many operations the catalogue says a model generates. */
static size_t ops_per_model(void)
{
    const amp_cat_entry *e = amp_catalog_find("ModelType.disableOperations");
    size_t n = 0;
    for (size_t a = 0; a < amp_cat_attr_count(e); a++)
        if (strncmp(amp_cat_attr_key_at(e, a), "covers.", 7) == 0)
            for (const char *p = amp_cat_attr_value_at(e, a); *p; p++)
                n += p == amp_cat_attr_value_at(e, a) || p[-1] == ',';
    return n;
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

/* The root type of a coarse operation group of disableOperations. */
static const char *root_of_group(const char *group, size_t n)
{
    if (n == 7 && strncmp(group, "queries", n) == 0)
        return "Query";
    if (n == 9 && strncmp(group, "mutations", n) == 0)
        return "Mutation";
    if (n == 13 && strncmp(group, "subscriptions", n) == 0)
        return "Subscription";
    return NULL;
}

/* Whether model t generates operation op of group (e.g. "onCreate" of
 * "subscriptions"): not disabled, and for a subscription not its mutation. */
static bool generates(const amp_type *t, const char *op, const char *group)
{
    if (disables(t, op, group))
        return false;
    if (strncmp(op, "on", 2) != 0 || strcmp(group, "subscriptions") != 0)
        return true;
    char mutation[32];
    snprintf(mutation, sizeof mutation, "%s", op + 2);
    mutation[0] = (char)(mutation[0] - 'A' + 'a');
    return !disables(t, mutation, "mutations");
}

/* The field name of operation op for model t (list: the plural); false
 * when it cannot be formed. */
static bool op_name(const amp_type *t, const char *op, char *out, size_t cap)
{
    char base[160], cap_base[160];
    if (strcmp(op, "list") == 0) {
        if (!amp_schema_plural(t->name, base, sizeof base))
            return false;
    } else {
        snprintf(base, sizeof base, "%s", t->name);
    }
    amp_schema_capitalize(cap_base, sizeof cap_base, base);
    int n = snprintf(out, cap, "%s%s", op, cap_base);
    /* the transformer shortens subscription names over 50 characters */
    return n > 0 && (size_t)n < cap && (strncmp(op, "on", 2) != 0 || n <= 50);
}

/* Adds the operations model t generates, one per operation of each group
 * the catalogue lists (covers.<group> = "op,op,..."). */
static void add_model_ops(gen_list *l, const amp_type *t, int scope)
{
    const amp_cat_entry *e = amp_catalog_find("ModelType.disableOperations");
    for (size_t a = 0; a < amp_cat_attr_count(e); a++) {
        const char *key = amp_cat_attr_key_at(e, a);
        const char *group = strncmp(key, "covers.", 7) == 0 ? key + 7 : "";
        const char *root = root_of_group(group, strlen(group));
        for (const char *p = amp_cat_attr_value_at(e, a); root && *p;) {
            size_t n = strcspn(p, ",");
            char op[16];
            snprintf(op, sizeof op, "%.*s", (int)(n < sizeof op ? n : sizeof op - 1), p);
            p += n + (p[n] == ',');
            char name[200];
            gen_field *f;
            if (!generates(t, op, group) || !op_name(t, op, name, sizeof name) || !(f = gen_add(l)))
                continue;
            snprintf(f->name, sizeof f->name, "%s", name);
            snprintf(f->op, sizeof f->op, "%s", op);
            snprintf(f->what, sizeof f->what, "%s %s", op,
                     root[0] == 'Q'   ? "query"
                     : root[0] == 'M' ? "mutation"
                                      : "subscription");
            f->scope = scope;
            f->root = root;
            f->model = t;
            f->at = t->name_loc;
        }
    }
}

/* Adds the queries of t's indexes that name their query field. */
static void add_index_queries(gen_list *l, const amp_type *t, int scope)
{
    for (size_t i = 0; i < t->index_count; i++) {
        const amp_index *ix = &t->indexes[i];
        gen_field *f;
        if (!ix->query_field.s || !ix->query_field.s[0] || disables(t, "list", "queries") ||
            !(f = gen_add(l)))
            continue;
        snprintf(f->name, sizeof f->name, "%s", ix->query_field.s);
        f->scope = scope;
        f->root = "Query";
        snprintf(f->what, sizeof f->what, "query of a secondary index");
        f->model = t;
        f->at = ix->query_field.loc;
        f->rank += (size_t)1 << 30; /* added after every model's own operations */
    }
}

/* True when the schema renames models (renameModels): its names differ. */
static bool renames(const amp_schema *s)
{
    return s->value && s->value->kind == AMP_VAL_CALL && amp_value_method(s->value, "renameModels");
}

static int scope_of(const amp_model *m, size_t si)
{
    return m->schemas[si].combine >= 0 ? -1 - m->schemas[si].combine : (int)si;
}

static void collect_fields(amp_check *c, gen_list *l)
{
    size_t per_model = ops_per_model(), n = 0;
    for (size_t si = 0; si < c->m->schema_count; si++)
        for (size_t i = 0; i < c->m->schemas[si].type_count; i++)
            n += per_model + c->m->schemas[si].types[i].index_count;
    l->items = n ? malloc(n * sizeof *l->items) : NULL;
    l->cap = l->items ? n : 0;
    for (size_t si = 0; si < c->m->schema_count; si++) {
        const amp_schema *s = &c->m->schemas[si];
        if (amp_schema_legacy(c, si) || renames(s))
            continue;
        for (size_t i = 0; i < s->type_count; i++) {
            const amp_type *t = &s->types[i];
            if (t->kind != AMP_TYPE_MODEL || !t->name || !disabled_ops_known(t))
                continue;
            add_model_ops(l, t, scope_of(c->m, si));
            add_index_queries(l, t, scope_of(c->m, si));
        }
    }
}

static int by_field(const void *x, const void *y)
{
    const gen_field *a = x, *b = y;
    int d = (a->scope > b->scope) - (a->scope < b->scope);
    if (!d)
        d = strcmp(a->root, b->root);
    if (!d)
        d = strcmp(a->name, b->name);
    return d ? d : (a->rank > b->rank) - (a->rank < b->rank);
}

/* Two generated fields of one name: every one after the first is reported
 * (index queries sort after the models' operations). Two models of the
 * same name are another error (data-duplicate-type). */
static void report_generated(amp_check *c, const gen_field *first, const gen_field *f)
{
    if (strcmp(first->model->name, f->model->name) == 0 && first->model != f->model)
        return;
    amp_diag *d;
    if (!f->op[0])
        d = amp_schema_report(
            c, "data-model-operation-collision", f->at,
            "This index's query field %s is already generated for model %s (its %s), so the "
            "GraphQL %s type would declare it twice and deployment fails (`Object type extension "
            "'%s' cannot redeclare field %s`). Give the index another .queryField(...).",
            f->name, first->model->name, first->what, f->root, f->root, f->name);
    else
        d = amp_schema_report(
            c, "data-model-operation-collision", f->at,
            "Model %s generates the %s %s, but model %s already generates a %s of that name, so "
            "the GraphQL %s type would declare it twice and deployment fails (`Object type "
            "extension '%s' cannot redeclare field %s`). Rename one of the models, or remove the "
            "operation from one with .disableOperations(['%s']).",
            f->model->name, f->what, f->name, first->model->name, first->what, f->root, f->root,
            f->name, f->op);
    amp_relate(c, d, first->at, "model %s: %s %s", first->model->name, first->what, first->name);
}

/* Orders by scope, root and name only (for lookups). */
static int by_name(const gen_field *a, int scope, const char *root, const char *name)
{
    int d = (a->scope > scope) - (a->scope < scope);
    if (!d)
        d = strcmp(a->root, root);
    return d ? d : strcmp(a->name, name);
}

/* Custom queries named like a model's list query (sorted: the fields in
 * by_field order). */
static void check_custom_lists(amp_check *c, const gen_field *sorted, size_t n)
{
    for (size_t si = 0; si < c->m->schema_count; si++) {
        const amp_schema *s = &c->m->schemas[si];
        if (amp_schema_legacy(c, si))
            continue;
        int scope = scope_of(c->m, si);
        for (size_t i = 0; i < s->type_count; i++) {
            const amp_type *op = &s->types[i];
            if ((op->kind != AMP_TYPE_QUERY && op->kind != AMP_TYPE_GENERATION) || !op->name)
                continue;
            size_t lo = 0, hi = n;
            while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (by_name(&sorted[mid], scope, "Query", op->name) < 0)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            for (size_t k = lo; k < n && by_name(&sorted[k], scope, "Query", op->name) == 0; k++) {
                const gen_field *f = &sorted[k];
                if (strcmp(f->op, "list") != 0)
                    continue;
                amp_diag *d = amp_schema_report(
                    c, "data-operation-name-collision", op->name_loc,
                    "Amplify already generates the list query %s for model %s, so the GraphQL "
                    "Query type would declare it twice and deployment fails (`Object type "
                    "extension 'Query' cannot redeclare field %s`). Rename the custom query, or "
                    "disable the generated one with .disableOperations(['list']) on %s.",
                    op->name, f->model->name, op->name, f->model->name);
                amp_relate(c, d, f->model->name_loc, "model %s", f->model->name);
                break;
            }
        }
    }
}

static void check_generated_fields(amp_check *c)
{
    gen_list l = {0};
    collect_fields(c, &l);
    if (l.count)
        qsort(l.items, l.count, sizeof *l.items, by_field);
    for (size_t run = 0, end; run < l.count; run = end) {
        end = run + 1;
        while (end < l.count && l.items[end].scope == l.items[run].scope &&
               strcmp(l.items[end].root, l.items[run].root) == 0 &&
               strcmp(l.items[end].name, l.items[run].name) == 0)
            end++;
        for (size_t k = run + 1; k < end; k++)
            report_generated(c, &l.items[run], &l.items[k]);
    }
    check_custom_lists(c, l.items, l.count);
    free(l.items);
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

static void check_user_pool_rules(amp_check *c, const amp_rule *rules, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const amp_rule *r = &rules[i];
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
        bool op = t->kind == AMP_TYPE_QUERY || t->kind == AMP_TYPE_MUTATION ||
                  t->kind == AMP_TYPE_SUBSCRIPTION || t->kind == AMP_TYPE_GENERATION;
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
