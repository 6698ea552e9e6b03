/*
 * rules_schema_auth.c: authorization rules of data schemas: strategies
 * offered in each context, providers, .to([...]) operations (all from the
 * catalogue's allow.json), owner and group fields implied by rules, groups
 * unknown to defineAuth, the restrictions of a.handler.custom and of custom
 * types returned by operations, and field rules that are dropped.
 */
#include "rules_table_schema.h"

#include <stdio.h>
#include <string.h>

#include "amp_catalog.h"

/* Where a list of rules sits: the catalogue type of its `allow` and the
 * context name catalogue entries are tagged with. */
typedef struct rule_place {
    const char *allow;   /* "AllowModel" */
    const char *context; /* "model" */
    const char *what;    /* words for messages: "a model" */
} rule_place;

static const rule_place PLACE_SCHEMA = {"AllowSchema", "schema", "a.schema(...)"};
static const rule_place PLACE_MODEL = {"AllowModel", "model", "a model"};
static const rule_place PLACE_FIELD = {"AllowField", "field", "a field"};
static const rule_place PLACE_REF = {"AllowRef", "ref", "an a.ref() field"};
static const rule_place PLACE_REL = {"AllowRef", "relationship", "a relationship field"};
static const rule_place PLACE_OP = {"AllowCustomOperation", "custom-operation",
                                    "a custom operation"};
static const rule_place PLACE_CONV = {"AllowConversation", "conversation", "a conversation route"};

/* ---- strategies, providers, operations ---------------------------------- */

/* The catalogue entry of the strategy in this place, or NULL when the place
 * does not offer it. */
static const amp_cat_entry *strategy_entry(const rule_place *p, const char *strategy)
{
    const amp_cat_entry *e = amp_cat_child(amp_catalog_find(p->allow), strategy);
    if (!e || amp_cat_kind_of(e) != AMP_CAT_METHOD)
        return NULL;
    if (amp_cat_context_count(e) > 0 && !amp_cat_has_context(e, p->context))
        return NULL;
    return e;
}

/* Lists the strategies a place offers into buf ("publicApiKey, guest, ..."). */
static void offered(const rule_place *p, char *buf, size_t cap)
{
    const amp_cat_entry *type = amp_catalog_find(p->allow);
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < amp_cat_child_count(type) && used + 1 < cap; i++) {
        const amp_cat_entry *e = amp_cat_child_at(type, i);
        if (strategy_entry(p, amp_cat_name(e)))
            used +=
                (size_t)snprintf(buf + used, cap - used, "%s%s", used ? ", " : "", amp_cat_name(e));
    }
}

/* Gen 1 strategy names people still type, and their Gen 2 names. */
static const char *gen2_name(const char *strategy)
{
    if (strcmp(strategy, "private") == 0)
        return "authenticated";
    if (strcmp(strategy, "public") == 0)
        return "publicApiKey";
    return NULL;
}

static void report_strategy(amp_check *c, const rule_place *p, const amp_rule *r)
{
    char list[256], hint[96] = "";
    offered(p, list, sizeof list);
    const char *gen2 = gen2_name(r->strategy);
    bool elsewhere = amp_cat_child(amp_catalog_find("AllowSchema"), r->strategy) != NULL;
    if (gen2)
        snprintf(hint, sizeof hint, " Gen 2 calls it allow.%s().", gen2);
    else if (!elsewhere) {
        const amp_cat_entry *type = amp_catalog_find(p->allow);
        const char *names[32];
        size_t n = 0;
        for (size_t i = 0; i < amp_cat_child_count(type) && n < 32; i++)
            names[n++] = amp_cat_name(amp_cat_child_at(type, i));
        amp_schema_hint(hint, sizeof hint, r->strategy, names, n);
    }
    if (strcmp(r->strategy, "resource") == 0)
        amp_schema_report(c, "data-auth-strategy-unavailable", r->strategy_loc,
                          "allow.resource() is only offered in the schema's own rules, not on %s "
                          "(TypeScript rejects it, and Amplify fails with `allow.resource is not a "
                          "function`). Move it to a.schema({...}).authorization((allow) => "
                          "[allow.resource(fn)]).",
                          p->what);
    else
        amp_schema_report(
            c, "data-auth-strategy-unavailable", r->strategy_loc,
            "allow.%s() is not offered on %s%s (TypeScript rejects it, and Amplify fails "
            "with `allow.%s is not a function`).%s Use one of: %s.",
            r->strategy, p->what, elsewhere ? "" : " or anywhere else", r->strategy, hint, list);
}

