/*
 * rules_options_storage.c: defineStorage rules beyond single options: the
 * ten access-path rules of Amplify's path validator (reported at the path
 * key, first failing rule per path, in Amplify's order), one grant per role
 * and path, 'read' beside 'get'/'list', groups that defineAuth does not
 * define, and the default-bucket rules across every defineStorage call.
 */
#define AMP_RULES_OPTIONS_SHARED
#include "rules_table_options.h"

#include <stdio.h>
#include <string.h>

#define ENTITY_TOKEN "{entity_id}"
#define MAX_PATHS 128

/* The object of path -> rules an access callback returns, or NULL. */
static const amp_value *access_paths(const amp_value *props)
{
    const amp_prop *access = props ? amp_value_prop(props, "access") : NULL;
    const amp_value *fn = access ? access->value : NULL;
    if (!fn || fn->kind != AMP_VAL_FUNCTION || !fn->body || fn->body->kind != AMP_VAL_OBJECT)
        return NULL;
    return fn->body;
}

/* The part of path (between slashes) that holds the entity token, copied
 * to out; false when there is none. */
static bool token_part(const char *path, char *out, size_t cap)
{
    const char *t = strstr(path, ENTITY_TOKEN);
    if (!t)
        return false;
    const char *start = t;
    while (start > path && start[-1] != '/')
        start--;
    const char *end = strchr(t, '/');
    size_t n = end ? (size_t)(end - start) : strlen(start);
    snprintf(out, cap, "%.*s", (int)n, start);
    return true;
}

/* P1-P4 and P7-P10: the format of one path on its own. Returns the message
 * of the first rule it breaks (written to msg), or false. */
static bool format_problem(const char *path, bool after_prefix_rules, char *msg, size_t cap)
{
    size_t n = strlen(path);
    const char *star = strchr(path, '*');
    if (!after_prefix_rules) {
        if (path[0] == '/')
            snprintf(msg, cap, "must not start with '/'; write '%s'", path + 1);
        else if (n < 2 || strcmp(path + n - 2, "/*") != 0)
            snprintf(msg, cap, "must end with '/*' (a folder and everything below it), e.g. '%s%s'",
                     path, n && path[n - 1] == '/' ? "*" : "/*");
        else if (strstr(path, "//"))
            snprintf(msg, cap, "contains '//' (an empty folder name); remove the extra '/'");
        else if (star && star != path + n - 1)
            snprintf(msg, cap, "has a '*' before the end; a wildcard may only be the final '/*'");
        else
            return false;
        return true;
    }
    const char *tok = strstr(path, ENTITY_TOKEN);
    char part[128];
    if (!tok)
        return false;
    token_part(path, part, sizeof part);
    if (strstr(tok + 1, ENTITY_TOKEN))
        snprintf(msg, cap, "contains " ENTITY_TOKEN " twice; keep only one");
    else if (n < strlen(ENTITY_TOKEN "/*") ||
             strcmp(path + n - strlen(ENTITY_TOKEN "/*"), ENTITY_TOKEN "/*") != 0)
        snprintf(msg, cap,
                 "must have " ENTITY_TOKEN
                 " as the last folder before the final '/*', e.g. 'media/" ENTITY_TOKEN "/*'");
    else if (strncmp(path, ENTITY_TOKEN, strlen(ENTITY_TOKEN)) == 0)
        snprintf(msg, cap,
                 "starts with " ENTITY_TOKEN "; put a folder before it, e.g. 'private/" ENTITY_TOKEN
                 "/*'");
    else if (strcmp(part, ENTITY_TOKEN) != 0)
        snprintf(msg, cap,
                 "has other characters in the folder '%s' beside " ENTITY_TOKEN
                 "; make that folder exactly " ENTITY_TOKEN,
                 part);
    else
        return false;
    return true;
}

/* True when other (a different path) is a prefix of path in Amplify's
 * sense: path starts with other minus its final '*'. */
static bool is_prefix(const char *other, const char *path)
{
    size_t n = strlen(other);
    if (strcmp(other, path) == 0 || n == 0)
        return false;
    if (other[n - 1] == '*')
        n--;
    return strncmp(path, other, n) == 0;
}

