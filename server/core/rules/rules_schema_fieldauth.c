/*
 * rules_schema_fieldauth.c: what the Amplify GraphQL auth transformer
 * (amplify-category-api, graphql-auth-transformer) rejects at deploy about
 * a model's rules, replayed on the model:
 *
 * - each rule is a role: provider and strategy, plus the owner field,
 *   group and claim it reads (`userPools:owner:owner:<claim>`); two rules of
 *   one model (its own or the schema's) with the same role fail
 *   (`@auth <role> already exists for <Model>`);
 * - an access matrix gives the model's roles every declared field; a field
 *   with rules of its own gets exactly those. The roles that can `get`
 *   some field must all be able to read each non-null field, or deployment
 *   fails (`When using field-level authorization rules you need to add
 *   rules to all of the model's required fields with at least read
 *   permissions.`); a user-pool (OIDC) `private` role that can read a field
 *   in every way covers the other user-pool (OIDC) roles there.
 */
#include "rules_table_schema.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Model operations, as bits. */
enum {
    OP_CREATE = 1,
    OP_UPDATE = 2,
    OP_DELETE = 4,
    OP_GET = 8,
    OP_LIST = 16,
    OP_SEARCH = 32,
    OP_LISTEN = 64,
    OP_SYNC = 128,
    OP_READ = OP_GET | OP_LIST | OP_SEARCH | OP_LISTEN | OP_SYNC,
    OP_ALL = 255,
};

#define MAX_ROLES 64

/* The roles of one model and the operations each has on each field. */
typedef struct access {
    char keys[MAX_ROLES][160];
    const amp_rule *rules[MAX_ROLES]; /* the rule that created the role */
    size_t role_count;
    size_t field_count;
    unsigned char *ops; /* role_count x field_count, row-major */
} access;

/* ---- roles ----------------------------------------------------------------- */

/* The operation bits of one .to([...]) name; 0 when unknown. */
static unsigned op_bits(const char *op)
{
    static const struct {
        const char *name;
        unsigned bits;
    } ops[] = {{"create", OP_CREATE}, {"update", OP_UPDATE}, {"delete", OP_DELETE},
               {"read", OP_READ},     {"get", OP_GET},       {"list", OP_LIST},
               {"search", OP_SEARCH}, {"listen", OP_LISTEN}, {"sync", OP_SYNC}};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (strcmp(op, ops[i].name) == 0)
            return ops[i].bits;
    return 0;
}

/* The operations a rule grants; false when not known. */
static bool rule_ops(const amp_rule *r, unsigned *out)
{
    *out = OP_ALL;
    if (!r->has_to)
        return true;
    const amp_method *to = amp_value_method(r->call, "to");
    const amp_value *list = to && to->arg_count ? to->args[0] : NULL;
    if (!list || list->kind != AMP_VAL_ARRAY || list->open)
        return false;
    *out = 0;
    for (size_t i = 0; i < r->operation_count; i++) {
        unsigned b = r->operations[i].s ? op_bits(r->operations[i].s) : 0;
        if (!b)
            return false;
        *out |= b;
    }
    return true;
}

/* The position of a strategy's provider argument (SIZE_MAX: none). */
static size_t provider_index(const char *s)
{
    if (strcmp(s, "authenticated") == 0 || strcmp(s, "owner") == 0 || strcmp(s, "custom") == 0)
        return 0;
    if (strstr(s, "DefinedIn") || strcmp(s, "group") == 0 || strcmp(s, "groups") == 0)
        return 1;
    return SIZE_MAX;
}

/* The string argument of chain method name: "" when not called, NULL when
 * not a string literal. */
static const char *claim_of(const amp_rule *r, const char *name)
{
    const amp_method *m = amp_value_method(r->call, name);
    if (!m)
        return "";
    return m->arg_count && m->args[0]->kind == AMP_VAL_STRING ? m->args[0]->str : NULL;
}

/* Joins the parts that are not NULL with ':' into key (truncated to cap):
 * a role key is built for every rule of every model, so no snprintf. */