/* The "provider" parameter's value descriptor of a strategy, or NULL. */
static const amp_cat_value *provider_param(const amp_cat_entry *e)
{
    for (size_t i = 0; i < amp_cat_param_count(e); i++) {
        const amp_cat_param *prm = amp_cat_param_at(e, i);
        if (strcmp(amp_cat_param_name(prm), "provider") == 0)
            return amp_cat_param_value(prm);
    }
    return NULL;
}

static void check_provider(amp_check *c, const rule_place *p, const amp_rule *r,
                           const amp_cat_entry *e)
{
    if (!r->provider.s)
        return;
    const amp_cat_value *v = provider_param(e);
    if (!v) {
        amp_schema_report(c, "data-auth-provider-invalid", r->provider.loc,
                          "allow.%s() on %s takes no provider (TypeScript rejects the argument); "
                          "remove '%s'.",
                          r->strategy, p->what, r->provider.s);
        return;
    }
    if (amp_cat_value_enum_contains(v, r->provider.s))
        return;
    size_t n = 0;
    const char *const *ok = amp_cat_value_enum(v, &n);
    char list[128] = "", hint[96];
    for (size_t i = 0, used = 0; ok && i < n && used + 1 < sizeof list; i++)
        used += (size_t)snprintf(list + used, sizeof list - used, "%s'%s'", i ? ", " : "", ok[i]);
    amp_schema_hint(hint, sizeof hint, r->provider.s, ok, ok ? n : 0);
    if (!hint[0] && strcmp(r->provider.s, "userPool") == 0)
        snprintf(hint, sizeof hint, " Did you mean 'userPools'?");
    amp_schema_report(
        c, "data-auth-provider-invalid", r->provider.loc,
        "'%s' is not a provider of allow.%s(); it accepts %s.%s Amplify rejects any other "
        "(at run time with `Invalid provider (%s) given!` or when TypeScript checks the "
        "backend).",
        r->provider.s, r->strategy, list, hint, r->provider.s);
}

static void check_operations(amp_check *c, const amp_rule *r, const amp_cat_entry *e)
{
    const amp_cat_entry *to = amp_cat_child(amp_cat_returns(e), "to");
    const amp_cat_value *v =
        to && amp_cat_param_count(to) ? amp_cat_param_value(amp_cat_param_at(to, 0)) : NULL;
    const amp_cat_value *items = amp_cat_value_items(v);
    if (!r->has_to || !items)
        return;
    for (size_t i = 0; i < r->operation_count; i++) {
        const amp_str *op = &r->operations[i];
        if (!op->s || amp_cat_value_enum_contains(items, op->s))
            continue;
        size_t n = 0;
        const char *const *ok = amp_cat_value_enum(items, &n);
        char list[160] = "", hint[96];
        for (size_t k = 0, used = 0; ok && k < n && used + 1 < sizeof list; k++)
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", k ? ", " : "", ok[k]);
        amp_schema_hint(hint, sizeof hint, op->s, ok, ok ? n : 0);
        amp_schema_report(
            c, "data-auth-operation-invalid", op->loc,
            "'%s' is not an operation of allow.%s().to([...]); use %s.%s TypeScript "
            "rejects it, and Amplify would emit it unchecked into the GraphQL schema.",
            op->s, r->strategy, list, hint);
    }
}

