/*
 * rules_backend.c: backend wiring rules: resources and defineBackend,
 * singletons, file locations, imports that name no file, and the version
 * gate. The stack graph and data access live in rules_backend_stacks.c,
 * the deployment facts in rules_backend_deploy.c (see
 * rules_backend_internal.h for the map).
 *
 * Versions: every rule here that reports what Amplify rejects was written
 * against the 1.x API. A backend known to be on the pre-1.0 preview gets one
 * information notice (backend-preview-version) instead, and this family,
 * which runs after every other one (see amp_rules_check), also drops the
 * errors and warnings the other families reported for it: those rules
 * describe 1.x as well. Only findings true in every version are kept.
 */
#include "rules_backend_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the pre-1.0 preview ---------------------------------------------------- */

/* Rules whose findings do not depend on the Amplify version. */
static bool version_independent(const char *code)
{
    return strcmp(code, "backend-import-not-found") == 0 ||
           strcmp(code, "backend-preview-version") == 0;
}

/* Drops the errors and warnings of version-dependent rules. */
static void drop_version_dependent(amp_check *c)
{
    for (size_t f = 0; f < c->m->file_count; f++) {
        amp_diag_list *list = &c->out[f];
        size_t j = 0;
        for (size_t i = 0; i < list->count; i++) {
            amp_diag *d = &list->items[i];
            if (d->severity <= AMP_SEV_WARNING && !version_independent(d->code)) {
                amp_diag_free(d);
                continue;
            }
            list->items[j++] = *d;
        }
        list->count = j;
    }
}

static void report_preview(amp_check *c)
{
    const amp_model *m = c->m;
    if (m->backend_call_count == 0)
        return;
    const char *pkg = c->env->backend_version ? "@aws-amplify/backend" : "@aws-amplify/data-schema";
    const char *version =
        c->env->backend_version ? c->env->backend_version : c->env->data_schema_version;
    amp_report(c, "backend-preview-version", m->backend_calls[0],
               "This backend uses %s %s, the pre-1.0 preview of Amplify Gen 2. amplify-ls checks "
               "the 1.x API, so its checks that depend on the version are off here. Upgrade to "
               "@aws-amplify/backend 1.x to get them.",
               pkg, version);
}

/* ---- defineBackend and singletons ------------------------------------------- */

static void check_define_backend_twice(amp_check *c)
{
    const amp_model *m = c->m;
    for (size_t i = 1; i < m->backend_call_count; i++) {
        amp_diag *d = amp_report(
            c, "backend-duplicate-define-backend", m->backend_calls[i],
            "defineBackend is called a second time; a backend has one defineBackend call, and the "
            "second one fails when the backend is built (\"There is already a Construct with "
            "name ...\"). Keep one call and pass every resource to it.");
        amp_relate(c, d, m->backend_calls[0], "the first defineBackend call");
    }
}

/* A define call that runs when its module loads: bound to a const or given
 * to defineBackend (not one in a helper function's body that may never
 * run). */
static bool runs_at_load(const amp_resource *r)
{
    return r->var || r->backend_key;
}

static void check_singleton(amp_check *c, bool (*is)(amp_res_kind), const char *what,
                            const char *message_name)
{
    const amp_model *m = c->m;
    int first = -1;
    for (size_t i = 0; i < m->resource_count; i++) {
        const amp_resource *r = &m->resources[i];
        if (!is(r->kind) || !runs_at_load(r))
            continue;
        if (first < 0) {
            first = (int)i;
            continue;
        }
        amp_diag *d = amp_report(
            c, "backend-duplicate-singleton", amp_deploy_callee(m, (int)i),
            "A second %s in this backend: Amplify allows one and throws \"Multiple %s calls are "
            "not allowed within an Amplify backend\" as soon as this file loads, even if the "
            "resource is never used. Remove all but one.",
            what, message_name);
        amp_relate(c, d, amp_deploy_callee(m, first), "the first one");
    }
}

static bool is_auth_kind(amp_res_kind k)
{
    return k == AMP_RES_AUTH || k == AMP_RES_REFERENCE_AUTH;
}

static bool is_data_kind(amp_res_kind k)
{
    return k == AMP_RES_DATA;
}

/* ---- file locations ---------------------------------------------------------- */

/* True when path without its extension ends with suffix (as Amplify's import
 * path verifier compares the calling file). */
