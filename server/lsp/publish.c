/*
 * publish.c: computing diagnostics and handing them to the client.
 *
 * Changes mark files dirty; amp_diags_flush recomputes the dirty files of
 * every backend and pushes textDocument/publishDiagnostics with the document
 * version it was computed for. When the client supports pull diagnostics the
 * session answers textDocument/diagnostic and workspace/diagnostic instead
 * and pushes nothing, so the client never shows a diagnostic twice.
 */
#include "session_internal.h"

#include <stdlib.h>
#include <string.h>

#include "amp_analysis.h"
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

void amp_diags_flush(amp_session *s)
{
    s->diags_scheduled = false;
    size_t pos = 0;
    const char *key;
    void *value;
    bool refresh = false;
    amp_analyze_models(&s->ws);
    while (amp_strmap_next(&s->ws.files, &pos, &key, &value)) {
        amp_file *f = value;
        if (!f->in_backend || !f->diag_dirty)
            continue;
        bool changed = compute(s, f);
        if (!changed && f->doc.version < 0)
            continue; /* same findings in a file the editor does not have open */
        if (s->client_pull_diags) {
            /* The client re-pulls the documents it has open by itself. */
            refresh |= !f->open;
            continue;
        }
        if (f->diags.count == 0 && !f->published && !f->open)
            continue; /* a closed file with nothing to show or clear */
        f->published = f->diags.count > 0;
        publish(s, f, diags_json(s, f));
    }
    if (refresh)
        amp_request_client(s, "workspace/diagnostic/refresh", NULL);
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
    while (amp_strmap_next(&s->ws.files, &pos, &key, &value)) {
        amp_file *f = value;
        if (!f->in_backend)
            continue;
        if (f->diag_dirty || f->doc.tree_stale)
            compute(s, f);
        json_t *r =
            json_pack("{s:s, s:s, s:o}", "uri", f->uri, "kind", "full", "items", diags_json(s, f));
        json_object_set_new(r, "version",
                            f->doc.version >= 0 ? json_integer(f->doc.version) : json_null());
        json_array_append_new(reports, r);
    }
    amp_reply(s, id, json_pack("{s:o}", "items", reports));
}