static void check_rule_list(amp_check *c, const rule_place *p, const amp_rule *rules, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const amp_rule *r = &rules[i];
        const amp_cat_entry *e = strategy_entry(p, r->strategy);
        if (!e) {
            report_strategy(c, p, r);
            continue;
        }
        check_provider(c, p, r, e);
        check_operations(c, r, e);
    }
}

static void check_field_rules(amp_check *c, const amp_type *t)
{
    for (size_t i = 0; i < t->field_count; i++) {
        const amp_field *f = &t->fields[i];
        if (f->kind == AMP_FIELD_SCALAR)
            check_rule_list(c, &PLACE_FIELD, f->rules, f->rule_count);
        else if (f->kind == AMP_FIELD_REF)
            check_rule_list(c, &PLACE_REF, f->rules, f->rule_count);
        else if (f->kind == AMP_FIELD_HAS_MANY || f->kind == AMP_FIELD_HAS_ONE ||
                 f->kind == AMP_FIELD_BELONGS_TO)
            check_rule_list(c, &PLACE_REL, f->rules, f->rule_count);
        else if (f->kind == AMP_FIELD_CUSTOM && f->inline_type)
            check_field_rules(c, f->inline_type);
    }
}

static void type_strategies(amp_check *c, size_t si, const amp_type *t, const void *arg)
{
    (void)arg;
    (void)si;
    switch (t->kind) {
    case AMP_TYPE_MODEL:
        check_rule_list(c, &PLACE_MODEL, t->rules, t->rule_count);
        check_field_rules(c, t);
        break;
    case AMP_TYPE_CUSTOM:
        check_field_rules(c, t);
        break;
    case AMP_TYPE_QUERY:
    case AMP_TYPE_MUTATION:
    case AMP_TYPE_SUBSCRIPTION:
    case AMP_TYPE_GENERATION:
        check_rule_list(c, &PLACE_OP, t->rules, t->rule_count);
        break;
    case AMP_TYPE_CONVERSATION:
        check_rule_list(c, &PLACE_CONV, t->rules, t->rule_count);
        break;
    default:
        break;
    }
}

static void check_strategies(amp_check *c, size_t si)
{
    const amp_schema *s = &c->m->schemas[si];
    check_rule_list(c, &PLACE_SCHEMA, s->rules, s->rule_count);
    for (size_t i = 0; i < s->type_count; i++)
        amp_rules_memo_type(c, AMP_MEMO_AUTH_STRATEGIES, 0, si, i, type_strategies, NULL);
}

/* ---- implied owner and group fields -------------------------------------- */

/* A field an owner or group rule implies. */
typedef struct implied {
    const char *name;
    bool list;
    amp_loc at; /* the field name in the rule, or the strategy */
    const amp_rule *rule;
} implied;

/* The field r implies, if any. */
static bool implied_of(const amp_rule *r, implied *out)
{
    const char *s = r->strategy;
    out->rule = r;
    if (strcmp(s, "owner") == 0) {
        out->name = "owner";
        out->list = false;
        out->at = r->strategy_loc;
        return true;
    }
    bool single = strcmp(s, "ownerDefinedIn") == 0 || strcmp(s, "groupDefinedIn") == 0;
    bool list = strcmp(s, "ownersDefinedIn") == 0 || strcmp(s, "groupsDefinedIn") == 0;
    if ((!single && !list) || !r->field.s)
        return false;
    out->name = r->field.s;
    out->list = list;
    out->at = r->field.loc;
    return true;
}

#define MAX_IMPLIED 64

/* Adds the fields rules imply to set (skipping resource rules); reports
 * E9 when one name is implied both as one value and as a list. */