static void join_key(char *key, size_t cap, const char *a, const char *b, const char *c,
                     const char *d)
{
    const char *parts[4] = {a, b, c, d};
    size_t used = 0;
    for (size_t i = 0; i < 4 && parts[i]; i++) {
        if (i && used + 1 < cap)
            key[used++] = ':';
        for (const char *q = parts[i]; *q && used + 1 < cap; q++)
            key[used++] = *q;
    }
    key[used] = '\0';
}

/* Writes the role keys of rule r (several for allow.groups([...])) through
 * emit; false when the rule is not fully known. */
static bool role_keys(const amp_rule *r, void (*emit)(void *, const char *, const amp_rule *),
                      void *ctx)
{
    const char *s = r->strategy;
    if (!r->provider.s && r->call->item_count > provider_index(s))
        return false; /* a provider that is not a string literal */
    const char *p = r->provider.s ? r->provider.s : "userPools";
    if (strcmp(p, "identityPool") == 0)
        p = "iam";
    bool group = strncmp(s, "group", 5) == 0;
    const char *claim = claim_of(r, group ? "withClaimIn" : "identityClaim");
    char key[160];
    if (!claim)
        return false;
    if (strcmp(s, "publicApiKey") == 0)
        emit(ctx, "apiKey:public", r);
    else if (strcmp(s, "guest") == 0)
        emit(ctx, "iam:public", r);
    else if (strcmp(s, "custom") == 0)
        emit(ctx, "function:custom", r);
    else if (strcmp(s, "authenticated") == 0) {
        join_key(key, sizeof key, p, "private", NULL, NULL);
        emit(ctx, key, r);
    } else if (strcmp(s, "group") == 0 || strcmp(s, "groups") == 0) {
        if (r->group_count == 0)
            return false;
        for (size_t g = 0; g < r->group_count; g++) {
            if (!r->groups[g].s)
                return false;
            join_key(key, sizeof key, p, "staticGroup", r->groups[g].s, claim);
            emit(ctx, key, r);
        }
    } else if (strcmp(s, "owner") == 0 || strstr(s, "DefinedIn")) {
        const char *field = strcmp(s, "owner") == 0 ? "owner" : r->field.s;
        if (!field)
            return false;
        join_key(key, sizeof key, p, group ? "dynamicGroup" : "owner", field, claim);
        emit(ctx, key, r);
    } else {
        return false;
    }
    return true;
}

/* ---- duplicate roles --------------------------------------------------------- */

typedef struct dup_ctx {
    amp_check *c;
    const amp_type *t;
    bool inherited;
    char keys[MAX_ROLES][160];
    const amp_rule *rules[MAX_ROLES];
    size_t count;
} dup_ctx;

/* True for the rules that read a list of owners or groups. */
static bool is_list_rule(const amp_rule *r)
{
    return strcmp(r->strategy, "ownersDefinedIn") == 0 ||
           strcmp(r->strategy, "groupsDefinedIn") == 0;
}

static void note_role(void *p, const char *key, const amp_rule *r)
{
    dup_ctx *d = p;
    for (size_t i = 0; i < d->count; i++) {
        if (strcmp(d->keys[i], key) != 0 || d->rules[i] == r)
            continue;
        if (is_list_rule(r) != is_list_rule(d->rules[i]))
            return; /* one field as a value and a list: data-auth-field-conflict */
        char shown[160];
        snprintf(shown, sizeof shown, "%s", key);
        size_t len = strlen(shown);
        if (len && shown[len - 1] == ':')
            shown[len - 1] = '\0'; /* the default claim */
        amp_diag *diag = amp_schema_report(
            d->c, "data-auth-duplicate-role", r->strategy_loc,
            "%s gets two rules for the same role (%s)%s; Amplify rejects it at deploy (`@auth "
            "%s:%s... already exists for %s`). Merge them into one rule, e.g. with .to([...]) "
            "listing every operation.",
            d->t->name, shown, d->inherited ? " from the schema's rules" : "", d->t->name, shown,
            d->t->name);
        amp_relate(d->c, diag, d->rules[i]->strategy_loc, "the first rule for that role");
        return;
    }
    if (d->count < MAX_ROLES) {
        size_t len = strlen(key);
        if (len >= sizeof d->keys[d->count])
            len = sizeof d->keys[d->count] - 1;
        memcpy(d->keys[d->count], key, len);
        d->keys[d->count][len] = '\0';
        d->rules[d->count++] = r;
    }
}

