/*
 * rules_options_handler.c: the rules that read a function's entry file (its
 * handler), which is bundled by Amplify but is not part of the backend's
 * model: `import { env } from '$amplify/env/<name>'` must name a function
 * of the backend, since `ampx sandbox` and the pipeline generate one such
 * module per function, named after it (amplify-backend-api.md §7.1, §7.3).
 *
 * The caller (which may do I/O) asks amp_rules_functions which entry files
 * there are, reads and parses them, and hands them to
 * amp_rules_check_handlers.
 */
#define AMP_RULES_OPTIONS_SHARED
#include "rules_table_options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amp_syntax.h"
#include "rules_backend_version.h"

#define ENV_PREFIX "$amplify/env/"
#define MAX_LISTED 8

/* ---- the functions ------------------------------------------------------------- */

static bool ident_char(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '_' || ch == '$';
}

/* True when a call of defineFunction starts at p (`defineFunction(` or
 * `defineFunction<`, not a member or a longer name). */
static bool call_at(const char *text, const char *p)
{
    static const char word[] = "defineFunction";
    if (strncmp(p, word, sizeof word - 1) != 0 || (p > text && (ident_char(p[-1]) || p[-1] == '.')))
        return false;
    const char *q = p + sizeof word - 1;
    while (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r')
        q++;
    return *q == '(' || *q == '<';
}

/* The last byte of the comment starting at p (before end). */
static const char *comment_end(const char *p, const char *end)
{
    const char *e = p[1] == '/' ? memchr(p, '\n', (size_t)(end - p)) : strstr(p + 2, "*/");
    return !e ? end - 1 : p[1] == '/' ? e : e + 1;
}

/* How many times the text calls defineFunction outside comments (inside
 * strings too: counting too many only silences the rules). */
static size_t count_calls(const amp_text *t)
{
    /* Most files never name it (a big schema file): skip them whole. */
    const char *first = NULL;
    for (const char *p = t->bytes, *end = t->bytes + t->len; !first && p + 14 <= end; p++) {
        p = memchr(p, 'd', (size_t)(end - p));
        if (!p || p + 14 > end)
            break;
        if (memcmp(p, "defineFunction", 14) == 0)
            first = p;
    }
    if (!first)
        return 0;
    size_t n = 0;
    char quote = 0;
    for (const char *p = t->bytes, *end = t->bytes + t->len; p < end; p++) {
        if (quote && *p == '\\' && p + 1 < end)
            p++;
        else if (quote && (*p == quote || (*p == '\n' && quote != '`')))
            quote = 0;
        else if (!quote && (*p == '\'' || *p == '"' || *p == '`'))
            quote = *p;
        else if (!quote && p[0] == '/' && (p[1] == '/' || p[1] == '*'))
            p = comment_end(p, end);
        else if (*p == 'd' && p >= first)
            n += call_at(t->bytes, p);
    }
    return n;
}

/* True when every defineFunction call of the texts is a function of m. */
static bool all_calls_evaluated(const amp_model *m, const amp_text *const *texts)
{
    size_t calls = 0, functions = 0;
    for (size_t f = 0; f < m->file_count; f++)
        calls += texts[f] ? count_calls(texts[f]) : 0;
    for (size_t i = 0; i < m->resource_count; i++)
        functions += m->resources[i].kind == AMP_RES_FUNCTION;
    return calls <= functions;
}

/* Fills e for the function resource r; false when out of memory. */
static bool describe(const amp_model *m, int r, amp_function_info *e, bool *named)
{
    const amp_resource *res = &m->resources[r];
    char name[128], path[4096];
    amp_fn_name_source source;
    const amp_prop *entry;
    memset(e, 0, sizeof *e);
    e->resource = r;
    *named = amp_function_name(m, res, name, sizeof name, &source, &e->at);
    if (*named && !(e->name = strdup(name)))
        return false;
    if (amp_function_entry(m, res, path, sizeof path, &entry) && !(e->path = strdup(path)))
        return false;
    return true;
}

int amp_rules_functions(const amp_model *m, const amp_text *const *texts, amp_function_list *out)
{
    memset(out, 0, sizeof *out);
    /* A relative import the model could not follow may hold more functions. */
    out->names_known = texts && m->missing_import_count == 0 && all_calls_evaluated(m, texts);
    for (size_t i = 0; i < m->resource_count; i++) {
        const amp_resource *r = &m->resources[i];
        if (r->kind != AMP_RES_FUNCTION || (r->props && r->props->kind == AMP_VAL_FUNCTION))
            continue; /* a custom function gets no $amplify/env module */
        amp_function_info *grown = realloc(out->items, (out->count + 1) * sizeof *grown);
        if (!grown) {
            out->names_known = false;
            return -1;
        }
        out->items = grown;
        bool named;
        bool ok = describe(m, (int)i, &out->items[out->count], &named);
        out->count++;
        out->names_known &= named && ok;
        if (!ok)
            return -1;
    }
    return 0;
}

void amp_function_list_clear(amp_function_list *list)
{
    for (size_t i = 0; i < list->count; i++) {
        free(list->items[i].name);
        free(list->items[i].path);
    }
    free(list->items);
    memset(list, 0, sizeof *list);
}

/* ---- the imports -------------------------------------------------------------- */

/* The handler files being checked, and the one at hand. */
typedef struct handler {
    amp_check c; /* c.out: the findings of the file at hand (see amp_rules_check_handlers) */
    const amp_function_list *fns;
    const char **names; /* owned array: the distinct function names (borrowed from fns) */
    size_t name_count;
    const char *path; /* the file at hand */
} handler;

/* The name an `$amplify/env/...` specifier asks for: what follows the prefix,
 * without a module extension (`.js` names the generated `.ts`). */
static void wanted_name(const char *spec, char *out, size_t cap, const char **ext)
{
    static const char *const exts[] = {".d.ts", ".js", ".ts", ".mjs", ".mts", ".cjs", ".cts"};
    const char *name = spec + strlen(ENV_PREFIX);
    size_t n = strlen(name);
    *ext = name + n;
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
        size_t k = strlen(exts[i]);
        if (n > k && strcmp(name + n - k, exts[i]) == 0) {
            *ext = name + n - k;
            n -= k;
            break;
        }
    }
    snprintf(out, cap, "%.*s", (int)n, name);
}