static void add_implied(amp_check *c, const amp_type *t, const amp_rule *rules, size_t n,
                        implied *set, size_t *count)
{
    for (size_t i = 0; i < n; i++) {
        implied im;
        if (!implied_of(&rules[i], &im))
            continue;
        size_t k = 0;
        while (k < *count && strcmp(set[k].name, im.name) != 0)
            k++;
        if (k < *count) {
            if (set[k].list != im.list) {
                amp_diag *d = amp_schema_report(
                    c, "data-auth-field-conflict", im.at,
                    "Rules of %s imply field '%s' both as one owner or group (a string) and as "
                    "a list of them; Amplify rejects it (`Field %s defined twice with conflicting "
                    "definitions.`). Use allow.%s... for both rules, or give them different "
                    "fields.",
                    t->name, im.name, im.name,
                    set[k].list ? "owners/groupsDefinedIn" : "owner/groupDefinedIn");
                amp_relate(c, d, set[k].at, "'%s' is implied here as %s", im.name,
                           set[k].list ? "a list" : "one value");
            }
            continue;
        }
        if (*count < MAX_IMPLIED)
            set[(*count)++] = im;
    }
}

/* True when declared field f can hold the implied field im. */
static bool holds(const amp_field *f, const implied *im)
{
    if (f->kind != AMP_FIELD_SCALAR || f->array != im->list)
        return false;
    char id[64];
    snprintf(id, sizeof id, "a.%s", f->scalar);
    const char *sc = amp_cat_attr(amp_catalog_find(id), "string_compatible");
    return !sc || strcmp(sc, "true") == 0;
}

static void check_declared(amp_check *c, const amp_schema *s, const amp_type *t, const implied *im)
{
    const amp_field *f = amp_schema_field(t, im->name);
    if (!f) {
        if (s->sql && amp_schema_fields_known(t))
            amp_schema_report(
                c, "data-sql-auth-field-missing", im->at,
                "SQL model %s has no field '%s', which this rule reads the %s from; "
                "Amplify rejects it (`Field %s isn't defined.`). Add the column to the "
                "table and the field to the model, e.g. `%s: a.string()%s`.",
                t->name, im->name,
                strncmp(im->rule->strategy, "group", 5) == 0 ? "groups" : "owner", im->name,
                im->name, im->list ? ".array()" : "");
        return;
    }
    if (f->kind == AMP_FIELD_UNKNOWN || holds(f, im))
        return;
    const char *shape =
        im->list ? "a list of strings, e.g. `a.string().array()`" : "one string, e.g. `a.string()`";
    amp_diag *d = amp_schema_report(
        c, "data-auth-field-type", f->name_loc,
        "%s.%s must be %s, because allow.%s() stores the %s there; Amplify rejects it "
        "(`Implicit field %s conflicts with the explicit field definition.`). Change the "
        "field, or point the rule at another field.",
        t->name, f->name, shape, im->rule->strategy,
        strncmp(im->rule->strategy, "group", 5) == 0 ? "groups" : "owner", f->name);
    amp_relate(c, d, im->at, "the rule that implies '%s'", im->name);
}

/* E9, E10, E11, E12 for one model. */
static void check_model_fields(amp_check *c, const amp_schema *s, const amp_type *t)
{
    implied set[MAX_IMPLIED];
    size_t n = 0, count = 0;
    const amp_rule *rules;
    bool inherited;
    amp_schema_effective_rules(s, t, &rules, &n, &inherited);
    for (size_t i = 0; i < n; i++)
        if (strcmp(rules[i].strategy, "resource") != 0)
            add_implied(c, t, &rules[i], 1, set, &count);
    for (size_t i = 0; i < t->field_count; i++)
        add_implied(c, t, t->fields[i].rules, t->fields[i].rule_count, set, &count);
    if (t->fields_open)
        return;
    for (size_t i = 0; i < count; i++)
        check_declared(c, s, t, &set[i]);
}

/* ---- groups unknown to defineAuth ---------------------------------------- */

