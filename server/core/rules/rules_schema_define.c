/*
 * rules_schema_define.c: defineData options that @aws-amplify/backend-data
 * and @aws-amplify/backend reject at synth: a missing
 * defaultAuthorizationMode when several modes are configured
 * (computeDefaultAuthorizationMode, E61), a default mode that is not
 * configured, and duplicate branch names of migrated Gen 1 tables (E64).
 * The name pattern (E63) and the file of the call (E67) are checked for
 * every resource by resource-name-invalid and backend-resource-wrong-file.
 */
#include "rules_table_schema.h"

#include <stdio.h>
#include <string.h>

typedef enum { AUTH_NO, AUTH_YES, AUTH_UNKNOWN } auth_state;

/* Whether the backend has an auth resource (defineAuth or referenceAuth):
 * NO only when every defineBackend key is a known resource. */
static auth_state auth_present(const amp_model *m)
{
    for (size_t i = 0; i < m->resource_count; i++)
        if (m->resources[i].kind == AMP_RES_AUTH || m->resources[i].kind == AMP_RES_REFERENCE_AUTH)
            return AUTH_YES;
    if (!m->has_backend)
        return AUTH_UNKNOWN;
    for (size_t i = 0; i < m->key_count; i++)
        if (m->keys[i].resource < 0)
            return AUTH_UNKNOWN;
    return AUTH_NO;
}

/* A property whose value is not `undefined`, or NULL. */
static const amp_prop *given(const amp_value *obj, const char *key)
{
    const amp_prop *p = amp_value_prop(obj, key);
    return p && p->value->kind != AMP_VAL_UNDEFINED ? p : NULL;
}

static bool is_mode_key(const char *key)
{
    return strcmp(key, "oidcAuthorizationMode") == 0 ||
           strcmp(key, "lambdaAuthorizationMode") == 0 ||
           strcmp(key, "apiKeyAuthorizationMode") == 0;
}

/* E61, after computeDefaultAuthorizationMode of backend-data. */
static void check_default_mode_required(amp_check *c, const amp_prop *modes, auth_state auth)
{
    const amp_value *obj = modes->value;
    if (obj->kind != AMP_VAL_OBJECT || obj->open || given(obj, "defaultAuthorizationMode") ||
        amp_value_prop(obj, "defaultAuthorizationMode"))
        return;
    bool one_mode = obj->prop_count == 1 && is_mode_key(obj->props[0].key);
    if (one_mode && auth != AUTH_YES)
        return; /* that one mode is the default (or not known) */
    char why[200];
    if (auth == AUTH_YES)
        snprintf(why, sizeof why,
                 "With defineAuth in the backend, its user pool and identity pool "
                 "are authorization modes too");
    else
        snprintf(why, sizeof why, "authorizationModes configures %s",
                 obj->prop_count ? "more than one mode" : "no mode");
    amp_schema_report(c, "data-default-auth-mode-required", modes->key_loc,
                      "%s, so defineData cannot pick a default authorization mode; Amplify "
                      "rejects it at synth (`A defaultAuthorizationMode is required if multiple "
                      "authorization modes are configured`). Add one, e.g. "
                      "`defaultAuthorizationMode: '%s'`.",
                      why, auth == AUTH_YES ? "userPool" : "apiKey");
}