/* The function whose entry this file is, or NULL (the first one when
 * several share it). */
static const amp_function_info *entry_of(const handler *h)
{
    for (size_t i = 0; i < h->fns->count; i++)
        if (h->fns->items[i].path && strcmp(h->fns->items[i].path, h->path) == 0)
            return &h->fns->items[i];
    return NULL;
}

/* The function named name, or NULL. */
static const amp_function_info *named_fn(const handler *h, const char *name)
{
    for (size_t i = 0; name && i < h->fns->count; i++)
        if (h->fns->items[i].name && strcmp(h->fns->items[i].name, name) == 0)
            return &h->fns->items[i];
    return NULL;
}

/* The names, quoted and joined ("'a', 'b' and 3 more"), into out. */
static void list_names(const handler *h, char *out, size_t cap)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < h->name_count && i < MAX_LISTED && used < cap; i++)
        used += (size_t)snprintf(out + used, cap - used, "%s'%s'", i ? ", " : "", h->names[i]);
    if (h->name_count > MAX_LISTED && used < cap)
        snprintf(out + used, cap - used, " and %zu more", h->name_count - MAX_LISTED);
}

/* `$amplify/env/<name>` where no function has that name. The module to
 * suggest is the one of the function this file is the entry of, else the
 * closest name. */
static void check_unknown(handler *h, const amp_import *imp, const char *name, const char *ext)
{
    const amp_function_info *own = entry_of(h);
    const char *hint = own ? own->name : amp_opt_closest(name, h->names, h->name_count);
    char listed[1024], mean[512] = "";
    list_names(h, listed, sizeof listed);
    if (own)
        snprintf(mean, sizeof mean,
                 " This file is the entry of the function '%s': import its module, or name that "
                 "function '%s'.",
                 own->name, name);
    if (hint)
        snprintf(mean + strlen(mean), sizeof mean - strlen(mean),
                 " Did you mean '" ENV_PREFIX "%s%s'?", hint, ext);
    amp_diag *d = amp_report(
        &h->c, "function-env-unknown", (amp_loc){0, imp->start, imp->end},
        "'%s' does not exist: no defineFunction of this backend is named '%s' (functions here: "
        "%s). `ampx sandbox` and the pipeline generate one '" ENV_PREFIX "<name>' module per "
        "function, named after it (its `name`, else its entry file, else its folder).%s",
        imp->specifier, name, listed, mean);
    if (d && hint)
        amp_relate(&h->c, d, named_fn(h, hint)->at, "the function named '%s'", hint);
}

/* Checks one handler file's imports. */
static void check_file(handler *h, const amp_doc *doc)
{
    amp_import_list imports;
    amp_syntax_imports(doc, &imports);
    for (size_t i = 0; i < imports.count; i++) {
        const amp_import *imp = &imports.items[i];
        if (strncmp(imp->specifier, ENV_PREFIX, strlen(ENV_PREFIX)) != 0)
            continue;
        char name[256];
        const char *ext;
        wanted_name(imp->specifier, name, sizeof name, &ext);
        if (h->fns->names_known && !named_fn(h, name))
            check_unknown(h, imp, name, ext);
    }
    amp_import_list_clear(&imports);
}

/* Collects the distinct names of fns into h (once); false when out of
 * memory. */
static bool gather_names(handler *h)
{
    if (h->names)
        return true;
    h->names = malloc((h->fns->count ? h->fns->count : 1) * sizeof *h->names);
    for (size_t i = 0; h->names && i < h->fns->count; i++) {
        const char *name = h->fns->items[i].name;
        bool seen = !name;
        for (size_t k = 0; !seen && k < h->name_count; k++)
            seen = strcmp(h->names[k], name) == 0;
        if (!seen)
            h->names[h->name_count++] = name;
    }
    return h->names != NULL;
}

void amp_rules_check_handlers(const amp_model *m, const amp_function_list *fns,
                              const amp_rule_config *cfg, const amp_rule_env *env,
                              const amp_doc *const *docs, const char *const *paths, size_t n,
                              amp_diag_list *out)
{
    static const amp_rule_env none = {0};
    if (!m || m->file_count == 0 || fns->count == 0 || amp_version_preview(env ? env : &none))
        return;
    handler h = {{m, cfg, env ? env : &none, NULL, 0, false, 0, 0, false}, fns, NULL, 0, NULL};
    for (size_t i = 0; gather_names(&h) && i < n; i++) {
        /* amp_report files a finding under c.out[loc.file]: with c.out
         * pointing at this file's list, loc.file 0 is this file (amp_relate
         * still names model files by their index). */
        h.c.out = &out[i];
        h.path = paths[i];
        check_file(&h, docs[i]);
        amp_rules_drop_suppressed(&out[i], &docs[i]->text);
    }
    free(h.names);
}
