/*
 * analysis.c: running the analysis core over workspace files (see
 * amp_analysis.h). Models are built per backend and cached until the
 * workspace changes; diagnostics are computed per file.
 */
#include "amp_analysis.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "amp_project.h"
#include "amp_rules.h"

/* At most this many diagnostics are reported per file. */
#define AMP_MAX_DIAGS_PER_FILE 500
#include "amp_syntax.h"

static int by_key(const void *a, const void *b)
{
    const amp_file *x = *(amp_file *const *)a, *y = *(amp_file *const *)b;
    return strcmp(x->key, y->key);
}

/* The backend's files, entry first, then in key order (owned array). */
static amp_file **backend_files(amp_workspace *ws, size_t b, size_t *count)
{
    size_t cap = 16, n = 0, pos = 0;
    amp_file **files = malloc(cap * sizeof *files);
    const char *key;
    void *value;
    amp_file *entry = amp_file_get(ws, ws->backends[b].entry);
    if (files && entry && entry->in_backend)
        files[n++] = entry;
    while (files && amp_strmap_next(&ws->files, &pos, &key, &value)) {
        amp_file *f = value;
        if (f == entry || !f->in_backend || f->backend != (int)b || f->handler)
            continue;
        if (n == cap) {
            amp_file **grown = realloc(files, cap * 2 * sizeof *grown);
            if (!grown)
                break;
            files = grown;
            cap *= 2;
        }
        files[n++] = f;
    }
    if (files && n > 1)
        qsort(files + 1, n - 1, sizeof *files, by_key);
    *count = n;
    return files;
}

static bool file_exists(void *ctx, const char *path)
{
    (void)ctx;
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* True when path lies in dir and names a JavaScript or TypeScript file
 * (what Amplify bundles as an entry). */
static bool bundled_entry(const char *path, const char *dir)
{
    static const char *const exts[] = {".ts", ".tsx", ".mts", ".cts",
                                       ".js", ".jsx", ".mjs", ".cjs"};
    size_t n = strlen(dir), len = strlen(path);
    if (strncmp(path, dir, n) != 0 || path[n] != '/')
        return false;
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
        size_t k = strlen(exts[i]);
        if (len > k && strcmp(path + len - k, exts[i]) == 0)
            return true;
    }
    return false;
}

/* The distinct entry files of fns inside the amplify folder (an owned
 * array of borrowed paths). */
static const char **entry_paths(const amp_function_list *fns, const char *amplify_dir, size_t *n)
{
    const char **paths = malloc((fns->count ? fns->count : 1) * sizeof *paths);
    *n = 0;
    for (size_t i = 0; paths && i < fns->count; i++) {
        const char *p = fns->items[i].path;
        bool seen = !p || !bundled_entry(p, amplify_dir);
        for (size_t k = 0; !seen && k < *n; k++)
            seen = strcmp(paths[k], p) == 0;
        if (!seen)
            paths[(*n)++] = p;
    }
    return paths;
}

/* Makes the entry files of the model's functions backend b's handler files
 * and runs the handler rules over them: a handler file gets their findings
 * as its model_diags; a file of the model that is also an entry gets them
 * after the model's. */
