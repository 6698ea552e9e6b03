/*
 * rules_options_function.c: defineFunction rules (environment variable
 * names, layers, the entry file) and the naming rules that span resources:
 * resource names Amplify's name validator rejects (a function's name
 * included when it is derived from its entry or folder), two resources that
 * would get the same construct id in one nested stack, and secret names the
 * Amplify CLI cannot set. Patterns and reserved names come from the
 * catalogue.
 */
#define AMP_RULES_OPTIONS_SHARED
#include "rules_table_options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NAMED 256

/* ---- environment ---------------------------------------------------------------- */

/* True when name is in the comma-separated list. */
static bool in_list(const char *list, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = list; p && *p;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len == n && strncmp(p, name, n) == 0)
            return true;
        p += len + (comma ? 1 : 0);
    }
    return false;
}

/* Environment variable names: the catalogue's key pattern and reserved names. */
static void check_environment(amp_check *c, const amp_value *env)
{
    const amp_cat_entry *e = amp_opt_entry("defineFunction.environment");
    const char *pattern = amp_cat_value_key_pattern(amp_cat_value_of(e));
    const char *reserved = amp_cat_attr(e, "reserved_keys");
    for (size_t i = 0; i < env->prop_count; i++) {
        const amp_prop *p = &env->props[i];
        if (pattern && amp_opt_regex_test(pattern, p->key) == 0)
            amp_report(
                c, "function-env-key-invalid", p->key_loc,
                "Amplify rejects the environment variable name '%s': names start with a letter, "
                "have at least two characters and use only letters, digits and '_'. Rename it "
                "(e.g. '%s').",
                p->key, "API_KEY");
        else if (reserved && in_list(reserved, p->key))
            amp_report(
                c, "function-env-key-reserved", p->key_loc,
                "'%s' is reserved by %s and cannot be set in environment; the deployment fails. "
                "Use another name (e.g. 'MY_%s').",
                p->key,
                strcmp(p->key, "AMPLIFY_SSM_ENV_CONFIG") == 0 ? "Amplify" : "the Lambda runtime",
                p->key[0] == '_' ? p->key + 1 : p->key);
    }
}

/* ---- layers ------------------------------------------------------------------- */

/* The identity of a layer for counting: the "name:version" an ARN ends
 * with, or the value itself. */
static const char *layer_identity(const char *value)
{
    if (strncmp(value, "arn:", 4) != 0)
        return value;
    const char *at = strstr(value, ":layer:");
    return at ? at + 7 : value;
}

/* Each layer's format (the catalogue's items pattern) and the number of
 * distinct layers (its max_unique attr). */
static void check_layers(amp_check *c, const amp_prop *layers)
{
    const amp_cat_entry *e = amp_opt_entry("defineFunction.layers");
    const char *pattern = amp_opt_pattern("defineFunction.layers", true);
    const char *max_attr = amp_cat_attr(e, "max_unique");
    const amp_value *obj = layers->value;
    const char *seen[64];
    size_t unique = 0;
    for (size_t i = 0; i < obj->prop_count; i++) {
        const amp_value *v = obj->props[i].value;
        if (v->kind != AMP_VAL_STRING)
            continue;
        if (pattern && amp_opt_regex_test(pattern, v->str) == 0) {
            amp_report(
                c, "function-layer-invalid", v->loc,
                "The layer '%s' is neither a layer version ARN "
                "(arn:aws:lambda:<region>:<account>:layer:<name>:<version>) nor 'name:version'; "
                "Amplify rejects it. Give the full ARN or e.g. '%s:1'.",
                v->str, obj->props[i].key);
            continue;
        }
        const char *id = layer_identity(v->str);
        size_t k = 0;
        while (k < unique && strcmp(seen[k], id) != 0)
            k++;
        if (k == unique && unique < 64)
            seen[unique++] = id;
    }
    int max = max_attr ? atoi(max_attr) : 0;
    if (max > 0 && unique > (size_t)max)
        amp_report(c, "function-too-many-layers", layers->key_loc,
                   "This function lists %zu different layers; Lambda and Amplify allow at most %d. "
                   "Remove some, or bundle their code into the function.",
                   unique, max);
}