static void check_duplicate_roles(amp_check *c, const amp_type *t, const amp_rule *rules, size_t n,
                                  bool inherited)
{
    dup_ctx d; /* not zeroed: only the first d.count keys are read */
    d.c = c;
    d.t = t;
    d.inherited = inherited;
    d.count = 0;
    for (size_t i = 0; i < n; i++)
        if (strcmp(rules[i].strategy, "resource") != 0 && !role_keys(&rules[i], note_role, &d))
            return;
}

/* ---- the access matrix ------------------------------------------------------- */

typedef struct grant_ctx {
    access *acc;
    size_t field; /* SIZE_MAX: every field */
    unsigned ops;
    bool full;
} grant_ctx;

static int role_index(const access *acc, const char *key)
{
    for (size_t i = 0; i < acc->role_count; i++)
        if (strcmp(acc->keys[i], key) == 0)
            return (int)i;
    return -1;
}

static void grant(void *p, const char *key, const amp_rule *r)
{
    grant_ctx *g = p;
    access *acc = g->acc;
    int i = role_index(acc, key);
    if (i < 0) {
        if (acc->role_count == MAX_ROLES) {
            g->full = true;
            return;
        }
        i = (int)acc->role_count++;
        snprintf(acc->keys[i], sizeof acc->keys[i], "%s", key);
        acc->rules[i] = r;
    }
    for (size_t f = 0; f < acc->field_count; f++)
        if (g->field == SIZE_MAX || g->field == f)
            acc->ops[(size_t)i * acc->field_count + f] = (unsigned char)g->ops;
}

/* Applies rules to one field (or every field); false when not known. */
static bool apply(access *acc, const amp_rule *rules, size_t n, size_t field)
{
    for (size_t i = 0; i < n; i++) {
        grant_ctx g = {acc, field, 0, false};
        if (strcmp(rules[i].strategy, "resource") == 0)
            continue;
        if (!rule_ops(&rules[i], &g.ops) || !role_keys(&rules[i], grant, &g) || g.full)
            return false;
    }
    return true;
}

static unsigned ops_of(const access *acc, size_t role, size_t field)
{
    return acc->ops[role * acc->field_count + field];
}

/* True when field f of t is rendered non-null. */
static bool non_null(const amp_type *t, const amp_field *f)
{
    const char *pk = !t->has_identifier ? "id" : t->identifier_count ? t->identifier[0].s : NULL;
    if (pk && strcmp(pk, f->name) == 0 && f->kind == AMP_FIELD_SCALAR)
        return true;
    if (f->kind == AMP_FIELD_SCALAR || f->kind == AMP_FIELD_REF)
        return f->array ? f->array_required : f->required;
    return f->kind == AMP_FIELD_HAS_ONE && f->required;
}

/* The first role that can `get` some field but cannot read field f, after
 * the private-role cover; -1 when none. */
static int unreadable_by(const access *acc, size_t f)
{
    int up = role_index(acc, "userPools:private"), oidc = role_index(acc, "oidc:private");
    bool up_covers = up >= 0 && (ops_of(acc, (size_t)up, f) & OP_READ) == OP_READ;
    bool oidc_covers = oidc >= 0 && (ops_of(acc, (size_t)oidc, f) & OP_READ) == OP_READ;
    for (size_t r = 0; r < acc->role_count; r++) {
        bool reads_some = false;
        for (size_t k = 0; k < acc->field_count && !reads_some; k++)
            reads_some = (ops_of(acc, r, k) & OP_GET) != 0;
        if (!reads_some || (ops_of(acc, r, f) & OP_READ))
            continue;
        if ((up_covers && strncmp(acc->keys[r], "userPools:", 10) == 0) ||
            (oidc_covers && strncmp(acc->keys[r], "oidc:", 5) == 0))
            continue;
        return (int)r;
    }
    return -1;
}