static void run_handler_rules(amp_workspace *ws, size_t b, const amp_model *m,
                              const amp_rule_config *cfg, const amp_rule_env *env,
                              const amp_text **texts)
{
    amp_function_list fns;
    amp_rules_functions(m, texts, &fns);
    size_t n = 0, k = 0;
    const char **paths = entry_paths(&fns, ws->backends[b].amplify_dir, &n);
    amp_workspace_set_handlers(ws, b, paths, paths ? n : 0);
    amp_file **found = malloc((n ? n : 1) * sizeof *found);
    const amp_doc **docs = malloc((n ? n : 1) * sizeof *docs);
    amp_diag_list *out = calloc(n ? n : 1, sizeof *out);
    for (size_t i = 0; paths && found && docs && out && i < n; i++) {
        amp_file *f = amp_file_get(ws, paths[i]);
        if (!f || !f->in_backend || f->backend != (int)b)
            continue;
        amp_file_parse(ws, f);
        found[k] = f;
        docs[k] = &f->doc;
        paths[k++] = paths[i];
    }
    if (k)
        amp_rules_check_handlers(m, &fns, cfg, env, docs, paths, k, out);
    for (size_t i = 0; i < k; i++) {
        if (found[i]->handler) {
            amp_diag_list_clear(&found[i]->model_diags);
            found[i]->model_diags = out[i];
        } else {
            amp_diag_list_append(&found[i]->model_diags, &out[i]);
            amp_diag_list_clear(&out[i]);
        }
        found[i]->diag_dirty = true;
    }
    free(out);
    free(docs);
    free(found);
    free(paths);
    amp_function_list_clear(&fns);
}

/* Runs the rules over a fresh model and hands each file its findings; every
 * file of the backend must be looked at again, since a change in one file
 * can change what is reported in another. */
static void run_rules(amp_workspace *ws, size_t b, const amp_model *m, amp_file **files, size_t n)
{
    amp_backend *be = &ws->backends[b];
    amp_rule_env env = {0};
    const amp_project *project = amp_project_refresh(ws, be);
    const amp_rule_config *cfg =
        project && project->config_path ? &project->config : ws->rule_config;
    env.backend_version = project ? project->backend_version : NULL;
    env.data_schema_version = project ? project->data_schema_version : NULL;
    env.amplify_dir = be->amplify_dir;
    env.file_exists = file_exists;
    env.ctx = ws;
    amp_diag_list *out = m ? calloc(n ? n : 1, sizeof *out) : NULL;
    const amp_text **texts = malloc((n ? n : 1) * sizeof *texts);
    if (out && texts) {
        for (size_t i = 0; i < n; i++)
            texts[i] = &files[i]->doc.text;
        amp_rules_check(m, cfg, &env, texts, out);
    }
    for (size_t i = 0; i < n; i++) {
        amp_diag_list_clear(&files[i]->model_diags);
        if (out)
            files[i]->model_diags = out[i];
        files[i]->diag_dirty = true;
    }
    if (m && texts)
        run_handler_rules(ws, b, m, cfg, &env, texts);
    free(out);
    free(texts);
}

/* Rebuilds backend b's model from its files (warm: amp_model_warm, else
 * amp_model_rebuild) and runs the rules over it; false when out of memory
 * before the rebuild. */
static bool rebuild(amp_workspace *ws, size_t b, amp_file **files, size_t n, bool warm)
{
    amp_backend *be = &ws->backends[b];
    amp_source *sources = malloc((n ? n : 1) * sizeof *sources);
    if (!sources)
        return false;
    for (size_t i = 0; i < n; i++) {
        amp_file_parse(ws, files[i]);
        sources[i].path = files[i]->key;
        sources[i].doc = &files[i]->doc;
    }
    amp_backend_drop_nav(be);
    be->model =
        warm ? amp_model_warm(sources, n, be->model) : amp_model_rebuild(sources, n, be->model);
    free(sources);
    run_rules(ws, b, be->model, files, n);
    return true;
}

const amp_model *amp_backend_model(amp_workspace *ws, size_t b, const amp_text ***texts)
{
    if (texts)
        *texts = NULL;
    if (b >= ws->backend_count)
        return NULL;
    amp_workspace_close_imports(ws);
    amp_backend *be = &ws->backends[b];
    /* Called for every file whose diagnostics are flushed: with a current
     * model, no file list (sorting a thousand files a thousand times). */
    if (!texts && be->model && be->model_gen == be->gen)
        return be->model;
    size_t n = 0;
    amp_file **files = backend_files(ws, b, &n);
    if (!files)
        return NULL;
    if ((!be->model || be->model_gen != be->gen) && rebuild(ws, b, files, n, false))
        be->model_gen = be->gen;
    if (texts && be->model) {
        *texts = malloc((n ? n : 1) * sizeof **texts);
        for (size_t i = 0; *texts && i < n; i++)
            (*texts)[i] = &files[i]->doc.text;
    }
    free(files);
    return be->model;
}