static bool path_ends_with(const char *path, const char *suffix)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash ? slash : path, '.');
    size_t n = dot ? (size_t)(dot - path) : strlen(path), k = strlen(suffix);
    return n >= k && strncmp(path + n - k, suffix, k) == 0;
}

static void check_file_location(amp_check *c, const amp_deploy *d)
{
    static const struct {
        amp_res_kind kind;
        const char *suffix, *category;
    } homes[] = {{AMP_RES_AUTH, "amplify/auth/resource", "Auth"},
                 {AMP_RES_REFERENCE_AUTH, "amplify/auth/resource", "Auth"},
                 {AMP_RES_DATA, "amplify/data/resource", "Data"},
                 {AMP_RES_STORAGE, "amplify/storage/resource", "Storage"}};
    const amp_model *m = c->m;
    for (size_t i = 0; i < m->resource_count; i++) {
        const amp_resource *r = &m->resources[i];
        const char *path = m->files[r->loc.file].path;
        for (size_t h = 0; h < sizeof homes / sizeof homes[0]; h++) {
            if (r->kind != homes[h].kind || !d->deployed[i] || path[0] != '/' ||
                path_ends_with(path, homes[h].suffix))
                continue;
            amp_report(c, "backend-resource-wrong-file", amp_deploy_callee(m, (int)i),
                       "%s must be called in %s.ts: Amplify checks where it is called and throws "
                       "\"Amplify %s must be defined in %s.ts\" when the backend is built. Move "
                       "this call there and import it from that file.",
                       r->define, homes[h].suffix, homes[h].category, homes[h].suffix);
        }
    }
}

/* ---- resources not passed to defineBackend ---------------------------------- */

static bool reportable_kind(amp_res_kind k)
{
    return k == AMP_RES_AUTH || k == AMP_RES_REFERENCE_AUTH || k == AMP_RES_DATA ||
           k == AMP_RES_STORAGE || k == AMP_RES_FUNCTION;
}

/* True when a deployed resource holds something the model did not
 * understand, where a function could be referenced unseen. */
static bool owner_unsure(const amp_deploy *d)
{
    for (size_t i = 0; i < d->m->resource_count; i++)
        if (d->deployed[i] && d->unsure[i])
            return true;
    return false;
}

/* How many resources of the same singleton kind (auth or data) as r run
 * when their files load (1 for other kinds). */
static size_t singletons_like(const amp_model *m, const amp_resource *r)
{
    bool auth = is_auth_kind(r->kind);
    if (!auth && !is_data_kind(r->kind))
        return 1;
    size_t n = 0;
    for (size_t i = 0; i < m->resource_count; i++)
        n += runs_at_load(&m->resources[i]) &&
             (auth ? is_auth_kind(m->resources[i].kind) : is_data_kind(m->resources[i].kind));
    return n;
}

static void check_not_deployed(amp_check *c, const amp_deploy *d)
{
    const amp_model *m = c->m;
    /* With two defineBackend calls or two auth/data resources, those
     * errors come first. */
    if (!m->has_backend || !d->keys_known || m->backend_call_count > 1)
        return;
    bool unsure = owner_unsure(d);
    for (size_t i = 0; i < m->resource_count; i++) {
        const amp_resource *r = &m->resources[i];
        /* A resource used by another one is that one's to report (or is
         * reached in a way the model did not follow). */
        if (d->deployed[i] || d->referenced[i] || !reportable_kind(r->kind) || !runs_at_load(r) ||
            (r->kind == AMP_RES_FUNCTION && unsure) || singletons_like(m, r) > 1)
            continue;
        const char *label = amp_deploy_label(m, (int)i);
        amp_diag *diag = amp_report(
            c, "backend-resource-not-deployed", amp_deploy_callee(m, (int)i),
            "%s %s is defined but not passed to defineBackend%s, so it is not deployed. Add it: "
            "defineBackend({ ..., %s }).",
            r->define, label,
            r->kind == AMP_RES_FUNCTION
                ? " nor used by a deployed resource (trigger, handler, access grant)"
                : "",
            r->var ? r->var : label);
        amp_relate(c, diag, m->backend_calls[0], "defineBackend is called here");
    }
}

/* ---- imports of missing files ----------------------------------------------- */

/* dir(from) + "/" + spec with "." and ".." collapsed, into out (cap bytes).
 * Returns false when it does not fit. */