/* A default mode that is not configured anywhere. */
static void check_default_mode_configured(amp_check *c, const amp_prop *modes, auth_state auth)
{
    const amp_value *obj = modes->value;
    const amp_prop *def = amp_value_prop(obj, "defaultAuthorizationMode");
    if (obj->kind != AMP_VAL_OBJECT || obj->open || !def || def->value->kind != AMP_VAL_STRING)
        return;
    const char *mode = def->value->str;
    const char *missing = NULL;
    if (strcmp(mode, "lambda") == 0 && !given(obj, "lambdaAuthorizationMode"))
        missing = "lambdaAuthorizationMode: { function: myAuthorizer }";
    else if (strcmp(mode, "oidc") == 0 && !given(obj, "oidcAuthorizationMode"))
        missing = "oidcAuthorizationMode: { ... }";
    else if (strcmp(mode, "userPool") == 0 && auth == AUTH_NO) {
        /* Without auth the API has no user pool mode. Its IAM mode always
         * exists ('identityPool' maps to it: accepted). With IAM alone the
         * construct ignores the default; with another mode its default
         * lookup finds nothing and synth crashes in the transformer's
         * validateAuthModes. */
        const char *other = given(obj, "apiKeyAuthorizationMode")   ? "apiKeyAuthorizationMode"
                            : given(obj, "oidcAuthorizationMode")   ? "oidcAuthorizationMode"
                            : given(obj, "lambdaAuthorizationMode") ? "lambdaAuthorizationMode"
                                                                    : NULL;
        if (other) {
            amp_schema_report(
                c, "data-default-auth-mode-user-pool-crash", def->value->loc,
                "The default authorization mode is 'userPool', but the backend has no auth "
                "resource, so the API has no user pool; with %s configured as well, Amplify's "
                "build fails with an unhelpful `TypeError: Cannot read properties of undefined "
                "(reading 'authenticationType')`. Add defineAuth({...}) to defineBackend, or "
                "choose a configured default (e.g. 'apiKey').",
                other);
            return;
        }
        amp_schema_report(c, "data-default-auth-mode-unconfigured", def->value->loc,
                          "The default authorization mode is 'userPool', but the backend has no "
                          "auth resource, so the API has no user pool: Amplify silently makes "
                          "IAM the default instead. Add defineAuth({...}) to defineBackend, or "
                          "say `defaultAuthorizationMode: 'identityPool'` (IAM).");
        return;
    }
    if (missing)
        amp_schema_report(c, "data-default-auth-mode-unconfigured", def->value->loc,
                          "The default authorization mode is '%s', but that mode is not "
                          "configured, so the API cannot use it as its default. Add %s, or "
                          "choose a mode that is configured.",
                          mode, missing);
}

/* E64 */
static void check_branches(amp_check *c, const amp_value *props)
{
    const amp_prop *p = amp_value_prop(props, "migratedAmplifyGen1DynamoDbTableMappings");
    const amp_value *list = p ? p->value : NULL;
    for (size_t j = 0; list && list->kind == AMP_VAL_ARRAY && j < list->item_count; j++) {
        const amp_prop *b = amp_value_prop(list->items[j], "branchName");
        if (!b || b->value->kind != AMP_VAL_STRING)
            continue;
        for (size_t i = 0; i < j; i++) {
            const amp_prop *a = amp_value_prop(list->items[i], "branchName");
            if (!a || a->value->kind != AMP_VAL_STRING || strcmp(a->value->str, b->value->str) != 0)
                continue;
            amp_diag *d = amp_schema_report(
                c, "data-table-mapping-duplicate-branch", b->value->loc,
                "Branch '%s' is mapped twice; Amplify rejects it (`Branch names must be unique in "
                "the migratedAmplifyGen1DynamoDbTableMappings`). Merge the two entries.",
                b->value->str);
            amp_relate(c, d, a->value->loc, "the first mapping of '%s'", b->value->str);
            break;
        }
    }
}

/* ---- providers the rules use ------------------------------------------------ */

/* Which authorization modes the API gets: 1 yes, 0 no, -1 not known.
 * (Rules through the user pool are not checked: they need the backend's
 * auth resource, which rule snippets and partial backends often leave out.) */
typedef struct api_modes {
    int api_key, oidc, lambda;
} api_modes;

/* The modes of defineData props (after convertAuthorizationModesToCDK);
 * false when the props are not known. */
static bool modes_of(const amp_value *props, auth_state auth, api_modes *out)
{
    if (!props || props->kind != AMP_VAL_OBJECT || props->open)
        return false;
    const amp_prop *am = given(props, "authorizationModes");
    if (!am) {
        *out = (api_modes){auth == AUTH_NO ? 1 : auth == AUTH_YES ? 0 : -1, 0, 0};
        return true;
    }
    const amp_value *obj = am->value;
    if (obj->kind != AMP_VAL_OBJECT || obj->open)
        return false;
    const amp_prop *def = given(obj, "defaultAuthorizationMode");
    int key = given(obj, "apiKeyAuthorizationMode") ? 1 : 0;
    if (!key && def)
        key = def->value->kind != AMP_VAL_STRING ? -1 : strcmp(def->value->str, "apiKey") == 0;
    *out = (api_modes){key, given(obj, "oidcAuthorizationMode") != NULL,
                       given(obj, "lambdaAuthorizationMode") != NULL};
    return true;
}