/* The groups defineAuth({ groups }) defines, when the one defineAuth of the
 * backend lists them all as string literals; otherwise NULL. */
static const amp_value *auth_groups(const amp_model *m)
{
    const amp_value *found = NULL;
    int auths = 0;
    for (size_t i = 0; i < m->resource_count; i++) {
        const amp_resource *r = &m->resources[i];
        if (r->kind == AMP_RES_REFERENCE_AUTH)
            return NULL;
        if (r->kind != AMP_RES_AUTH)
            continue;
        auths++;
        const amp_prop *g = r->props && r->props->kind == AMP_VAL_OBJECT && !r->props->open
                                ? amp_value_prop(r->props, "groups")
                                : NULL;
        found = g ? g->value : NULL;
    }
    if (auths != 1 || !found || found->kind != AMP_VAL_ARRAY || found->open)
        return NULL;
    for (size_t i = 0; i < found->item_count; i++)
        if (found->items[i]->kind != AMP_VAL_STRING)
            return NULL;
    return found;
}

static void check_groups_of(amp_check *c, const amp_value *groups, const amp_rule *rules, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const amp_rule *r = &rules[i];
        if ((r->provider.s && strcmp(r->provider.s, "userPools") != 0) ||
            (!r->provider.s && r->call->item_count > 1) || amp_value_method(r->call, "withClaimIn"))
            continue; /* groups from OIDC or a custom claim */
        for (size_t g = 0; g < r->group_count; g++) {
            const amp_str *name = &r->groups[g];
            if (!name->s)
                continue;
            size_t k = 0;
            const char *names[64];
            while (k < groups->item_count && strcmp(groups->items[k]->str, name->s) != 0)
                k++;
            if (k < groups->item_count)
                continue;
            size_t nn = 0;
            for (size_t j = 0; j < groups->item_count && nn < 64; j++)
                names[nn++] = groups->items[j]->str;
            char hint[96];
            amp_schema_hint(hint, sizeof hint, name->s, names, nn);
            amp_diag *d = amp_schema_report(
                c, "data-auth-unknown-group", name->loc,
                "Group '%s' is not one of the groups defineAuth defines; unless the backend "
                "creates it "
                "some other way (CDK), no user can be in it and this rule grants nothing.%s Add "
                "'%s' to defineAuth({ groups: [...] }) or fix the name.",
                name->s, hint, name->s);
            amp_relate(c, d, groups->loc, "the groups defineAuth defines");
        }
    }
}

static void type_groups(amp_check *c, size_t si, const amp_type *t, const void *groups)
{
    (void)si;
    check_groups_of(c, groups, t->rules, t->rule_count);
    for (size_t f = 0; f < t->field_count; f++)
        check_groups_of(c, groups, t->fields[f].rules, t->fields[f].rule_count);
}

static void check_groups(amp_check *c, size_t si)
{
    const amp_schema *s = &c->m->schemas[si];
    const amp_value *groups = auth_groups(c->m);
    if (!groups)
        return;
    check_groups_of(c, groups, s->rules, s->rule_count);
    uint64_t context = 5; /* the group names (the types' findings relate to their list) */
    for (size_t i = 0; i < groups->item_count; i++)
        context = amp_rules_memo_str(context, groups->items[i]->str);
    for (size_t i = 0; i < s->type_count; i++)
        amp_rules_memo_type(c, AMP_MEMO_AUTH_GROUPS, context, si, i, type_groups, groups);
}

/* ---- custom handlers and returned custom types --------------------------- */

/* The message of E14/E15 when a.handler.custom cannot serve rule r, or
 * NULL. */
static const char *custom_handler_problem(const amp_rule *r)
{
    bool groups = strcmp(r->strategy, "group") == 0 || strcmp(r->strategy, "groups") == 0;
    const char *p = r->provider.s;
    if (groups && p && strcmp(p, "oidc") == 0)
        return "OIDC group auth is not supported with a.handler.custom";
    if (strcmp(r->strategy, "guest") == 0 || (p && strcmp(p, "identityPool") == 0))
        return "identityPool-based auth (allow.guest() and allow.authenticated('identityPool')) "
               "is not supported with a.handler.custom";
    return NULL;
}