/* P5 and P6: how a path nests under the other paths of the bucket. */
static bool prefix_problem(amp_check *c, const amp_value *paths, size_t i)
{
    const amp_prop *p = &paths->props[i];
    const amp_prop *prefixes[MAX_PATHS];
    size_t n = 0;
    for (size_t j = 0; j < paths->prop_count && n < MAX_PATHS; j++)
        if (j != i && amp_value_prop(paths, paths->props[j].key) == &paths->props[j] &&
            is_prefix(paths->props[j].key, p->key))
            prefixes[n++] = &paths->props[j];
    bool entity = strstr(p->key, ENTITY_TOKEN) != NULL;
    if (n <= 1 && !(entity && n == 1))
        return false;
    amp_diag *d;
    if (n > 1)
        d = amp_report(
            c, "storage-path-prefix-conflict", p->key_loc,
            "'%s' lies under %zu other access paths (e.g. '%s' and '%s'); Amplify allows at "
            "most one path above another. Remove or merge one of them.",
            p->key, n, prefixes[0]->key, prefixes[1]->key);
    else
        d = amp_report(c, "storage-path-prefix-conflict", p->key_loc,
                       "'%s' contains " ENTITY_TOKEN
                       " but lies under '%s'; Amplify does not allow any "
                       "path above a path with " ENTITY_TOKEN ". Move it to a folder of its own.",
                       p->key, prefixes[0]->key);
    for (size_t k = 0; k < n; k++)
        amp_relate(c, d, prefixes[k]->key_loc, "'%s' is a prefix", prefixes[k]->key);
    return true;
}

/* The ten path rules, in Amplify's order; one report per path. */
static void check_paths(amp_check *c, const amp_value *paths)
{
    char msg[300];
    for (size_t i = 0; i < paths->prop_count; i++) {
        const amp_prop *p = &paths->props[i];
        if (amp_value_prop(paths, p->key) != p)
            continue;
        bool bad = format_problem(p->key, false, msg, sizeof msg);
        if (!bad && !paths->open && prefix_problem(c, paths, i))
            continue;
        if (!bad)
            bad = format_problem(p->key, true, msg, sizeof msg);
        if (bad)
            amp_report(c, "storage-invalid-path", p->key_loc, "The storage path '%s' %s.", p->key,
                       msg);
    }
}

/* ---- the rules of one path ---------------------------------------------------- */

/* The member path of a storage rule ("guest", "entity", "groups") from its
 * call path "$0.guest.to", or NULL. */
static const char *rule_member(const amp_value *call, char *out, size_t cap)
{
    if (call->kind != AMP_VAL_CALL || !call->str || strncmp(call->str, "$0.", 3) != 0)
        return NULL;
    const char *s = call->str + 3;
    const char *dot = strchr(s, '.');
    snprintf(out, cap, "%.*s", (int)(dot ? (size_t)(dot - s) : strlen(s)), s);
    return out;
}

/* The actions array of a storage rule (the argument of .to), or NULL. */
static const amp_value *rule_actions(const amp_value *call)
{
    size_t n = strlen(call->str);
    if (n > 3 && strcmp(call->str + n - 3, ".to") == 0)
        return call->item_count ? call->items[0] : NULL;
    const amp_method *to = amp_value_method(call, "to");
    return to && to->arg_count ? to->args[0] : NULL;
}

/* One grantee of a rule, for duplicate detection. */
typedef struct grantee {
    char key[96];   /* e.g. "groups EDITORS" */
    char label[96]; /* e.g. "the group 'EDITORS'" */
    const amp_value *call;
} grantee;

/* The range of a rule's callee at its use ("allow.groups"): from the start
 * of the call to the end of the callee. */
static amp_loc rule_loc(const amp_value *call)
{
    amp_loc at = call->loc;
    if (call->callee_loc.file == at.file && call->callee_loc.end > at.start)
        at.end = call->callee_loc.end;
    return at;
}

/* Fills one grantee of member (with argument arg, or NULL). */
static void set_grantee(grantee *g, const char *member, const char *arg, const amp_value *call)
{
    snprintf(g->key, sizeof g->key, "%s%s%s", member, arg ? " " : "", arg ? arg : "");
    if (strcmp(member, "groups") == 0)
        snprintf(g->label, sizeof g->label, "the group '%s'", arg ? arg : "?");
    else if (arg)
        snprintf(g->label, sizeof g->label, "%s('%s')", member, arg);
    else
        snprintf(g->label, sizeof g->label, "%s users", member);
    g->call = call;
}

/* Adds the grantees of one rule call (members marked once_per_path). */
static size_t rule_grantees(const amp_value *call, grantee *out, size_t cap)
{
    char member[48];
    if (!rule_member(call, member, sizeof member))
        return 0;
    const amp_cat_entry *m = amp_cat_child(amp_opt_entry("AllowStorage"), member);
    if (!m || !amp_cat_attr(m, "once_per_path"))
        return 0;
    const amp_value *arg =
        amp_cat_kind_of(m) == AMP_CAT_METHOD && call->item_count ? call->items[0] : NULL;
    size_t n = 0;
    if (amp_cat_kind_of(m) != AMP_CAT_METHOD) {
        set_grantee(&out[n++], member, NULL, call);
    } else if (arg && arg->kind == AMP_VAL_STRING) {
        set_grantee(&out[n++], member, arg->str, call);
    } else if (arg && arg->kind == AMP_VAL_ARRAY) {
        for (size_t i = 0; i < arg->item_count && n < cap; i++)
            if (arg->items[i]->kind == AMP_VAL_STRING)
                set_grantee(&out[n++], member, arg->items[i]->str, call);
    }
    return n;
}

