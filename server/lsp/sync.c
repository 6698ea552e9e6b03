/*
 * sync.c: text document synchronisation and workspace events.
 *
 * Incremental changes are applied in order, each converted from wire
 * positions to bytes against the text as the previous change left it; the
 * tree is edited with each change and reparsed once at the end. A range past
 * the end of the document is clamped to it (the LSP specification's rule
 * for characters past a line's end, extended to lines); a change that is not
 * an object with a string "text" is skipped with an error in the log.
 *
 * Project settings (amp_project.h): a change of package.json, a lockfile or
 * amplify-ls.json, on disk or (amplify-ls.json only, whose buffer wins) in
 * the editor, bumps the gen of the backends that read it, and only theirs:
 * their next analysis refreshes the project and re-runs their rules, and
 * their files' diagnostics are recomputed and republished. None of these
 * files is TypeScript a backend imports, so the import closure is left
 * alone, and amplify-ls.json is kept in the store unparsed (publish.c gives
 * it its problems as diagnostics).
 */
#include "session_internal.h"

#include <stdlib.h>
#include <string.h>

#include "amp_project.h"

/* True when key (a store key) is an amplify-ls.json on disk. */
static bool is_config_key(const char *key)
{
    return key[0] == '/' && amp_project_is_config_path(key);
}

/* The backends that read the settings file at key get a new generation. */
static void settings_changed(amp_session *s, const char *key)
{
    for (size_t b = 0; b < s->ws.backend_count; b++)
        if (amp_project_reads(&s->ws.backends[b], key))
            s->ws.backends[b].gen++;
}

amp_file *amp_sync_put_settings(amp_session *s, const char *key, const char *uri, const char *bytes,
                                uint32_t len, int64_t version, bool open)
{
    bool closure_dirty = s->ws.closure_dirty;
    amp_file *f = amp_file_put(&s->ws, key, uri, bytes, len, version, open);
    s->ws.closure_dirty = closure_dirty; /* no import resolves to it */
    return f;
}

/* Reads params.textDocument.text as bytes (it may hold NUL). */
static int text_of(json_t *td, const char **bytes, uint32_t *len)
{
    json_t *text = json_object_get(td, "text");
    if (!json_is_string(text) || json_string_length(text) >= UINT32_MAX - 1)
        return -1;
    *bytes = json_string_value(text);
    *len = (uint32_t)json_string_length(text);
    return 0;
}

void amp_sync_did_open(amp_session *s, json_t *params)
{
    json_t *td = json_object_get(params, "textDocument");
    const char *uri = amp_json_str(td, "uri");
    const char *bytes;
    uint32_t len;
    char *key = amp_key_of_uri(uri);
    if (!key || text_of(td, &bytes, &len) != 0) {
        amp_log(s, AMP_LOG_WARNING, "didOpen ignored: it needs textDocument.uri and .text");
        free(key);
        return;
    }
    json_t *version = json_object_get(td, "version");
    int64_t v = json_is_integer(version) ? json_integer_value(version) : 0;
    if (is_config_key(key)) {
        if (amp_sync_put_settings(s, key, uri, bytes, len, v, true)) {
            settings_changed(s, key);
            amp_diags_schedule(s);
        }
        free(key);
        return;
    }
    amp_file *f = amp_file_put(&s->ws, key, uri, bytes, len, v, true);
    if (f) {
        if (!f->in_backend)
            amp_workspace_adopt(&s->ws, key);
        amp_file_note_edit(&s->ws, f);
        amp_diags_schedule(s);
    }
    free(key);
}

/* Applies one contentChanges entry. Returns 0, or -1 when it is malformed. */
static int apply_change(amp_session *s, amp_file *f, json_t *change)
{
    json_t *text = json_object_get(change, "text");
    if (!json_is_string(text) || json_string_length(text) >= UINT32_MAX - 1)
        return -1;
    const char *bytes = json_string_value(text);
    uint32_t len = (uint32_t)json_string_length(text);
    json_t *range = json_object_get(change, "range");
    if (!range)
        return amp_doc_set_text(&f->doc, bytes, len);
    amp_lsp_pos a, b;
    if (amp_json_position(json_object_get(range, "start"), &a) != 0 ||
        amp_json_position(json_object_get(range, "end"), &b) != 0)
        return -1;
    amp_text_view view = amp_text_view_of(&f->doc.text);
    int clamped_a, clamped_b;
    uint32_t start = amp_pos_to_offset(view, s->encoding, a, &clamped_a);
    uint32_t end = amp_pos_to_offset(view, s->encoding, b, &clamped_b);
    if (clamped_a || clamped_b)
        amp_log(s, AMP_LOG_DEBUG, "a change range in %s was clamped to the document", f->key);
    if (end < start) {
        uint32_t t = start;
        start = end;
        end = t;
    }
    return amp_doc_edit(&f->doc, start, end, bytes, len);
}