/* The message of E16/E17 when a native AppSync directive cannot express
 * rule r (an owner rule, or groups through OIDC), or NULL. */
static const char *directive_problem(const amp_rule *r, char *buf, size_t cap)
{
    const char *s = r->strategy;
    if (strcmp(s, "owner") == 0 || strcmp(s, "ownerDefinedIn") == 0 ||
        strcmp(s, "ownersDefinedIn") == 0) {
        snprintf(buf, cap, "Unsupported auth strategy for custom handlers: owner");
        return buf;
    }
    bool groups = strncmp(s, "group", 5) == 0;
    if (groups && r->provider.s && strcmp(r->provider.s, "oidc") == 0) {
        snprintf(buf, cap, "Unsupported provider for custom handlers: %s", r->provider.s);
        return buf;
    }
    return NULL;
}

static bool has_custom_handler(const amp_type *t)
{
    return t->handler_count > 0 && t->handlers[0].kind &&
           strcmp(t->handlers[0].kind, "custom") == 0;
}

/* True when the op returns a custom type of its own schema (a ref to one,
 * or an inline a.customType), which then inherits the op's rules. */
static bool returns_custom_type(amp_check *c, int si, const amp_type *t)
{
    const amp_model *m = c->m;
    if (!t->returns)
        return false;
    if (t->returns->kind == AMP_FIELD_CUSTOM)
        return true;
    if (t->returns->kind != AMP_FIELD_REF || !t->returns->target.s)
        return false;
    const amp_schema *s = &m->schemas[si];
    /* The model's index answers for the schema alone, or for its a.combine
     * group, where the first of the name may be another schema's. */
    const amp_type *found = amp_model_find_type(m, si, t->returns->target.s);
    if (found && found >= s->types && found < s->types + s->type_count)
        return found->kind == AMP_TYPE_CUSTOM;
    c->global |= s->combine >= 0; /* the names of the schema's types */
    for (size_t i = 0; s->combine >= 0 && i < s->type_count; i++)
        if (strcmp(s->types[i].name, t->returns->target.s) == 0)
            return s->types[i].kind == AMP_TYPE_CUSTOM;
    return false;
}

static const char *op_word(amp_type_kind k)
{
    return k == AMP_TYPE_MUTATION       ? "Custom mutation"
           : k == AMP_TYPE_SUBSCRIPTION ? "Custom subscription"
           : k == AMP_TYPE_GENERATION   ? "Generation route"
                                        : "Custom query";
}

static void report_op_rule(amp_check *c, const char *code, const amp_type *t, const amp_rule *r,
                           bool inherited, const char *error, const char *why)
{
    amp_loc at = inherited ? t->name_loc : (r->provider.s ? r->provider.loc : r->strategy_loc);
    amp_diag *d = amp_schema_report(
        c, code, at, "%s %s: Amplify rejects allow.%s()%s (`%s`). %s", op_word(t->kind), t->name,
        r->strategy, inherited ? ", inherited from the schema's rules," : "", error, why);
    if (inherited)
        amp_relate(c, d, r->strategy_loc, "the schema-level rule");
}