/* ---- entry ---------------------------------------------------------------------- */

/* Joins dir and rel into out, resolving "." and ".." segments; false when
 * the result does not fit. */
static bool join_path(const char *dir, const char *rel, char *out, size_t cap)
{
    int n = rel[0] == '/' ? snprintf(out, cap, "%s", rel) : snprintf(out, cap, "%s/%s", dir, rel);
    if (n < 0 || (size_t)n >= cap)
        return false;
    char *w = out;
    for (const char *r = out; *r;) {
        while (*r == '/')
            r++;
        const char *end = strchr(r, '/');
        size_t len = end ? (size_t)(end - r) : strlen(r);
        if (len == 0)
            break;
        if (len == 1 && r[0] == '.') {
            /* skip */
        } else if (len == 2 && r[0] == '.' && r[1] == '.') {
            while (w > out && *--w != '/')
                ;
        } else {
            *w++ = '/';
            memmove(w, r, len);
            w += len;
        }
        r += len;
    }
    if (w == out)
        *w++ = '/';
    *w = '\0';
    return true;
}

/* The directory part of a file path (into out). */
static void dir_of(const char *path, char *out, size_t cap)
{
    const char *slash = strrchr(path, '/');
    snprintf(out, cap, "%.*s", (int)(slash ? (size_t)(slash - path) : 0), path);
}

/* True when path lies inside the directory dir. */
static bool path_under(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    return strncmp(path, dir, n) == 0 && path[n] == '/';
}

/* True when the project holding the amplify folder has a package.json: a
 * project Amplify can bundle functions of (not a partial copy of amplify/). */
static bool complete_project(const amp_check *c)
{
    char dir[4096], pkg[4096];
    dir_of(c->env->amplify_dir, dir, sizeof dir);
    return join_path(dir, "package.json", pkg, sizeof pkg) && c->env->file_exists(c->env->ctx, pkg);
}

bool amp_function_entry(const amp_model *m, const amp_resource *r, char *out, size_t cap,
                        const amp_prop **entry)
{
    const char *file = m->files[r->loc.file].path;
    const amp_value *props = r->props;
    *entry = props ? amp_value_prop(props, "entry") : NULL;
    if (!file || file[0] != '/' || (props && props->kind != AMP_VAL_OBJECT) ||
        (!*entry && props && props->open) || (*entry && (*entry)->value->kind != AMP_VAL_STRING))
        return false;
    char dir[4096];
    dir_of(file, dir, sizeof dir);
    return join_path(dir, *entry ? (*entry)->value->str : "./handler.ts", out, cap);
}

/* The entry file must exist (relative to the file that calls
 * defineFunction; ./handler.ts there when no entry is given). Only entries
 * inside the amplify folder of a project with a package.json are checked:
 * one outside amplify/ may be the output of a build step of another package,
 * and without package.json the folder is not a whole project. */
static void check_entry(amp_check *c, const amp_resource *r)
{
    const amp_prop *entry;
    char full[4096];
    if (!c->env->file_exists || !c->env->amplify_dir ||
        !amp_function_entry(c->m, r, full, sizeof full, &entry) ||
        !path_under(full, c->env->amplify_dir) || !complete_project(c) ||
        c->env->file_exists(c->env->ctx, full))
        return;
    if (entry)
        amp_report(
            c, "function-entry-not-found", entry->value->loc,
            "The entry file '%s' does not exist (looked for %s; a relative entry is resolved "
            "from the folder of the file calling defineFunction). Fix the path or create the file.",
            entry->value->str, full);
    else
        amp_report(
            c, "function-entry-not-found", r->value->callee_loc,
            "This defineFunction has no entry, so Amplify bundles handler.ts next to this file, "
            "but %s does not exist. Create it, or set `entry: './your-handler.ts'`.",
            full);
}