static void report_field(amp_check *c, const amp_type *t, const amp_field *f, const access *acc,
                         int r)
{
    amp_diag *d = amp_schema_report(
        c, "data-field-auth-required-fields", f->name_loc,
        "%s.%s is required, but its own rules do not let allow.%s() read it, while that rule "
        "reads other fields of %s; Amplify rejects it at deploy (`When using field-level "
        "authorization rules you need to add rules to all of the model's required fields with at "
        "least read permissions.`). Let that rule read %s too, or make the field optional.",
        t->name, f->name, acc->rules[r]->strategy, t->name, f->name);
    amp_relate(c, d, acc->rules[r]->strategy_loc, "the rule that reads other fields of %s",
               t->name);
}

/* The declared fields of t, last duplicate winning; NULL on failure. */
static const amp_field **unique_fields(const amp_type *t, size_t *n)
{
    const amp_field **out = malloc((t->field_count ? t->field_count : 1) * sizeof *out);
    *n = 0;
    for (size_t i = 0; out && i < t->field_count; i++)
        if (t->fields[i].name && amp_schema_field(t, t->fields[i].name) == &t->fields[i])
            out[(*n)++] = &t->fields[i];
    return out;
}

static void check_required_fields(amp_check *c, const amp_type *t, const amp_rule *rules, size_t n)
{
    /* Only fields with rules of their own can be left unreadable. */
    bool field_rules = false;
    for (size_t f = 0; f < t->field_count && !field_rules; f++)
        field_rules = t->fields[f].has_auth && t->fields[f].rule_count;
    if (!field_rules)
        return;
    size_t count;
    const amp_field **fields = unique_fields(t, &count);
    access *acc = calloc(1, sizeof *acc);
    bool any = false;
    if (!fields || !acc || !count || !(acc->ops = calloc(MAX_ROLES * count, 1)))
        goto done;
    acc->field_count = count;
    if (!apply(acc, rules, n, SIZE_MAX))
        goto done;
    for (size_t f = 0; f < count; f++) {
        if (!fields[f]->has_auth || fields[f]->rule_count == 0)
            continue;
        if (!fields[f]->rules_known)
            goto done;
        any = true;
        for (size_t r = 0; r < acc->role_count; r++)
            acc->ops[r * count + f] = 0;
        if (!apply(acc, fields[f]->rules, fields[f]->rule_count, f))
            goto done;
    }
    for (size_t f = 0; any && f < count; f++) {
        int r = non_null(t, fields[f]) ? unreadable_by(acc, f) : -1;
        if (r >= 0)
            report_field(c, t, fields[f], acc, r);
    }
done:
    if (acc)
        free(acc->ops);
    free(acc);
    free(fields);
}

static void fieldauth_type(amp_check *c, size_t si, const amp_type *t, const void *arg)
{
    (void)arg;
    const amp_schema *s = &c->m->schemas[si];
    const amp_rule *rules;
    size_t n;
    bool inherited;
    if (t->kind != AMP_TYPE_MODEL)
        return;
    bool known = amp_schema_effective_rules(s, t, &rules, &n, &inherited);
    check_duplicate_roles(c, t, rules, n, inherited);
    if (known && !s->sql && amp_schema_fields_known(t))
        check_required_fields(c, t, rules, n);
}

void amp_schema_rules_fieldauth(amp_check *c)
{
    for (size_t si = 0; si < c->m->schema_count; si++) {
        const amp_schema *s = &c->m->schemas[si];
        if (amp_schema_legacy(c, si))
            continue;
        uint64_t context = amp_rules_memo_schema_rules(s) ^ s->sql;
        for (size_t i = 0; i < s->type_count; i++)
            amp_rules_memo_type(c, AMP_MEMO_FIELDAUTH, context, si, i, fieldauth_type, NULL);
    }
}