static bool join_import(const char *from, const char *spec, char *out, size_t cap)
{
    const char *slash = strrchr(from, '/');
    int n = snprintf(out, cap, "%.*s/%s", (int)(slash ? slash - from : 0), from, spec);
    if (n < 0 || (size_t)n >= cap)
        return false;
    char *w = out, *p = out;
    while (*p) {
        if (p[0] == '/' && p[1] == '.' && (p[2] == '/' || p[2] == '\0')) {
            p += 2;
        } else if (p[0] == '/' && p[1] == '.' && p[2] == '.' && (p[3] == '/' || p[3] == '\0')) {
            while (w > out && *--w != '/')
                ;
            p += 3;
        } else {
            *w++ = *p++;
        }
    }
    *w = '\0';
    return true;
}

static bool exists_with(const amp_rule_env *env, const char *base, size_t keep, const char *suffix)
{
    char path[4096];
    int n = snprintf(path, sizeof path, "%.*s%s", (int)keep, base, suffix);
    return n > 0 && (size_t)n < sizeof path && env->file_exists(env->ctx, path);
}

/* True when some file a TypeScript or Node resolver would take for base
 * exists: base itself, base with an extension, base/index.*, base/package.json,
 * and x.ts for x.js. */
static bool import_exists(const amp_rule_env *env, const char *base)
{
    static const char *const ext[] = {"",           ".ts",        ".tsx",        ".mts",
                                      ".cts",       ".d.ts",      ".js",         ".jsx",
                                      ".mjs",       ".cjs",       ".json",       "/index.ts",
                                      "/index.tsx", "/index.mts", "/index.d.ts", "/index.js",
                                      "/index.jsx", "/index.mjs", "/index.cjs",  "/package.json"};
    static const struct {
        const char *js, *ts;
    } swap[] = {{".js", ".ts"},   {".js", ".tsx"},  {".js", ".d.ts"},
                {".jsx", ".tsx"}, {".mjs", ".mts"}, {".cjs", ".cts"}};
    size_t n = strlen(base);
    for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++)
        if (exists_with(env, base, n, ext[i]))
            return true;
    for (size_t i = 0; i < sizeof swap / sizeof swap[0]; i++) {
        size_t k = strlen(swap[i].js);
        if (n > k && strcmp(base + n - k, swap[i].js) == 0 &&
            exists_with(env, base, n - k, swap[i].ts))
            return true;
    }
    return false;
}

/* True when path lies in the folder dir. */
static bool inside(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    return strncmp(path, dir, n) == 0 && path[n] == '/';
}

/* Only imports of files inside the amplify/ folder are checked: that is
 * where resource files live, and a checkout may hold the backend without
 * the rest of the repository (which the TypeScript server checks anyway). */
static void check_imports(amp_check *c)
{
    const amp_model *m = c->m;
    if (!c->env->file_exists || !c->env->amplify_dir)
        return;
    for (size_t i = 0; i < m->missing_import_count; i++) {
        const amp_str *spec = &m->missing_imports[i];
        const char *from = m->files[spec->loc.file].path;
        char base[4096];
        if (from[0] != '/' || !join_import(from, spec->s, base, sizeof base) ||
            !inside(base, c->env->amplify_dir) || import_exists(c->env, base))
            continue;
        amp_report(c, "backend-import-not-found", spec->loc,
                   "Cannot find '%s': no file %s, %s.ts or %s/index.ts exists, so the backend "
                   "fails to load. Fix the path or create the file.",
                   spec->s, base, base, base);
    }
}

/* ---- entry point ------------------------------------------------------------- */

void amp_rules_backend(amp_check *c)
{
    check_imports(c);
    if (amp_version_preview(c->env)) {
        drop_version_dependent(c);
        report_preview(c);
        return;
    }
    check_define_backend_twice(c);
    check_singleton(c, is_auth_kind, "defineAuth or referenceAuth",
                    "`defineAuth` or `referenceAuth`");
    check_singleton(c, is_data_kind, "defineData", "`defineData`");
    amp_deploy d;
    if (!amp_deploy_init(&d, c->m))
        return;
    check_file_location(c, &d);
    check_not_deployed(c, &d);
    amp_backend_check_stacks(c, &d);
    amp_backend_check_data_access(c, &d);
    amp_backend_check_outputs(c);
    amp_backend_check_triggers(c);
    amp_deploy_free(&d);
}
