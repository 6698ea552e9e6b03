/*
 * rules_options_more.c: option rules where one setting needs another, or
 * another resource:
 *
 * - defineFunction durableConfig needs runtime 22 or later
 *   (@aws-amplify/backend-function factory.ts resolveDurableConfig:
 *   UnsupportedDurableFunctionRuntimeError); the catalogue's `requires`
 *   attr of defineFunction.durableConfig gives the bound, the runtime's
 *   default comes from defineFunction.runtime.
 * - defineFunction logging.level needs logging.format 'json': Amplify passes
 *   the level to the Lambda construct of aws-cdk-lib, which refuses an
 *   application log level with any other format (ValidationError `To use
 *   ApplicationLogLevel and/or SystemLogLevel you must set LoggingFormat to
 *   'JSON'`).
 * - defineAuth senders: custom email and SMS senders with two different
 *   kmsKeyArn (@aws-amplify/auth-construct construct.ts: `KMS key ARN must
 *   be the same for both email and sms senders`).
 * - defineAuth groups listed twice (a construct id collision), and
 *   multifactor OPTIONAL/REQUIRED without any factor (a type error that
 *   stops `ampx` at its TypeScript check).
 * - defineStorage access for signed-in users, guests, groups or entities in
 *   a backend without auth (@aws-amplify/backend-storage access_builder.ts:
 *   `Cannot specify auth access for ... users without defining auth.`).
 */
#define AMP_RULES_OPTIONS_SHARED
#include "rules_table_options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules_backend_version.h"

/* The property key of obj (an OBJECT), or NULL. */
static const amp_prop *member(const amp_value *obj, const char *key)
{
    return obj && obj->kind == AMP_VAL_OBJECT ? amp_value_prop(obj, key) : NULL;
}

/* ---- durableConfig and the runtime ------------------------------------------ */

/* Reads the catalogue's "requires" attr "<key> >= <n>" of entry id. */
static bool requires_at_least(const char *id, char *key, size_t cap, double *min)
{
    const char *req = amp_cat_attr(amp_opt_entry(id), "requires");
    const char *ge = req ? strstr(req, ">=") : NULL;
    if (!ge)
        return false;
    size_t n = (size_t)(ge - req);
    while (n && req[n - 1] == ' ')
        n--;
    snprintf(key, cap, "%.*s", (int)n, req);
    char *end;
    *min = strtod(ge + 2, &end);
    return end != ge + 2;
}

/* The default of option e for the @aws-amplify/backend version in use: the
 * catalogue's default, or its attr default_before.<version> when every
 * version the project allows is below that version. */
static const char *default_of(const amp_check *c, const amp_cat_entry *e)
{
    const char *def = amp_cat_value_default(amp_cat_value_of(e));
    const char *prefix = "default_before.";
    for (size_t i = 0; i < amp_cat_attr_count(e); i++) {
        const char *k = amp_cat_attr_key_at(e, i);
        if (strncmp(k, prefix, strlen(prefix)) == 0 &&
            amp_version_below(c->env->backend_version, k + strlen(prefix)))
            def = amp_cat_attr_value_at(e, i);
    }
    return def;
}

/* durableConfig with a runtime below the catalogue's bound. An explicit
 * runtime that is not a valid value is left to options-invalid-value (the
 * runtime check of Amplify comes first); a missing or falsy runtime is the
 * default. */
static void check_durable_runtime(amp_check *c, const amp_value *props)
{
    const amp_prop *durable = member(props, "durableConfig");
    char key[32];
    double min;
    if (!durable || amp_opt_truthy(durable->value) != 1 ||
        !requires_at_least("defineFunction.durableConfig", key, sizeof key, &min))
        return;
    char id[64];
    snprintf(id, sizeof id, "defineFunction.%s", key);
    const amp_cat_value *d = amp_cat_value_of(amp_opt_entry(id));
    const amp_prop *runtime = member(props, key);
    char text[32];
    if (!runtime) {
        const char *def = default_of(c, amp_opt_entry(id));
        if (props->open || !def || strtod(def, NULL) >= min)
            return;
        amp_report(c, "function-durable-runtime", durable->key_loc,
                   "durableConfig needs %s %g or later, but this function sets no %s and the "
                   "default of the @aws-amplify/backend version in use is %s; Amplify refuses "
                   "it when the backend is built (`Durable functions require runtime %g or "
                   "higher. Current runtime is %s.`). Add `%s: %g`.",
                   key, min, key, def, min, def, key, min);
        return;
    }
    const amp_value *v = runtime->value;
    if (v->kind != AMP_VAL_NUMBER || v->num == 0 || v->num >= min)
        return;
    snprintf(text, sizeof text, "%g", v->num);
    if (!amp_cat_value_enum_contains(d, text))
        return;
    amp_diag *diag = amp_report(
        c, "function-durable-runtime", v->loc,
        "durableConfig needs %s %g or later, but this function sets %s: %s; Amplify refuses it "
        "when the backend is built (`Durable functions require runtime %g or higher. Current "
        "runtime is %s.`). Set `%s: %g` (or later), or remove durableConfig.",
        key, min, key, text, min, text, key, min);
    amp_relate(c, diag, durable->key_loc, "durableConfig is set here");
}