static void check_operation_auth(amp_check *c, const amp_schema *s, int si, const amp_type *t)
{
    const amp_rule *rules;
    size_t n;
    bool inherited;
    amp_schema_effective_rules(s, t, &rules, &n, &inherited);
    bool custom = has_custom_handler(t);
    bool ct = returns_custom_type(c, si, t);
    for (size_t i = 0; i < n; i++) {
        const amp_rule *r = &rules[i];
        char buf[128];
        const char *err = NULL;
        if (strcmp(r->strategy, "resource") == 0 ||
            (!inherited && !strategy_entry(&PLACE_OP, r->strategy)))
            continue; /* not offered here: data-auth-strategy-unavailable */
        if (custom && (err = custom_handler_problem(r)) == NULL)
            err = directive_problem(r, buf, sizeof buf);
        if (custom && err) {
            report_op_rule(c, "data-custom-handler-auth", t, r, inherited, err,
                           "JavaScript resolvers (a.handler.custom) support API key, user pool, "
                           "OIDC and Lambda authorization only; give the operation its own rules, "
                           "e.g. .authorization((allow) => [allow.authenticated()]), or use "
                           "a.handler.function(...).");
            continue;
        }
        if (ct && (err = directive_problem(r, buf, sizeof buf)) != NULL)
            report_op_rule(c, "data-return-type-auth", t, r, inherited, err,
                           "The custom type it returns inherits the operation's rules as AppSync "
                           "directives, which cannot express owner rules or OIDC groups; give the "
                           "operation its own rules, e.g. .authorization((allow) => "
                           "[allow.authenticated()]).");
    }
}

/* ---- field rules that are dropped ---------------------------------------- */

static void check_dropped_field_auth(amp_check *c, const amp_type *t, const char *owner)
{
    for (size_t i = 0; i < t->field_count; i++) {
        const amp_field *f = &t->fields[i];
        if (f->kind == AMP_FIELD_CUSTOM && f->inline_type)
            check_dropped_field_auth(c, f->inline_type, owner);
        if (!f->has_auth || f->kind == AMP_FIELD_HAS_MANY || f->kind == AMP_FIELD_HAS_ONE ||
            f->kind == AMP_FIELD_BELONGS_TO || f->kind == AMP_FIELD_UNKNOWN)
            continue;
        const amp_method *m = amp_value_method(f->value, "authorization");
        if (m)
            amp_schema_report(
                c, "data-field-auth-ignored", m->name_loc,
                "Field-level .authorization() on %s.%s is silently dropped: Amplify "
                "applies field rules on models only, never on custom type fields. Move "
                "the rules to the model or operation that exposes %s.",
                owner, f->name, owner);
    }
}

/* ---- entry point ---------------------------------------------------------- */

static void type_auth(amp_check *c, size_t si, const amp_type *t, const void *arg)
{
    (void)arg;
    const amp_schema *s = &c->m->schemas[si];
    if (t->kind == AMP_TYPE_MODEL)
        check_model_fields(c, s, t);
    else if (t->kind == AMP_TYPE_CUSTOM)
        check_dropped_field_auth(c, t, t->name);
    else if (t->kind == AMP_TYPE_QUERY || t->kind == AMP_TYPE_MUTATION ||
             t->kind == AMP_TYPE_SUBSCRIPTION || t->kind == AMP_TYPE_GENERATION)
        check_operation_auth(c, s, (int)si, t);
}

void amp_schema_rules_auth(amp_check *c)
{
    for (size_t si = 0; si < c->m->schema_count; si++) {
        const amp_schema *s = &c->m->schemas[si];
        if (amp_schema_legacy(c, si))
            continue;
        check_strategies(c, si);
        check_groups(c, si);
        uint64_t context = amp_rules_memo_schema_rules(s) ^ s->sql;
        for (size_t i = 0; i < s->type_count; i++)
            amp_rules_memo_type(c, AMP_MEMO_AUTH_TYPE, context, si, i, type_auth, NULL);
        for (size_t i = 0; i < s->type_count; i++)
            for (size_t f = 0; s->types[i].kind == AMP_TYPE_MODEL && f < s->types[i].field_count;
                 f++)
                if (s->types[i].fields[f].kind == AMP_FIELD_CUSTOM &&
                    s->types[i].fields[f].inline_type)
                    check_dropped_field_auth(c, s->types[i].fields[f].inline_type,
                                             s->types[i].name);
    }
}