void amp_sync_did_change(amp_session *s, json_t *params)
{
    json_t *td = json_object_get(params, "textDocument");
    char *key = amp_key_of_uri(amp_json_str(td, "uri"));
    amp_file *f = amp_file_get(&s->ws, key);
    if (!f || !f->open) {
        amp_log(s, AMP_LOG_WARNING, "didChange for a document that is not open: %s",
                key ? key : "(no uri)");
        free(key);
        return;
    }
    json_t *version = json_object_get(td, "version");
    if (json_is_integer(version)) {
        if (json_integer_value(version) <= f->doc.version)
            amp_log(s, AMP_LOG_WARNING, "didChange for %s: version %lld does not increase", key,
                    (long long)json_integer_value(version));
        f->doc.version = json_integer_value(version);
    }
    json_t *changes = json_object_get(params, "contentChanges");
    size_t i;
    json_t *change;
    json_array_foreach(changes, i, change)
    {
        if (apply_change(s, f, change) != 0)
            amp_log(s, AMP_LOG_ERROR, "didChange for %s: change %zu is malformed and was skipped",
                    key, i);
    }
    if (is_config_key(key)) {
        f->diag_dirty = true;
        settings_changed(s, key);
    } else {
        amp_file_note_edit(&s->ws, f);
    }
    amp_diags_schedule(s);
    free(key);
}

void amp_sync_did_close(amp_session *s, json_t *params)
{
    char *key = amp_key_of_uri(amp_json_str(json_object_get(params, "textDocument"), "uri"));
    amp_file *f = amp_file_get(&s->ws, key);
    if (!f) {
        amp_log(s, AMP_LOG_WARNING, "didClose for a document that is not open: %s",
                key ? key : "(no uri)");
        free(key);
        return;
    }
    f->open = false;
    if (is_config_key(key)) {
        /* The disk's text governs again; publish.c brings the stored copy
         * in line with it once the project is read again. */
        f->doc.version = -1;
        settings_changed(s, key);
        amp_diags_schedule(s);
    } else if (f->in_backend && key[0] == '/' && amp_file_load(&s->ws, key)) {
        /* The disk version takes over; its diagnostics follow. */
        amp_diags_schedule(s);
    } else {
        amp_file_remove(&s->ws, key);
    }
    free(key);
}

void amp_sync_did_save(amp_session *s, json_t *params)
{
    (void)s;
    (void)params;
}

/* Whether a changed path can change which backends exist. */
static bool names_backend_entry(const char *path)
{
    size_t n = strlen(path);
    return n >= 19 && strcmp(path + n - 19, "/amplify/backend.ts") == 0;
}

bool amp_sync_disk_change(amp_session *s, const char *key, bool deleted)
{
    amp_file *f = amp_file_get(&s->ws, key);
    if (amp_project_is_settings_path(key)) {
        /* Read from disk by project.c (package.json and lockfiles even
         * when open), except an open amplify-ls.json, whose buffer wins. */
        if (!(f && f->open && is_config_key(key)))
            settings_changed(s, key);
        return false;
    }
    if (f && f->open)
        return false; /* the editor's buffer wins */
    if (deleted) {
        if (f)
            amp_file_remove(&s->ws, key);
    } else if (f && !amp_file_load(&s->ws, key)) {
        /* No longer readable (a directory, a FIFO, a dangling or outward
         * link now): its old text must not be served as current. */
        amp_file_remove(&s->ws, key);
    }
    s->ws.closure_dirty = true;
    return names_backend_entry(key);
}

void amp_sync_did_change_watched(amp_session *s, json_t *params)
{
    json_t *changes = json_object_get(params, "changes");
    size_t i;
    json_t *change;
    bool rescan = false;
    json_array_foreach(changes, i, change)
    {
        char *key = amp_key_of_uri(amp_json_str(change, "uri"));
        json_t *type = json_object_get(change, "type");
        if (key && key[0] == '/' && json_is_integer(type))
            rescan |= amp_sync_disk_change(s, key, json_integer_value(type) == 3);
        free(key);
    }
    if (rescan)
        amp_workspace_scan(&s->ws);
    amp_diags_schedule(s);
}

void amp_sync_did_change_folders(amp_session *s, json_t *params)
{
    json_t *event = json_object_get(params, "event");
    size_t i;
    json_t *folder;
    json_array_foreach(json_object_get(event, "removed"), i, folder)
    {
        char *key = amp_key_of_uri(amp_json_str(folder, "uri"));
        if (key && key[0] == '/')
            amp_workspace_remove_folder(&s->ws, key);
        free(key);
    }
    json_array_foreach(json_object_get(event, "added"), i, folder)
    {
        char *key = amp_key_of_uri(amp_json_str(folder, "uri"));
        if (key && key[0] == '/')
            amp_workspace_add_folder(&s->ws, key);
        free(key);
    }
    amp_workspace_scan(&s->ws);
    amp_diags_schedule(s);
}