/* ---- logging.level and logging.format ---------------------------------------- */

static void check_log_level(amp_check *c, const amp_value *props)
{
    const amp_prop *logging = member(props, "logging");
    const amp_value *obj = logging ? logging->value : NULL;
    const amp_prop *level = member(obj, "level");
    if (!level || level->value->kind != AMP_VAL_STRING)
        return;
    const amp_prop *format = amp_value_prop(obj, "format");
    if (!format && obj->open)
        return;
    const char *f = format && format->value->kind == AMP_VAL_STRING ? format->value->str : NULL;
    if (format && (!f || strcmp(f, "json") == 0))
        return;
    amp_diag *d = amp_report(
        c, "function-log-level-without-json", level->key_loc,
        "logging.level takes effect only with JSON logs, and this function's logging format is "
        "%s; the Lambda construct refuses the level when the backend is built (`To use "
        "ApplicationLogLevel and/or SystemLogLevel you must set %s to 'JSON', got '%s'.`). Add "
        "`format: 'json'` to logging, or remove level.",
        f ? "'text'" : "not set (plain text)", f ? "LoggingFormat" : "LogFormat",
        f ? "Text" : "undefined");
    if (format)
        amp_relate(c, d, format->value->loc, "the format is set here");
}

/* ---- custom senders' KMS keys -------------------------------------------------- */

/* The kmsKeyArn of a custom sender (an object with a handler key), or
 * NULL when the sender is not custom or the key is not a literal. *unknown
 * is set when that cannot be told. */
static const amp_prop *custom_sender_key(const amp_value *senders, const char *which, bool *unknown)
{
    const amp_prop *p = member(senders, which);
    const amp_value *s = p ? p->value : NULL;
    if (!s)
        return NULL;
    if (s->kind != AMP_VAL_OBJECT || (s->open && !amp_value_prop(s, "handler"))) {
        *unknown = true;
        return NULL;
    }
    const amp_prop *key = amp_value_prop(s, "kmsKeyArn");
    if (!amp_value_prop(s, "handler") || !key)
        return NULL;
    if (key->value->kind != AMP_VAL_STRING) {
        *unknown = true;
        return NULL;
    }
    return key;
}

static void check_sender_keys(amp_check *c, const amp_value *props)
{
    const amp_prop *senders = member(props, "senders");
    bool unknown = false;
    const amp_prop *email = custom_sender_key(senders ? senders->value : NULL, "email", &unknown);
    const amp_prop *sms = custom_sender_key(senders ? senders->value : NULL, "sms", &unknown);
    if (unknown || !email || !sms || strcmp(email->value->str, sms->value->str) == 0)
        return;
    amp_diag *d = amp_report(
        c, "auth-sender-kms-mismatch", sms->value->loc,
        "The custom SMS sender and the custom email sender name different KMS keys; Cognito "
        "uses one key for all custom senders and Amplify refuses the configuration (`KMS key "
        "ARN must be the same for both email and sms senders`). Use the same kmsKeyArn in "
        "both, or set it on one sender only (it then serves both).");
    amp_relate(c, d, email->value->loc, "the email sender's key");
}

/* ---- defineAuth groups and multifactor ------------------------------------------ */

/* A group listed twice: Amplify makes a Cognito group and an IAM role per
 * entry, and the second role's construct id collides. */
static void check_duplicate_groups(amp_check *c, const amp_value *props)
{
    const amp_prop *groups = member(props, "groups");
    const amp_value *list = groups ? groups->value : NULL;
    for (size_t i = 0; list && list->kind == AMP_VAL_ARRAY && i < list->item_count; i++) {
        const amp_value *g = list->items[i];
        for (size_t j = 0; g->kind == AMP_VAL_STRING && j < i; j++) {
            const amp_value *h = list->items[j];
            if (h->kind != AMP_VAL_STRING || strcmp(h->str, g->str) != 0)
                continue;
            amp_diag *d = amp_report(
                c, "auth-duplicate-group", g->loc,
                "The group '%s' is listed twice; Amplify creates a Cognito group and an IAM role "
                "for each entry, and the second fails (`There is already a Construct with name "
                "'%sGroupRole' in AmplifyAuth`). Remove the duplicate.",
                g->str, g->str);
            amp_relate(c, d, h->loc, "the first '%s'", g->str);
            break;
        }
    }
}