/* Each role (guest, authenticated, a group, an entity) at most once per path. */
static void check_duplicates(amp_check *c, const amp_prop *path)
{
    const amp_value *rules = path->value;
    if (rules->kind != AMP_VAL_ARRAY)
        return;
    grantee seen[64];
    size_t n = 0;
    for (size_t i = 0; i < rules->item_count; i++) {
        grantee mine[16];
        size_t k = rule_grantees(rules->items[i], mine, 16);
        for (size_t j = 0; j < k; j++) {
            size_t s = 0;
            while (s < n && strcmp(seen[s].key, mine[j].key) != 0)
                s++;
            if (s < n) {
                amp_diag *d =
                    amp_report(c, "storage-duplicate-access", rule_loc(mine[j].call),
                               "Access to '%s' is granted twice to %s; Amplify requires one "
                               "rule per role and path. Merge the actions into one .to([...]).",
                               path->key, mine[j].label);
                amp_relate(c, d, rule_loc(seen[s].call), "the first rule for %s", mine[j].label);
            } else if (n < 64) {
                seen[n++] = mine[j];
            }
        }
    }
}

/* True when the array holds the string s. */
static const amp_value *array_has(const amp_value *arr, const char *s, size_t len)
{
    for (size_t i = 0; i < arr->item_count; i++)
        if (arr->items[i]->kind == AMP_VAL_STRING && strlen(arr->items[i]->str) == len &&
            strncmp(arr->items[i]->str, s, len) == 0)
            return arr->items[i];
    return NULL;
}

/* 'read' cannot be listed with 'get' or 'list' (the catalogue's
 * exclusive attr "read:get,list"). */
static void check_overlap(amp_check *c, const amp_value *call)
{
    const amp_value *actions = rule_actions(call);
    const char *rule = amp_cat_attr(amp_opt_entry("StorageAccessRule.to"), "exclusive");
    const char *colon = rule ? strchr(rule, ':') : NULL;
    if (!actions || actions->kind != AMP_VAL_ARRAY || !colon)
        return;
    const amp_value *whole = array_has(actions, rule, (size_t)(colon - rule));
    for (const char *p = colon + 1; whole && *p;) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        const amp_value *part = array_has(actions, p, n);
        if (part) {
            amp_report(
                c, "storage-action-overlap", part->loc,
                "'%s' is already part of '%s'; the action list may hold '%s' or its parts, not "
                "both. Remove '%s'.",
                part->str, whole->str, whole->str, part->str);
            return;
        }
        p += n + (comma ? 1 : 0);
    }
}

/* The groups the backend's one auth resource defines: *groups receives an
 * ARRAY (defineAuth) or OBJECT (referenceAuth) value, or NULL for none.
 * False when that is not known. */
static bool auth_group_list(const amp_model *m, const amp_value **groups)
{
    const amp_resource *auth = NULL;
    for (size_t i = 0; i < m->resource_count; i++) {
        const amp_resource *r = &m->resources[i];
        if (r->kind != AMP_RES_AUTH && r->kind != AMP_RES_REFERENCE_AUTH)
            continue;
        if (auth)
            return false;
        auth = r;
    }
    if (!auth || !auth->props || auth->props->kind != AMP_VAL_OBJECT)
        return false;
    bool unknown = false;
    const amp_value *g = amp_opt_path(auth->props, "groups", &unknown);
    if (unknown || (g && g->open))
        return false;
    if (g && g->kind == AMP_VAL_ARRAY) {
        for (size_t i = 0; i < g->item_count; i++)
            if (g->items[i]->kind != AMP_VAL_STRING)
                return false;
    } else if (g && g->kind != AMP_VAL_OBJECT) {
        return false;
    }
    *groups = g;
    return true;
}

/* True when the groups value (array of names or record by name) holds name. */
static bool has_group(const amp_value *groups, const char *name)
{
    if (!groups)
        return false;
    if (groups->kind == AMP_VAL_OBJECT)
        return amp_value_prop(groups, name) != NULL;
    for (size_t i = 0; i < groups->item_count; i++)
        if (strcmp(groups->items[i]->str, name) == 0)
            return true;
    return false;
}

