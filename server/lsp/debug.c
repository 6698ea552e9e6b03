/*
 * debug.c: requests for tests and troubleshooting, served only when the
 * server runs with --debug-requests.
 *
 * amplify-ls/debugDocument {textDocument:{uri}} answers what the server holds
 * for a document: its text, version, whether it belongs to a backend, the
 * incremental tree and a fresh parse of the same text as S-expressions,
 * whether the document's internal invariants hold, and how its backend's
 * model was built (serial, entries reused, pairs noted). A test that
 * replays edits compares the text with its own copy and the two trees with
 * each other.
 */
#include "session_internal.h"

#include "amp_model.h"

#include <stdlib.h>
#include <string.h>

/* ts_node_string recurses on the C stack once per tree level, so a tree
 * deeper than this (100,000 nested parentheses) is not printed. */
#define AMP_DEBUG_MAX_PRINT_DEPTH 2000

/* True when the tree is deeper than max levels (walked with a cursor). */
static bool deeper_than(TSTree *tree, uint32_t max)
{
    TSTreeCursor c = ts_tree_cursor_new(ts_tree_root_node(tree));
    uint32_t depth = 0;
    bool deep = false;
    while (!deep) {
        if (ts_tree_cursor_goto_first_child(&c)) {
            deep = ++depth > max;
            continue;
        }
        while (!ts_tree_cursor_goto_next_sibling(&c)) {
            if (!ts_tree_cursor_goto_parent(&c)) {
                ts_tree_cursor_delete(&c);
                return false;
            }
            depth--;
        }
    }
    ts_tree_cursor_delete(&c);
    return true;
}

static json_t *tree_sexp(TSTree *tree)
{
    if (!tree)
        return json_null();
    if (deeper_than(tree, AMP_DEBUG_MAX_PRINT_DEPTH))
        return json_sprintf("(tree deeper than %d levels: not printed)", AMP_DEBUG_MAX_PRINT_DEPTH);
    char *s = ts_node_string(ts_tree_root_node(tree));
    json_t *j = json_string(s ? s : "");
    free(s);
    return j;
}

void amp_handle_debug_document(amp_session *s, json_t *id, json_t *params)
{
    const char *uri = amp_params_uri(s, id, params);
    if (!uri)
        return;
    char *key = amp_key_of_uri(uri);
    amp_file *f = amp_file_get(&s->ws, key);
    free(key);
    if (!f) {
        amp_reply_error(s, id, AMP_RPC_INVALID_PARAMS, "no document %s is known", uri);
        return;
    }
    amp_file_parse(&s->ws, f);
    /* Only a text amp_doc_reparse parsed may be parsed again (amp_doc.h). */
    TSTree *fresh = amp_doc_parse_fresh(&f->doc, s->parser);
    const amp_backend *b = amp_workspace_backend_of(&s->ws, f);
    json_t *result = json_pack("{s:s, s:I, s:o, s:i, s:b, s:b, s:o, s:o, s:b}", "uri", f->uri,
                               "version", (json_int_t)f->doc.version, "text",
                               amp_json_text(f->doc.text.bytes, f->doc.text.len), "lineCount",
                               (int)f->doc.text.line_count, "open", f->open, "inBackend",
                               f->in_backend, "tree", tree_sexp(f->doc.tree), "freshTree",
                               tree_sexp(fresh), "invariantsHold", amp_doc_check(&f->doc) == 0);
    json_object_set_new(result, "backend", b ? json_string(b->amplify_dir) : json_null());
    /* The backend's model as it is (not brought up to date): how it was
     * built from the one before (see amp_backend_warm). */
    const amp_model *m = b ? b->model : NULL;
    json_object_set_new(result, "model",
                        m ? json_pack("{s:I, s:I, s:I, s:I, s:b}", "serial", (json_int_t)m->serial,
                                      "warmth", (json_int_t)m->warmth, "clonedEntries",
                                      (json_int_t)m->cloned_count, "notedPairs",
                                      (json_int_t)m->noted_count, "current", b->model_gen == b->gen)
                          : json_null());
    ts_tree_delete(fresh);
    amp_reply(s, id, result);
}