/* multifactor with mode 'OPTIONAL' or 'REQUIRED' and no factor key: the
 * type (MFASettings) requires totp, sms or email, so `ampx`'s TypeScript
 * check fails. Only an object written in place: a const may carry a cast. */
static void check_mfa_factor(amp_check *c, const amp_value *props)
{
    const amp_prop *mfa = member(props, "multifactor");
    const amp_value *obj = mfa ? mfa->value : NULL;
    const amp_prop *mode = member(obj, "mode");
    if (!mode || obj->open || obj->binding >= 0 || mode->value->kind != AMP_VAL_STRING ||
        (strcmp(mode->value->str, "OPTIONAL") != 0 && strcmp(mode->value->str, "REQUIRED") != 0))
        return;
    static const char *const factors[] = {"totp", "sms", "email"};
    for (size_t i = 0; i < sizeof factors / sizeof factors[0]; i++)
        if (amp_value_prop(obj, factors[i]))
            return;
    amp_report(c, "auth-mfa-without-factor", mode->value->loc,
               "multifactor mode '%s' names no factor; TypeScript rejects it (`Property 'totp' "
               "is missing in type '{ mode: \"%s\"; }'`), so the sandbox and the pipeline stop "
               "at their type check. Add `totp: true`, `sms: true` or `email: true` (email "
               "needs an SES sender), or use mode: 'OFF'.",
               mode->value->str, mode->value->str);
}

/* ---- storage access without auth ------------------------------------------------- */

/* The IAM role a storage rule's member grants to (as Amplify names it in
 * its error), or NULL for members that need no auth (resource). */
static const char *storage_role(const char *member_name, const amp_value *call, char *buf,
                                size_t cap)
{
    if (strcmp(member_name, "authenticated") == 0 || strcmp(member_name, "entity") == 0)
        return "authenticatedUserIamRole";
    if (strcmp(member_name, "guest") == 0)
        return "unauthenticatedUserIamRole";
    if (strcmp(member_name, "groups") != 0)
        return NULL;
    const amp_value *names = call->item_count ? call->items[0] : NULL;
    if (names && names->kind == AMP_VAL_ARRAY && names->item_count &&
        names->items[0]->kind == AMP_VAL_STRING)
        snprintf(buf, cap, "%s", names->items[0]->str);
    else
        snprintf(buf, cap, "<group>");
    return buf;
}

static void check_storage_without_auth(amp_check *c, const amp_resource *r)
{
    const amp_prop *access = member(r->props, "access");
    const amp_value *fn = access ? access->value : NULL;
    const amp_value *paths = fn && fn->kind == AMP_VAL_FUNCTION ? fn->body : NULL;
    for (size_t i = 0; paths && paths->kind == AMP_VAL_OBJECT && i < paths->prop_count; i++) {
        const amp_value *rules = paths->props[i].value;
        for (size_t k = 0; rules->kind == AMP_VAL_ARRAY && k < rules->item_count; k++) {
            const amp_value *call = rules->items[k];
            if (call->kind != AMP_VAL_CALL || !call->str || strncmp(call->str, "$0.", 3) != 0)
                continue;
            char name[48], group[128];
            size_t n = strcspn(call->str + 3, ".");
            snprintf(name, sizeof name, "%.*s", (int)(n < sizeof name ? n : sizeof name - 1),
                     call->str + 3);
            const char *role = storage_role(name, call, group, sizeof group);
            if (!role)
                continue;
            amp_loc at = call->loc;
            if (call->callee_loc.file == at.file && call->callee_loc.end > at.start)
                at.end = call->callee_loc.end;
            amp_report(c, "storage-access-without-auth", at,
                       "allow.%s grants access through the auth resource's IAM roles, but the "
                       "backend has no auth resource (no defineAuth or referenceAuth in "
                       "defineBackend), so the deployment fails (`Cannot specify auth access for "
                       "%s users without defining auth.`). Add defineAuth to the backend, or "
                       "grant access to functions only with allow.resource(fn).",
                       name, role);
        }
    }
}

void amp_rules_options_more(amp_check *c)
{
    bool no_auth = amp_backend_without_auth(c);
    for (size_t i = 0; i < c->m->resource_count; i++) {
        const amp_resource *r = &c->m->resources[i];
        if (!r->props || r->props->kind != AMP_VAL_OBJECT)
            continue;
        if (r->kind == AMP_RES_FUNCTION) {
            check_durable_runtime(c, r->props);
            check_log_level(c, r->props);
        } else if (r->kind == AMP_RES_AUTH) {
            check_sender_keys(c, r->props);
            check_duplicate_groups(c, r->props);
            check_mfa_factor(c, r->props);
        } else if (r->kind == AMP_RES_STORAGE && no_auth && r->backend_key) {
            check_storage_without_auth(c, r);
        }
    }
}
