/*
 * publish.c: computing diagnostics and handing them to the client.
 *
 * Changes mark files dirty; amp_diags_flush recomputes the dirty files of
 * every backend and pushes textDocument/publishDiagnostics with the document
 * version it was computed for. When the client supports pull diagnostics the
 * session answers textDocument/diagnostic and workspace/diagnostic instead
 * and pushes nothing, so the client never shows a diagnostic twice.
 *
 * An amplify-ls.json that a backend uses gets the problems its project found
 * in it (amp_project.h) as its diagnostics: the file is kept in the store,
 * outside every backend, with the text those problems were found in (the
 * editor's buffer when it is open). One that no backend uses any more has
 * none.
 */
#include "session_internal.h"

#include <stdlib.h>
#include <string.h>

#include "amp_analysis.h"
#include "amp_project.h"
#include "amp_rules.h"

#ifndef AMP_RULE_DOCS_URL
#define AMP_RULE_DOCS_URL ""
#endif

void amp_diags_schedule(amp_session *s)
{
    s->diags_scheduled = true;
}

/* Recomputes one file's diagnostics; true when they changed. */
static bool compute(amp_session *s, amp_file *f)
{
    return amp_analyze_file(&s->ws, f);
}

json_t *amp_diag_json(amp_session *s, amp_file *f, const amp_diag *d)
{
    json_t *j = json_pack("{s:o, s:i, s:s, s:s, s:o}", "range",
                          amp_json_range(s, &f->doc.text, d->start, d->end), "severity",
                          (int)d->severity, "code", d->code, "source", "amplify-ls", "message",
                          amp_json_text(d->message, strlen(d->message)));
    if (amp_rule_doc(d->code))
        json_object_set_new(j, "codeDescription",
                            json_pack("{s:s++}", "href", AMP_RULE_DOCS_URL, d->code, ".md"));
    if (d->tags) {
        json_t *tags = json_array();
        if (d->tags & AMP_TAG_UNNECESSARY)
            json_array_append_new(tags, json_integer(1));
        if (d->tags & AMP_TAG_DEPRECATED)
            json_array_append_new(tags, json_integer(2));
        json_object_set_new(j, "tags", tags);
    }
    if (d->related_count && s->client_related_info) {
        json_t *rel = json_array();
        for (size_t i = 0; i < d->related_count; i++) {
            amp_file *other = amp_file_get(&s->ws, d->related[i].file);
            if (!other)
                continue;
            json_array_append_new(
                rel,
                json_pack(
                    "{s:{s:s, s:o}, s:o}", "location", "uri", other->uri, "range",
                    amp_json_range(s, &other->doc.text, d->related[i].start, d->related[i].end),
                    "message",
                    amp_json_text(d->related[i].message, strlen(d->related[i].message))));
        }
        json_object_set_new(j, "relatedInformation", rel);
    }
    return j;
}

static json_t *diags_json(amp_session *s, amp_file *f)
{
    json_t *items = json_array();
    for (size_t i = 0; i < f->diags.count; i++)
        json_array_append_new(items, amp_diag_json(s, f, &f->diags.items[i]));
    return items;
}

static void publish(amp_session *s, amp_file *f, json_t *items)
{
    json_t *params = json_pack("{s:s, s:o}", "uri", f->uri, "diagnostics", items);
    if (f->doc.version >= 0)
        json_object_set_new(params, "version", json_integer(f->doc.version));
    amp_notify(s, "textDocument/publishDiagnostics", params);
}

/* ---- amplify-ls.json ------------------------------------------------------------ */

static bool is_config(const amp_file *f)
{
    return !f->in_backend && f->key[0] == '/' && amp_project_is_config_path(f->key);
}

/* The project of the first backend using the amplify-ls.json at key, or
 * NULL (borrowed until the backend's next refresh). */
static const amp_project *config_user(amp_session *s, const char *key)
{
    for (size_t b = 0; b < s->ws.backend_count; b++) {
        const amp_project *p = s->ws.backends[b].project;
        if (p && p->config_path && strcmp(p->config_path, key) == 0)
            return p;
    }
    return NULL;
}

/* True when f holds the text p's problems were found in (any text does
 * when p could not read one: its problem is at 1:1). */
static bool same_text(const amp_file *f, const amp_project *p)
{
    return !p->config_text || (f->doc.text.len == p->config_len &&
                               memcmp(f->doc.text.bytes, p->config_text, p->config_len) == 0);
}

/* Puts every amplify-ls.json in use into the store with the text its
 * problems were found in; an open one is the editor's and stays as it is.
 * Call after amp_analyze_models, which refreshes the projects. */
static void store_configs(amp_session *s)
{
    for (size_t b = 0; b < s->ws.backend_count; b++) {
        const amp_project *p = s->ws.backends[b].project;
        if (!p || !p->config_path)
            continue;
        amp_file *f = amp_file_get(&s->ws, p->config_path);
        if (f && (f->open || same_text(f, p)))
            continue;
        amp_sync_put_settings(s, p->config_path, NULL, p->config_text ? p->config_text : "",
                              p->config_text ? p->config_len : 0, -1, false);
    }
}