void amp_rules_options_function(amp_check *c, const amp_resource *r)
{
    if (r->props && r->props->kind == AMP_VAL_FUNCTION)
        return; /* a custom function: none of these props */
    check_entry(c, r);
    if (!r->props || r->props->kind != AMP_VAL_OBJECT)
        return;
    const amp_prop *env = amp_value_prop(r->props, "environment");
    if (env && env->value->kind == AMP_VAL_OBJECT)
        check_environment(c, env->value);
    const amp_prop *layers = amp_value_prop(r->props, "layers");
    if (layers && layers->value->kind == AMP_VAL_OBJECT)
        check_layers(c, layers);
}

/* ---- names ---------------------------------------------------------------------- */

/* A resource's construct id and the nested stack it lives in. */
typedef struct named {
    const amp_resource *r;
    char name[128];
    char group[128];
    amp_fn_name_source source;
    amp_loc at; /* where to report */
} named;

bool amp_function_name(const amp_model *m, const amp_resource *r, char *out, size_t cap,
                       amp_fn_name_source *source, amp_loc *at)
{
    const amp_value *props = r->props && r->props->kind == AMP_VAL_OBJECT ? r->props : NULL;
    const amp_prop *name = props ? amp_value_prop(props, "name") : NULL;
    const amp_prop *entry = props ? amp_value_prop(props, "entry") : NULL;
    if ((r->props && !props) || (props && props->open && (!name || !entry)))
        return false;
    if (name) {
        if (name->value->kind != AMP_VAL_STRING)
            return false;
        snprintf(out, cap, "%s", name->value->str);
        *source = AMP_FN_NAME_GIVEN;
        *at = name->value->loc;
        return true;
    }
    const char *path = entry ? entry->value->str : m->files[r->loc.file].path;
    if (entry && entry->value->kind != AMP_VAL_STRING)
        return false;
    char dir[4096];
    if (!entry) {
        dir_of(path, dir, sizeof dir);
        path = dir;
    }
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    const char *dot = entry ? strrchr(base, '.') : NULL;
    snprintf(out, cap, "%.*s", (int)(dot && dot != base ? (size_t)(dot - base) : strlen(base)),
             base);
    *source = entry ? AMP_FN_NAME_FROM_ENTRY : AMP_FN_NAME_FROM_FOLDER;
    *at = entry ? entry->value->loc : r->value->callee_loc;
    return out[0] != '\0';
}

/* The name Amplify gives a defineFunction (see amp_function_name). */
static bool function_name(const amp_model *m, const amp_resource *r, named *out)
{
    return amp_function_name(m, r, out->name, sizeof out->name, &out->source, &out->at);
}

/* Fills out for a resource whose name Amplify validates; false when the
 * name is not known or not validated (an unset defineAuth/defineData name). */
static bool resource_name(const amp_model *m, const amp_resource *r, named *out)
{
    out->r = r;
    snprintf(out->group, sizeof out->group, "%s",
             r->kind == AMP_RES_STORAGE    ? "storage"
             : r->kind == AMP_RES_FUNCTION ? "function"
                                           : "");
    if (r->kind == AMP_RES_FUNCTION) {
        if (r->props && r->props->kind == AMP_VAL_FUNCTION)
            return false;
        const amp_prop *g = r->props && r->props->kind == AMP_VAL_OBJECT
                                ? amp_value_prop(r->props, "resourceGroupName")
                                : NULL;
        if (g && g->value->kind != AMP_VAL_STRING)
            out->group[0] = '\0';
        else if (g)
            snprintf(out->group, sizeof out->group, "%s", g->value->str);
        return function_name(m, r, out);
    }
    if (r->kind != AMP_RES_AUTH && r->kind != AMP_RES_DATA && r->kind != AMP_RES_STORAGE)
        return false;
    const amp_prop *name =
        r->props && r->props->kind == AMP_VAL_OBJECT ? amp_value_prop(r->props, "name") : NULL;
    if (!name || name->value->kind != AMP_VAL_STRING)
        return false;
    snprintf(out->name, sizeof out->name, "%s", name->value->str);
    out->source = AMP_FN_NAME_GIVEN;
    out->at = name->value->loc;
    return r->kind == AMP_RES_STORAGE || out->name[0] != '\0';
}

