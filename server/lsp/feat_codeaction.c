/*
 * feat_codeaction.c: textDocument/codeAction, the quick fixes of the
 * analysis core (amp_fix.h) as LSP CodeActions with WorkspaceEdits.
 *
 * The fixes are recomputed from the backend's current model and rule
 * findings at the requested range: the diagnostics the client sends back
 * are checked for shape only, so a client that drops fields (or data) gets
 * the same actions. Each action names the finding it fixes as a Diagnostic
 * identical to the published one. The server never writes files: the
 * client applies the edit. Malformed params get InvalidParams; documents
 * that are not part of a backend get null.
 */
#include "amp_features.h"
#include "session_internal.h"

#include <stdlib.h>
#include <string.h>

#include "amp_analysis.h"
#include "amp_fix.h"

void amp_feat_codeaction_capabilities(amp_session *s, json_t *caps)
{
    (void)s;
    json_object_set_new(
        caps, "codeActionProvider",
        json_pack("{s:[s], s:b}", "codeActionKinds", "quickfix", "resolveProvider", 0));
}

/* True when context.only (absent, or an array of kinds) lets quick fixes
 * through: a kind matches its own kind and the kinds below it. */
static bool wants_quickfix(json_t *only)
{
    if (!only)
        return true;
    size_t i;
    json_t *kind;
    json_array_foreach(only, i, kind)
    {
        const char *k = json_string_value(kind);
        if (k && (k[0] == '\0' || strcmp(k, "quickfix") == 0))
            return true;
    }
    return false;
}

/* Checks params beside textDocument: range, and context with its
 * diagnostics array and optional only array of strings. Replies
 * InvalidParams and returns false when malformed. */
static bool read_params(amp_session *s, json_t *id, json_t *params, amp_lsp_pos pos[2])
{
    json_t *range = json_object_get(params, "range");
    if (amp_json_position(json_object_get(range, "start"), &pos[0]) != 0 ||
        amp_json_position(json_object_get(range, "end"), &pos[1]) != 0) {
        amp_reply_error(s, id, AMP_RPC_INVALID_PARAMS, "params.range must be a Range");
        return false;
    }
    json_t *context = json_object_get(params, "context");
    if (!json_is_object(context) || !json_is_array(json_object_get(context, "diagnostics"))) {
        amp_reply_error(s, id, AMP_RPC_INVALID_PARAMS,
                        "params.context must be a CodeActionContext with a diagnostics array");
        return false;
    }
    json_t *only = json_object_get(context, "only");
    size_t i;
    json_t *kind;
    bool strings = json_is_array(only);
    json_array_foreach(only, i, kind) strings &= json_is_string(kind);
    if (only && !strings) {
        amp_reply_error(s, id, AMP_RPC_INVALID_PARAMS,
                        "params.context.only must be an array of CodeActionKind strings");
        return false;
    }
    return true;
}

/* The action of fix; m and texts are NULL for a fix in a file outside the
 * model (a handler file: its edits are in f). */
static json_t *action_json(amp_session *s, amp_file *f, const amp_model *m,
                           const amp_text *const *texts, const amp_fix *fix, const amp_diag *d)
{
    json_t *edit = m ? amp_workspace_edit_json(s, m, texts, fix->edits, fix->edit_count)
                     : amp_file_edit_json(s, f, fix->edits, fix->edit_count);
    json_t *a = json_pack("{s:s, s:s, s:[o], s:o}", "title", fix->title, "kind", "quickfix",
                          "diagnostics", amp_diag_json(s, f, d), "edit", edit);
    if (fix->preferred)
        json_object_set_new(a, "isPreferred", json_true());
    return a;
}

void amp_handle_code_action(amp_session *s, json_t *id, json_t *params)
{
    const char *uri = amp_params_uri(s, id, params);
    amp_lsp_pos pos[2] = {{0, 0}, {0, 0}};
    if (!uri || !read_params(s, id, params, pos))
        return;
    if (!wants_quickfix(json_object_get(json_object_get(params, "context"), "only"))) {
        amp_reply(s, id, json_array());
        return;
    }
    amp_file *f = amp_backend_document(s, uri);
    const amp_text **texts = NULL;
    const amp_model *m = f ? amp_backend_model(&s->ws, (size_t)f->backend, &texts) : NULL;
    int file = m ? amp_model_file_index(m, f->key) : -1;
    /* A handler file is in no model: its findings (the handler rules', in
     * model_diags too) get the fixes that need no model. */
    bool outside = file < 0 && m && f->handler;
    if ((file < 0 && !outside) || !texts) {
        free(texts);
        amp_reply(s, id, json_null());
        return;
    }
    amp_text_view view = amp_text_view_of(&f->doc.text);
    uint32_t start = amp_pos_to_offset(view, s->encoding, pos[0], NULL);
    uint32_t end = amp_pos_to_offset(view, s->encoding, pos[1], NULL);
    if (end < start) {
        uint32_t t = start;
        start = end;
        end = t;
    }
    /* The backend's findings in f, current for this model (amp_backend_model
     * re-ran the rules if anything changed). */
    const amp_diag_list *found = &f->model_diags;
    amp_fix_set *set =
        outside ? amp_fix_compute_outside(&f->doc.text, found->items, found->count, start, end)
                : amp_fix_compute(m, (const amp_text *const *)texts, (uint32_t)file, found->items,
                                  found->count, start, end);
    json_t *out = json_array();
    for (size_t i = 0; set && i < set->count; i++)
        json_array_append_new(out,
                              action_json(s, f, outside ? NULL : m, (const amp_text *const *)texts,
                                          &set->fixes[i], &found->items[set->fixes[i].diag]));
    amp_fix_set_delete(set);
    free(texts);
    amp_reply(s, id, out);
}