/* The provider a rule runs through (with Amplify's defaults). */
static const char *provider_of(const amp_rule *r)
{
    if (strcmp(r->strategy, "publicApiKey") == 0)
        return "apiKey";
    if (strcmp(r->strategy, "guest") == 0 || strcmp(r->strategy, "resource") == 0)
        return "identityPool";
    if (r->provider.s)
        return r->provider.s;
    if (r->call->item_count >
        (strstr(r->strategy, "DefinedIn") || strncmp(r->strategy, "group", 5) == 0 ? 1u : 0u))
        return NULL; /* a provider that is not a literal */
    return strcmp(r->strategy, "custom") == 0 ? "function" : "userPools";
}

static void check_rule_providers(amp_check *c, const api_modes *md, const amp_rule *rules, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *p = provider_of(&rules[i]);
        int on = !p                           ? 1
                 : strcmp(p, "apiKey") == 0   ? md->api_key
                 : strcmp(p, "oidc") == 0     ? md->oidc
                 : strcmp(p, "function") == 0 ? md->lambda
                                              : 1;
        if (on != 0)
            continue;
        const char *fix =
            strcmp(p, "apiKey") == 0 ? "add `apiKeyAuthorizationMode: { expiresInDays: 30 }`"
            : strcmp(p, "oidc") == 0 ? "add `oidcAuthorizationMode: { ... }`"
                                     : "add `lambdaAuthorizationMode: { function: myAuthorizer }`";
        amp_schema_report(c, "data-auth-provider-unconfigured",
                          rules[i].provider.s ? rules[i].provider.loc : rules[i].strategy_loc,
                          "allow.%s() goes through the '%s' provider, which this API does not "
                          "have; Amplify rejects it at deploy (`@auth directive with '%s' provider "
                          "found, but the project has no ... authentication provider "
                          "configured.`). To fix it, %s to defineData's authorizationModes, or use "
                          "another rule.",
                          rules[i].strategy, p, p, fix);
    }
}

static bool has_custom_handler(const amp_type *t)
{
    return t->handler_count > 0 && strcmp(t->handlers[0].kind, "custom") == 0;
}

static void type_providers(amp_check *c, size_t si, const amp_type *t, const void *modes)
{
    const amp_schema *s = &c->m->schemas[si];
    const api_modes *md = modes;
    const amp_rule *rules;
    size_t n;
    bool inherited;
    bool op = t->kind == AMP_TYPE_QUERY || t->kind == AMP_TYPE_MUTATION ||
              t->kind == AMP_TYPE_SUBSCRIPTION || t->kind == AMP_TYPE_GENERATION;
    if (t->kind != AMP_TYPE_MODEL && (!op || has_custom_handler(t)))
        return;
    amp_schema_effective_rules(s, t, &rules, &n, &inherited);
    check_rule_providers(c, md, rules, n);
    for (size_t f = 0; t->kind == AMP_TYPE_MODEL && f < t->field_count; f++)
        check_rule_providers(c, md, t->fields[f].rules, t->fields[f].rule_count);
}

static void check_schema_providers(amp_check *c, size_t si, const api_modes *md)
{
    const amp_schema *s = &c->m->schemas[si];
    uint64_t context = amp_rules_memo_schema_rules(s) ^
                       ((uint64_t)(md->api_key + 2) << 40 | (uint64_t)(md->oidc + 2) << 48 |
                        (uint64_t)(md->lambda + 2) << 56);
    for (size_t i = 0; i < s->type_count; i++)
        amp_rules_memo_type(c, AMP_MEMO_PROVIDERS, context, si, i, type_providers, md);
}

void amp_schema_rules_define(amp_check *c)
{
    auth_state auth = auth_present(c->m);
    for (size_t i = 0; i < c->m->resource_count; i++) {
        const amp_resource *r = &c->m->resources[i];
        if (r->kind != AMP_RES_DATA)
            continue;
        if (!r->props || r->props->kind != AMP_VAL_OBJECT)
            continue;
        check_branches(c, r->props);
        const amp_prop *modes = given(r->props, "authorizationModes");
        if (!modes || r->props->open)
            continue;
        check_default_mode_required(c, modes, auth);
        check_default_mode_configured(c, modes, auth);
    }
    for (size_t si = 0; si < c->m->schema_count; si++) {
        const amp_resource *r = amp_schema_data_resource(c->m, si);
        api_modes md;
        if (r && !amp_schema_legacy(c, si) && modes_of(r->props, auth, &md))
            check_schema_providers(c, si, &md);
    }
}
