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
    else if ((strcmp(mode, "userPool") == 0 || strcmp(mode, "identityPool") == 0) &&
             auth == AUTH_NO)
        missing = "an auth resource: defineAuth({...}) passed to defineBackend";
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
}