/* allow.groups([...]) must name groups of the auth resource. */
static void check_groups(amp_check *c, const amp_value *call)
{
    char member[48];
    const amp_value *groups = NULL;
    if (!rule_member(call, member, sizeof member) || strcmp(member, "groups") != 0 ||
        !call->item_count || call->items[0]->kind != AMP_VAL_ARRAY ||
        !auth_group_list(c->m, &groups))
        return;
    const amp_value *names = call->items[0];
    const char *defined[64];
    size_t n = 0;
    bool record = groups && groups->kind == AMP_VAL_OBJECT;
    size_t count = !groups ? 0 : record ? groups->prop_count : groups->item_count;
    for (size_t i = 0; i < count && n < 64; i++) {
        const char *name = record ? groups->props[i].key : groups->items[i]->str;
        if (name)
            defined[n++] = name;
    }
    for (size_t i = 0; i < names->item_count; i++) {
        const amp_value *g = names->items[i];
        if (g->kind != AMP_VAL_STRING || has_group(groups, g->str))
            continue;
        const char *hint = amp_opt_closest(g->str, defined, n);
        char suggestion[120] = "";
        if (hint)
            snprintf(suggestion, sizeof suggestion, " Did you mean '%s'?", hint);
        amp_report(
            c, "storage-unknown-group", g->loc,
            "The group '%s' is not defined by the auth resource, so Amplify finds no IAM role for "
            "it and the deployment fails.%s Add it to defineAuth's groups (e.g. `groups: ['%s']`) "
            "or fix the name.",
            g->str, suggestion, g->str);
    }
}

void amp_rules_options_storage(amp_check *c, const amp_resource *r)
{
    const amp_value *paths = access_paths(r->props);
    if (!paths)
        return;
    check_paths(c, paths);
    for (size_t i = 0; i < paths->prop_count; i++) {
        const amp_prop *p = &paths->props[i];
        if (amp_value_prop(paths, p->key) != p || p->value->kind != AMP_VAL_ARRAY)
            continue;
        check_duplicates(c, p);
        for (size_t k = 0; k < p->value->item_count; k++) {
            const amp_value *call = p->value->items[k];
            if (call->kind != AMP_VAL_CALL || !call->str)
                continue;
            check_overlap(c, call);
            if (r->backend_key) /* the group is looked up when the bucket is built */
                check_groups(c, call);
        }
    }
}

/* ---- default bucket ---------------------------------------------------------- */

/* isDefault of a bucket: 1 true, 0 false or absent, -1 not known. */
static int is_default(const amp_resource *r)
{
    if (!r->props || r->props->kind != AMP_VAL_OBJECT)
        return -1;
    const amp_prop *p = amp_value_prop(r->props, "isDefault");
    if (!p)
        return r->props->open ? -1 : 0;
    return p->value->kind == AMP_VAL_BOOL ? p->value->b : -1;
}

void amp_rules_options_buckets(amp_check *c)
{
    const amp_resource *buckets[64], *defaults[64];
    size_t n = 0, nd = 0;
    bool all_known = true;
    for (size_t i = 0; i < c->m->resource_count; i++) {
        const amp_resource *r = &c->m->resources[i];
        if (r->kind != AMP_RES_STORAGE)
            continue;
        if (!r->backend_key) {
            all_known = false; /* maybe reached some other way: do not guess */
            continue;
        }
        int d = is_default(r);
        all_known &= d >= 0;
        if (n < 64)
            buckets[n++] = r;
        if (d == 1 && nd < 64)
            defaults[nd++] = r;
    }
    if (nd > 1) {
        for (size_t i = 1; i < nd; i++) {
            amp_diag *d =
                amp_report(c, "storage-multiple-default-buckets",
                           amp_value_prop(defaults[i]->props, "isDefault")->key_loc,
                           "Bucket '%s' and bucket '%s' both have isDefault: true; Amplify needs "
                           "exactly one default bucket. Remove isDefault from all but one.",
                           defaults[i]->name ? defaults[i]->name : "?",
                           defaults[0]->name ? defaults[0]->name : "?");
            amp_relate(c, d, amp_value_prop(defaults[0]->props, "isDefault")->key_loc,
                       "the other default bucket");
        }
    } else if (nd == 0 && n > 1 && all_known) {
        amp_diag *d =
            amp_report(c, "storage-no-default-bucket", buckets[0]->value->callee_loc,
                       "The backend has %zu buckets and none has isDefault: true; with several "
                       "buckets Amplify needs exactly one default. Add `isDefault: true` to one "
                       "defineStorage call.",
                       n);
        for (size_t i = 1; i < n; i++)
            amp_relate(c, d, buckets[i]->value->callee_loc, "bucket '%s'",
                       buckets[i]->name ? buckets[i]->name : "?");
    }
}