/* A current model whose schema entries are not ready for keystrokes (see
 * amp_model_warm): the first keystrokes after opening a 2,000-model schema
 * would cost two to three times another's. */
static bool wants_warming(const amp_backend *be)
{
    return be->model && be->model_gen == be->gen && be->model->warmth < AMP_MODEL_WARM &&
           be->model->entries.count > 0;
}

bool amp_backend_warm(amp_workspace *ws)
{
    for (size_t b = 0; b < ws->backend_count; b++) {
        amp_backend *be = &ws->backends[b];
        if (!wants_warming(be))
            continue;
        /* The same texts: the same model and findings. The rules run too
         * (their records then stand for this model's types), but nothing
         * is published: what was is the same. */
        size_t n = 0;
        amp_file **files = backend_files(ws, b, &n);
        bool done = files && rebuild(ws, b, files, n, true);
        free(files);
        if (!done || !be->model)
            return false; /* out of memory: no more warming */
        break;
    }
    return amp_backend_wants_warm(ws);
}

void amp_workspace_collect(amp_workspace *ws)
{
    for (size_t b = 0; b < ws->backend_count; b++)
        amp_model_collect(ws->backends[b].model);
}

bool amp_backend_wants_warm(const amp_workspace *ws)
{
    for (size_t b = 0; b < ws->backend_count; b++)
        if (wants_warming(&ws->backends[b]))
            return true;
    return false;
}

amp_nav_index *amp_backend_nav(amp_workspace *ws, size_t b, const amp_model **model)
{
    const amp_text **texts = NULL;
    const amp_model *m = amp_backend_model(ws, b, &texts);
    *model = m;
    if (!m || !texts) {
        free(texts);
        return NULL;
    }
    amp_backend *be = &ws->backends[b];
    if (!be->nav) {
        /* The model was rebuilt (or never indexed): index it once. */
        be->nav = amp_nav_index_build(m, texts);
        be->nav_texts = be->nav ? texts : NULL;
        if (!be->nav)
            free(texts);
        return be->nav;
    }
    free(texts);
    amp_nav_index_reset(be->nav);
    return be->nav;
}

/* Keeps at most AMP_MAX_DIAGS_PER_FILE diagnostics (the first ones) and
 * says how many more there are: no editor is helped by ten thousand. */
static void cap_diagnostics(amp_diag_list *list)
{
    if (list->count <= AMP_MAX_DIAGS_PER_FILE)
        return;
    size_t more = list->count - AMP_MAX_DIAGS_PER_FILE;
    for (size_t i = AMP_MAX_DIAGS_PER_FILE; i < list->count; i++)
        amp_diag_free(&list->items[i]);
    list->count = AMP_MAX_DIAGS_PER_FILE;
    amp_diag_add(list, 0, 0, AMP_SEV_INFO, "too-many-diagnostics",
                 "%zu more diagnostics in this file are not shown; fix the ones above first.",
                 more);
}

void amp_analyze_models(amp_workspace *ws)
{
    for (size_t b = 0; b < ws->backend_count; b++)
        amp_backend_model(ws, b, NULL);
}

bool amp_analyze_file(amp_workspace *ws, amp_file *f)
{
    if (f->in_backend && f->backend >= 0)
        amp_backend_model(ws, (size_t)f->backend, NULL);
    amp_file_parse(ws, f);
    amp_diag_list fresh = {0};
    if (!f->handler)
        amp_syntax_diagnostics(&f->doc, &fresh);
    amp_diag_list_append(&fresh, &f->model_diags);
    cap_diagnostics(&fresh);
    bool changed = !amp_diag_list_equal(&fresh, &f->diags);
    amp_diag_list_clear(&f->diags);
    f->diags = fresh;
    f->diag_dirty = false;
    return changed;
}