/* A valid suggestion derived from a bad name: letters, digits, '-', '_' and
 * spaces only, starting with a letter. */
static void suggest_name(const char *bad, char *out, size_t cap)
{
    size_t j = 0;
    for (const char *p = bad; *p && j + 1 < cap; p++) {
        bool ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                  (j > 0 && ((*p >= '0' && *p <= '9') || *p == '-' || *p == '_'));
        if (ok)
            out[j++] = *p;
    }
    out[j] = '\0';
    if (j == 0)
        snprintf(out, cap, "myResource");
}

/* The name against the pattern the catalogue gives <define>.name. */
static void check_name_pattern(amp_check *c, const named *n)
{
    char id[64];
    snprintf(id, sizeof id, "%s.name", n->r->define);
    const char *pattern = amp_opt_pattern(id, false);
    if (!pattern || amp_opt_regex_test(pattern, n->name) != 0)
        return;
    char fixed[128];
    suggest_name(n->name, fixed, sizeof fixed);
    if (n->source == AMP_FN_NAME_GIVEN)
        amp_report(
            c, "resource-name-invalid", n->at,
            "Amplify rejects the name '%s': a resource name starts with a letter and holds only "
            "letters, digits, '-', '_' and spaces. Rename it, e.g. '%s'.",
            n->name, fixed);
    else
        amp_report(
            c, "resource-name-invalid", n->at,
            "This function has no name, so Amplify names it '%s' after its %s, and rejects that "
            "name (it must start with a letter and hold only letters, digits, '-', '_' and "
            "spaces). Add `name: '%s'`.",
            n->name, n->source == AMP_FN_NAME_FROM_ENTRY ? "entry file" : "folder", fixed);
}

/* Two resources with the same construct id in the same nested stack. */
static void check_duplicate(amp_check *c, const named *all, size_t count, size_t i)
{
    const named *n = &all[i];
    if (!n->group[0])
        return;
    for (size_t j = 0; j < i; j++) {
        if (!all[j].group[0] || strcmp(all[j].group, n->group) != 0 ||
            strcmp(all[j].name, n->name) != 0)
            continue;
        amp_diag *d = amp_report(
            c, "resource-duplicate-name", n->at,
            "Two resources are both named '%s' in the '%s' stack, so the deployment fails on a "
            "duplicate construct.%s Give one of them another name (`name: '...'`).",
            n->name, n->group,
            n->source == AMP_FN_NAME_GIVEN
                ? ""
                : " (Without a name, a function is named after its entry file or folder.)");
        amp_relate(c, d, all[j].at, "the other '%s'", n->name);
        return;
    }
    (void)count;
}

/* secret('NAME') names against the pattern of secret's parameter. */
static void check_secret_names(amp_check *c)
{
    const amp_cat_param *p = amp_cat_param_at(amp_opt_entry("secret"), 0);
    const char *pattern = amp_cat_value_pattern(amp_cat_param_value(p));
    for (size_t i = 0; pattern && i < c->m->secret_count; i++) {
        const amp_str *s = &c->m->secrets[i];
        if (!s->s || amp_opt_regex_test(pattern, s->s) != 0)
            continue;
        amp_report(c, "secret-invalid-name", s->loc,
                   "The secret name '%s' can never be set: `ampx sandbox secret set` accepts only "
                   "letters, digits, '_', '.' and '-'. Rename it (e.g. '%s').",
                   s->s, "MY_SECRET");
    }
}

void amp_rules_options_names(amp_check *c)
{
    named *all = malloc(MAX_NAMED * sizeof *all);
    size_t count = 0;
    for (size_t i = 0; all && i < c->m->resource_count && count < MAX_NAMED; i++) {
        if (!resource_name(c->m, &c->m->resources[i], &all[count]))
            continue;
        check_name_pattern(c, &all[count]);
        check_duplicate(c, all, count, count);
        count++;
    }
    free(all);
    check_secret_names(c);
}