/* Recomputes an amplify-ls.json's diagnostics from the project using it
 * (none when no backend does) and clears diag_dirty. Returns true when they
 * changed. An open buffer edited since the project was read keeps its list
 * until the next refresh places the problems in its text. */
static bool compute_config(amp_session *s, amp_file *f)
{
    const amp_project *p = config_user(s, f->key);
    if (p && !same_text(f, p))
        return false;
    f->diag_dirty = false;
    amp_diag_list fresh = {0};
    if (p)
        amp_project_problem_diags(p, &f->doc.text, &fresh);
    bool changed = !amp_diag_list_equal(&fresh, &f->diags);
    amp_diag_list_clear(&f->diags);
    f->diags = fresh;
    return changed;
}

/* ---- pushing -------------------------------------------------------------------- */

/* Hands f's fresh diagnostics to the client. */
static void deliver(amp_session *s, amp_file *f, bool *refresh)
{
    if (s->client_pull_diags) {
        /* The client re-pulls the documents it has open by itself. */
        *refresh |= !f->open;
        return;
    }
    if (f->diags.count == 0 && !f->published && !f->open)
        return; /* a closed file with nothing to show or clear */
    f->published = f->diags.count > 0;
    publish(s, f, diags_json(s, f));
}

void amp_diags_flush(amp_session *s)
{
    s->diags_scheduled = false;
    size_t pos = 0;
    const char *key;
    void *value;
    bool refresh = false;
    amp_analyze_models(&s->ws);
    store_configs(s);
    while (amp_strmap_next(&s->ws.files, &pos, &key, &value)) {
        amp_file *f = value;
        if (is_config(f)) {
            /* An open one gets a list for each version, like any file. */
            bool edited = f->diag_dirty && f->open;
            bool changed = compute_config(s, f);
            if (!f->diag_dirty && (changed || edited))
                deliver(s, f, &refresh);
            continue;
        }
        if (!f->in_backend || !f->diag_dirty)
            continue;
        if (!compute(s, f) && f->doc.version < 0)
            continue; /* same findings in a file the editor does not have open */
        deliver(s, f, &refresh);
    }
    if (refresh)
        amp_request_client(s, "workspace/diagnostic/refresh", NULL);
    amp_workspace_collect(&s->ws); /* now that the lists are out */
}

void amp_diags_on_drop(void *ctx, amp_file *f)
{
    amp_session *s = ctx;
    amp_diag_list_clear(&f->diags);
    if (f->published && !s->client_pull_diags)
        publish(s, f, json_array());
    f->published = false;
}

/* The file a pull request names, computed fresh if needed; NULL when the
 * session does not analyse it. */
static amp_file *pulled_file(amp_session *s, const char *uri)
{
    char *key = amp_key_of_uri(uri);
    if (key && key[0] == '/' && amp_project_is_config_path(key)) {
        /* Its problems are known once the projects are refreshed. */
        amp_analyze_models(&s->ws);
        store_configs(s);
        amp_file *config = amp_file_get(&s->ws, key);
        free(key);
        if (config)
            compute_config(s, config);
        return config;
    }
    amp_file *f = amp_file_get(&s->ws, key);
    free(key);
    if (!f || !f->in_backend)
        return NULL;
    /* A change to another file of the backend re-runs its rules, which
     * marks f dirty: bring the model up to date before looking. */
    if (f->backend >= 0)
        amp_backend_model(&s->ws, (size_t)f->backend, NULL);
    if (f->diag_dirty || f->doc.tree_stale)
        compute(s, f);
    return f;
}

void amp_handle_pull_diagnostic(amp_session *s, json_t *id, json_t *params)
{
    const char *uri = amp_params_uri(s, id, params);
    if (!uri)
        return;
    amp_file *f = pulled_file(s, uri);
    json_t *items = f ? diags_json(s, f) : json_array();
    amp_reply(s, id, json_pack("{s:s, s:o}", "kind", "full", "items", items));
}

void amp_handle_workspace_diagnostic(amp_session *s, json_t *id, json_t *params)
{
    (void)params;
    json_t *reports = json_array();
    size_t pos = 0;
    const char *key;
    void *value;
    amp_analyze_models(&s->ws); /* marks the files whose findings may have changed */
    store_configs(s);
    while (amp_strmap_next(&s->ws.files, &pos, &key, &value)) {
        amp_file *f = value;
        if (is_config(f))
            compute_config(s, f);
        else if (!f->in_backend)
            continue;
        else if (f->diag_dirty || f->doc.tree_stale)
            compute(s, f);
        json_t *r =
            json_pack("{s:s, s:s, s:o}", "uri", f->uri, "kind", "full", "items", diags_json(s, f));
        json_object_set_new(r, "version",
                            f->doc.version >= 0 ? json_integer(f->doc.version) : json_null());
        json_array_append_new(reports, r);
    }
    amp_reply(s, id, json_pack("{s:o}", "items", reports));
}
