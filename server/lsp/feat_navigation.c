/*
 * feat_navigation.c: definition, references, document highlight, rename,
 * document and workspace symbols, inlay hints, semantic tokens and the hover
 * text of model symbols, as LSP JSON.
 *
 * Every answer comes from the pure navigation core (amp_nav.h) over the
 * backend's model: this file reads params, converts wire positions to byte
 * offsets (in the negotiated encoding) and byte ranges back to positions,
 * and shapes the JSON. Documents that are not part of a backend get null.
 * Malformed params get InvalidParams; a refused rename gets RequestFailed
 * with the reason.
 */
#include "amp_features.h"
#include "session_internal.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "amp_analysis.h"
#include "amp_nav.h"
#include "amp_uri.h"

/* ---- client capabilities -------------------------------------------------- */

/* What the client supports that changes the shape of answers. */
typedef struct nav_client {
    bool document_changes; /* workspace.workspaceEdit.documentChanges */
    bool link_support;     /* textDocument.definition.linkSupport */
    bool hierarchical;     /* textDocument.documentSymbol.hierarchicalDocumentSymbolSupport */
} nav_client;

static bool cap_true(json_t *caps, const char *a, const char *b, const char *c)
{
    return json_is_true(json_object_get(json_object_get(json_object_get(caps, a), b), c));
}

/* Reads the client capabilities the session kept from initialize. Until the
 * session keeps them (AMP_SESSION_CLIENT_CAPS: `json_t *client_caps` in
 * struct amp_session), answers take the shapes every client accepts, except
 * document symbols, which stay hierarchical as every bundled editor asks. */
static nav_client nav_client_of(amp_session *s)
{
    nav_client c = {false, false, true};
#ifdef AMP_SESSION_CLIENT_CAPS
    json_t *caps = s->client_caps;
    c.document_changes = cap_true(caps, "workspace", "workspaceEdit", "documentChanges");
    c.link_support = cap_true(caps, "textDocument", "definition", "linkSupport");
    c.hierarchical =
        cap_true(caps, "textDocument", "documentSymbol", "hierarchicalDocumentSymbolSupport");
#else
    (void)s;
    (void)cap_true;
#endif
    return c;
}

void amp_feat_navigation_capabilities(amp_session *s, json_t *caps)
{
    (void)s;
    json_t *types = json_array(), *mods = json_array();
    for (unsigned i = 0; i < AMP_TOK_COUNT; i++)
        json_array_append_new(types, json_string(amp_nav_token_type_name(i)));
    json_array_append_new(mods, json_string(amp_nav_token_modifier_name(0)));
    json_object_set_new(caps, "definitionProvider", json_true());
    json_object_set_new(caps, "referencesProvider", json_true());
    json_object_set_new(caps, "documentHighlightProvider", json_true());
    json_object_set_new(caps, "renameProvider", json_pack("{s:b}", "prepareProvider", 1));
    json_object_set_new(caps, "documentSymbolProvider", json_pack("{s:s}", "label", "Amplify"));
    json_object_set_new(caps, "workspaceSymbolProvider", json_true());
    json_object_set_new(caps, "inlayHintProvider", json_pack("{s:b}", "resolveProvider", 0));
    json_object_set_new(caps, "semanticTokensProvider",
                        json_pack("{s:{s:o, s:o}, s:b, s:b}", "legend", "tokenTypes", types,
                                  "tokenModifiers", mods, "full", 1, "range", 0));
}

/* ---- one request on one document ----------------------------------------- */

typedef struct nav_req {
    amp_file *f;                  /* the document (borrowed) */
    const amp_model *m;           /* its backend's model (borrowed) */
    const amp_text *const *texts; /* borrowed: texts of m->files */
    amp_nav_index *ix;            /* borrowed from the backend (amp_backend_nav) */
    uint32_t file;                /* index of f in m->files */
    uint32_t offset;              /* params.position (or params.range's start) in bytes */
    uint32_t end;                 /* params.range's end in bytes */
} nav_req;

/* What a request reads besides params.textDocument. */
typedef enum { NAV_DOC, NAV_POSITION, NAV_RANGE } nav_needs;

static void nav_close(nav_req *r)
{
    memset(r, 0, sizeof *r); /* the index and texts belong to the backend */
}

/* Reads params.position (NAV_POSITION) or params.range (NAV_RANGE) into
 * pos[0..1]; replies InvalidParams and returns false when malformed. */
static bool read_positions(amp_session *s, json_t *id, json_t *params, nav_needs needs,
                           amp_lsp_pos pos[2])
{
    json_t *range = json_object_get(params, "range");
    if (needs == NAV_POSITION &&
        amp_json_position(json_object_get(params, "position"), &pos[0]) != 0) {
        amp_reply_error(s, id, AMP_RPC_INVALID_PARAMS, "params.position must be a Position");
        return false;
    }
    if (needs == NAV_RANGE && (amp_json_position(json_object_get(range, "start"), &pos[0]) != 0 ||
                               amp_json_position(json_object_get(range, "end"), &pos[1]) != 0)) {
        amp_reply_error(s, id, AMP_RPC_INVALID_PARAMS, "params.range must be a Range");
        return false;
    }
    return true;
}

/* Builds the index of the backend holding f, and finds f in it. */
static bool load_backend(amp_session *s, amp_file *f, nav_req *r)
{
    r->f = f;
    r->ix = amp_backend_nav(&s->ws, (size_t)f->backend, &r->m);
    int file = r->ix ? amp_model_file_index(r->m, f->key) : -1;
    if (file < 0)
        return false;
    r->file = (uint32_t)file;
    r->texts = r->ix->texts;
    return true;
}

amp_file *amp_backend_document(amp_session *s, const char *uri)
{
    char *key = amp_key_of_uri(uri);
    amp_file *f = key ? amp_file_get(&s->ws, key) : NULL;
    free(key);
    return f && f->in_backend && f->backend >= 0 ? f : NULL;
}

/* Opens a request on params.textDocument and what needs names. Returns true
 * when r is ready (close it with nav_close); otherwise the request has been
 * answered: InvalidParams for malformed params, null for a document that is
 * not part of a backend. */
static bool nav_open(amp_session *s, json_t *id, json_t *params, nav_needs needs, nav_req *r)
{
    memset(r, 0, sizeof *r);
    const char *uri = amp_params_uri(s, id, params);
    amp_lsp_pos pos[2] = {{0, 0}, {0, 0}};
    if (!uri || !read_positions(s, id, params, needs, pos))
        return false;
    amp_file *f = amp_backend_document(s, uri);
    if (!f || !load_backend(s, f, r)) {
        nav_close(r);
        amp_reply(s, id, json_null());
        return false;
    }
    amp_text_view view = amp_text_view_of(&f->doc.text);
    r->offset = amp_pos_to_offset(view, s->encoding, pos[0], NULL);
    r->end = amp_pos_to_offset(view, s->encoding, pos[1], NULL);
    return true;
}

/* ---- JSON shapes ------------------------------------------------------------- */

/* The store file of a model file, or NULL. */
static amp_file *model_file(amp_session *s, const nav_req *r, uint32_t file)
{
    return file < r->m->file_count ? amp_file_get(&s->ws, r->m->files[file].path) : NULL;
}

static json_t *range_json(amp_session *s, const nav_req *r, amp_loc loc)
{
    return amp_json_range(s, r->texts[loc.file], loc.start, loc.end);
}

/* A Location, or NULL when the file is not in the store. */
static json_t *location_json(amp_session *s, const nav_req *r, amp_loc loc)
{
    amp_file *f = model_file(s, r, loc.file);
    if (!f)
        return NULL;
    return json_pack("{s:s, s:o}", "uri", f->uri, "range", range_json(s, r, loc));
}

static json_t *empty_range(void)
{
    return json_pack("{s:{s:i, s:i}, s:{s:i, s:i}}", "start", "line", 0, "character", 0, "end",
                     "line", 0, "character", 0);
}

/* ---- definition ----------------------------------------------------------------- */

/* The URI of a file a link names, or NULL (owned) when it does not exist. */
static char *link_uri(amp_session *s, const char *path)
{
    amp_file *f = amp_file_get(&s->ws, path);
    if (f)
        return strdup(f->uri);
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return NULL;
    return amp_path_to_uri(path);
}

static json_t *file_target_json(amp_session *s, const nav_req *r, const amp_nav_target *t,
                                bool links)
{
    char *uri = link_uri(s, t->path);
    if (!uri)
        return json_null();
    json_t *item = links ? json_pack("{s:o, s:s, s:o, s:o}", "originSelectionRange",
                                     range_json(s, r, t->origin), "targetUri", uri, "targetRange",
                                     empty_range(), "targetSelectionRange", empty_range())
                         : json_pack("{s:s, s:o}", "uri", uri, "range", empty_range());
    free(uri);
    return json_pack("[o]", item);
}

static json_t *definition_json(amp_session *s, const nav_req *r, const amp_nav_target *t,
                               bool links)
{
    if (t->is_file)
        return file_target_json(s, r, t, links);
    amp_file *target = model_file(s, r, t->selection.file);
    if (!target)
        return json_null();
    if (!links)
        return json_pack("[o]", location_json(s, r, t->selection));
    return json_pack("[{s:o, s:s, s:o, s:o}]", "originSelectionRange", range_json(s, r, t->origin),
                     "targetUri", target->uri, "targetRange", range_json(s, r, t->range),
                     "targetSelectionRange", range_json(s, r, t->selection));
}

void amp_handle_definition(amp_session *s, json_t *id, json_t *params)
{
    nav_req r;
    if (!nav_open(s, id, params, NAV_POSITION, &r))
        return;
    amp_nav_target t;
    json_t *result = amp_nav_definition(r.ix, r.file, r.offset, &t)
                         ? definition_json(s, &r, &t, nav_client_of(s).link_support)
                         : json_null();
    nav_close(&r);
    amp_reply(s, id, result);
}

/* ---- references and highlights ------------------------------------------------ */

void amp_handle_references(amp_session *s, json_t *id, json_t *params)
{
    json_t *context = json_object_get(params, "context");
    json_t *decl = json_object_get(context, "includeDeclaration");
    if ((context && !json_is_object(context)) || (decl && !json_is_boolean(decl))) {
        amp_reply_error(s, id, AMP_RPC_INVALID_PARAMS,
                        "params.context must be a ReferenceContext {includeDeclaration: boolean}");
        return;
    }
    nav_req r;
    if (!nav_open(s, id, params, NAV_POSITION, &r))
        return;
    bool with_decl = json_is_true(decl);
    const amp_occ *at = amp_nav_occ_at(r.ix, r.file, r.offset);
    json_t *result = at ? json_array() : json_null();
    for (size_t i = 0; at && i < r.ix->occ_count; i++) {
        const amp_occ *o = &r.ix->occs[i];
        if (o->sym != at->sym || (!with_decl && (o->flags & AMP_OCC_DEF)))
            continue;
        json_t *loc = location_json(s, &r, o->loc);
        if (loc)
            json_array_append_new(result, loc);
    }
    nav_close(&r);
    amp_reply(s, id, result);
}

void amp_handle_document_highlight(amp_session *s, json_t *id, json_t *params)
{
    nav_req r;
    if (!nav_open(s, id, params, NAV_POSITION, &r))
        return;
    const amp_occ *at = amp_nav_occ_at(r.ix, r.file, r.offset);
    json_t *result = at ? json_array() : json_null();
    for (size_t i = 0; at && i < r.ix->occ_count; i++) {
        const amp_occ *o = &r.ix->occs[i];
        if (o->sym != at->sym || o->loc.file != r.file)
            continue;
        int kind = o->flags & AMP_OCC_DEF ? 3 : 2; /* Write : Read */
        json_array_append_new(
            result, json_pack("{s:o, s:i}", "range", range_json(s, &r, o->loc), "kind", kind));
    }
    nav_close(&r);
    amp_reply(s, id, result);
}

/* ---- rename ------------------------------------------------------------------------ */

void amp_handle_prepare_rename(amp_session *s, json_t *id, json_t *params)
{
    nav_req r;
    if (!nav_open(s, id, params, NAV_POSITION, &r))
        return;
    amp_loc range;
    const char *placeholder = NULL;
    char err[512] = "";
    int rc = amp_nav_prepare_rename(r.ix, r.file, r.offset, &range, &placeholder, err, sizeof err);
    if (rc < 0)
        amp_reply_error(s, id, AMP_RPC_REQUEST_FAILED, "%s", err);
    else if (rc > 0)
        amp_reply(s, id, json_null());
    else
        amp_reply(
            s, id,
            json_pack("{s:o, s:s}", "range", range_json(s, &r, range), "placeholder", placeholder));
    nav_close(&r);
}

/* Adds the TextEdits of edits in `file` (whose text is text) for f to the
 * edit being built: to list as a versioned TextDocumentEdit, or to by_uri. */
static void add_file_edits(amp_session *s, json_t *list, json_t *by_uri, amp_file *f,
                           const amp_text *text, const amp_nav_edit *edits, size_t count,
                           uint32_t file)
{
    json_t *out = json_array();
    for (size_t i = 0; i < count; i++)
        if (edits[i].loc.file == file)
            json_array_append_new(
                out, json_pack("{s:o, s:s}", "range",
                               amp_json_range(s, text, edits[i].loc.start, edits[i].loc.end),
                               "newText", edits[i].text));
    if (!list) {
        json_object_set_new(by_uri, f->uri, out);
        return;
    }
    json_t *version = f->doc.version >= 0 ? json_integer(f->doc.version) : json_null();
    json_array_append_new(list, json_pack("{s:{s:s, s:o}, s:o}", "textDocument", "uri", f->uri,
                                          "version", version, "edits", out));
}

/* Wraps what add_file_edits built: documentChanges when the client supports
 * them, else changes. */
static json_t *workspace_edit(json_t *list, json_t *by_uri)
{
    if (list) {
        json_decref(by_uri);
        return json_pack("{s:o}", "documentChanges", list);
    }
    return json_pack("{s:o}", "changes", by_uri);
}

json_t *amp_workspace_edit_json(amp_session *s, const amp_model *m, const amp_text *const *texts,
                                const amp_nav_edit *edits, size_t count)
{
    nav_req req;
    memset(&req, 0, sizeof req);
    req.m = m;
    req.texts = texts;
    json_t *list = nav_client_of(s).document_changes ? json_array() : NULL;
    json_t *by_uri = json_object();
    for (size_t i = 0; i < count; i++) {
        if (i > 0 && edits[i].loc.file == edits[i - 1].loc.file)
            continue; /* each file once, at its first edit */
        amp_file *f = model_file(s, &req, edits[i].loc.file);
        if (f)
            add_file_edits(s, list, by_uri, f, texts[edits[i].loc.file], edits, count,
                           edits[i].loc.file);
    }
    return workspace_edit(list, by_uri);
}

json_t *amp_file_edit_json(amp_session *s, amp_file *f, const amp_nav_edit *edits, size_t count)
{
    json_t *list = nav_client_of(s).document_changes ? json_array() : NULL;
    json_t *by_uri = json_object();
    add_file_edits(s, list, by_uri, f, &f->doc.text, edits, count, 0);
    return workspace_edit(list, by_uri);
}

void amp_handle_rename(amp_session *s, json_t *id, json_t *params)
{
    const char *new_name = amp_json_str(params, "newName");
    if (json_is_object(params) && json_object_get(params, "textDocument") && !new_name) {
        amp_reply_error(s, id, AMP_RPC_INVALID_PARAMS, "params.newName must be a string");
        return;
    }
    nav_req r;
    if (!nav_open(s, id, params, NAV_POSITION, &r))
        return;
    amp_nav_edit *edits = NULL;
    size_t count = 0;
    char err[512] = "";
    int rc = amp_nav_rename(r.ix, r.file, r.offset, new_name, &edits, &count, err, sizeof err);
    if (rc < 0)
        amp_reply_error(s, id, AMP_RPC_REQUEST_FAILED, "%s", err);
    else if (rc > 0)
        amp_reply(s, id, json_null());
    else
        amp_reply(s, id, amp_workspace_edit_json(s, r.m, r.texts, edits, count));
    nav_close(&r);
}

/* ---- symbols ------------------------------------------------------------------------ */

static json_t *document_symbol_json(amp_session *s, const nav_req *r, const amp_nav_docsym *d)
{
    json_t *j =
        json_pack("{s:s, s:i, s:o, s:o}", "name", d->name, "kind", (int)d->kind, "range",
                  range_json(s, r, d->range), "selectionRange", range_json(s, r, d->selection));
    if (d->detail)
        json_object_set_new(j, "detail", amp_json_text(d->detail, strlen(d->detail)));
    return j;
}

/* DocumentSymbol[]: children under their parents (which come first). */
static json_t *symbol_tree_json(amp_session *s, const nav_req *r, const amp_nav_docsym *items,
                                size_t count)
{
    json_t *top = json_array();
    json_t **made = calloc(count ? count : 1, sizeof *made);
    for (size_t i = 0; made && i < count; i++) {
        made[i] = document_symbol_json(s, r, &items[i]);
        int p = items[i].parent;
        if (p < 0 || (size_t)p >= i) {
            json_array_append_new(top, made[i]);
            continue;
        }
        json_t *children = json_object_get(made[p], "children");
        if (!children) {
            children = json_array();
            json_object_set_new(made[p], "children", children);
        }
        json_array_append_new(children, made[i]);
    }
    free(made);
    return top;
}

/* A SymbolInformation. */
static json_t *symbol_info_json(amp_session *s, const nav_req *r, const amp_nav_docsym *d)
{
    json_t *loc = location_json(s, r, d->selection);
    if (!loc)
        return NULL;
    json_t *j =
        json_pack("{s:s, s:i, s:o}", "name", d->name, "kind", (int)d->kind, "location", loc);
    if (d->container)
        json_object_set_new(j, "containerName", json_string(d->container));
    return j;
}

static json_t *symbol_list_json(amp_session *s, const nav_req *r, const amp_nav_docsym *items,
                                size_t count)
{
    json_t *out = json_array();
    for (size_t i = 0; i < count; i++) {
        json_t *j = symbol_info_json(s, r, &items[i]);
        if (j)
            json_array_append_new(out, j);
    }
    return out;
}

void amp_handle_document_symbol(amp_session *s, json_t *id, json_t *params)
{
    nav_req r;
    if (!nav_open(s, id, params, NAV_DOC, &r))
        return;
    size_t count = 0;
    amp_nav_docsym *items = amp_nav_document_symbols(r.ix, r.file, &count);
    json_t *result = nav_client_of(s).hierarchical ? symbol_tree_json(s, &r, items, count)
                                                   : symbol_list_json(s, &r, items, count);
    nav_close(&r);
    amp_reply(s, id, result);
}

/* Appends the matching symbols of backend b to out. */
static void backend_symbols(amp_session *s, size_t b, const char *query, json_t *out)
{
    nav_req r;
    memset(&r, 0, sizeof r);
    r.ix = amp_backend_nav(&s->ws, b, &r.m);
    r.texts = r.ix ? r.ix->texts : NULL;
    size_t count = 0;
    amp_nav_docsym *items = r.ix ? amp_nav_workspace_symbols(r.ix, query, &count) : NULL;
    for (size_t i = 0; i < count; i++) {
        json_t *j = symbol_info_json(s, &r, &items[i]);
        if (j)
            json_array_append_new(out, j);
    }
    nav_close(&r);
}

void amp_handle_workspace_symbol(amp_session *s, json_t *id, json_t *params)
{
    const char *query = amp_json_str(params, "query");
    if (!query) {
        amp_reply_error(s, id, AMP_RPC_INVALID_PARAMS, "params.query must be a string");
        return;
    }
    json_t *out = json_array();
    for (size_t b = 0; b < s->ws.backend_count; b++)
        backend_symbols(s, b, query, out);
    amp_reply(s, id, out);
}

/* ---- inlay hints and semantic tokens ------------------------------------------------ */

/* An InlayHint at offset of the request's document. */
static json_t *hint_json(amp_session *s, const nav_req *r, const amp_nav_hint *h)
{
    amp_lsp_pos p = amp_offset_to_pos(amp_text_view_of(&r->f->doc.text), s->encoding, h->offset);
    return json_pack("{s:{s:I, s:I}, s:s, s:i, s:b, s:s}", "position", "line", (json_int_t)p.line,
                     "character", (json_int_t)p.character, "label", h->label, "kind", 1,
                     "paddingLeft", 1, "tooltip", h->tooltip ? h->tooltip : "");
}

void amp_handle_inlay_hint(amp_session *s, json_t *id, json_t *params)
{
    nav_req r;
    if (!nav_open(s, id, params, NAV_RANGE, &r))
        return;
    size_t count = 0;
    amp_nav_hint *hints = amp_nav_inlay_hints(r.ix, r.file, r.offset, r.end, &count);
    json_t *out = json_array();
    for (size_t i = 0; i < count; i++)
        json_array_append_new(out, hint_json(s, &r, &hints[i]));
    nav_close(&r);
    amp_reply(s, id, out);
}

void amp_handle_semantic_tokens(amp_session *s, json_t *id, json_t *params)
{
    nav_req r;
    if (!nav_open(s, id, params, NAV_DOC, &r))
        return;
    size_t count = 0;
    amp_nav_token *tokens = amp_nav_semantic_tokens(r.ix, r.file, &count);
    amp_text_view view = amp_text_view_of(&r.f->doc.text);
    json_t *data = json_array();
    amp_lsp_pos prev = {0, 0};
    for (size_t i = 0; i < count; i++) {
        amp_lsp_pos a = amp_offset_to_pos(view, s->encoding, tokens[i].start);
        amp_lsp_pos b = amp_offset_to_pos(view, s->encoding, tokens[i].end);
        if (b.line != a.line || b.character <= a.character)
            continue;
        json_int_t cols[5] = {a.line - prev.line,
                              a.line == prev.line ? a.character - prev.character : a.character,
                              b.character - a.character, tokens[i].type, tokens[i].modifiers};
        for (size_t k = 0; k < 5; k++)
            json_array_append_new(data, json_integer(cols[k]));
        prev = a;
    }
    nav_close(&r);
    amp_reply(s, id, json_pack("{s:o}", "data", data));
}

/* ---- hover text ----------------------------------------------------------------------- */

json_t *amp_nav_hover_markdown(amp_session *s, amp_file *f, uint32_t offset)
{
    if (!f || !f->in_backend || f->backend < 0)
        return NULL;
    nav_req r;
    memset(&r, 0, sizeof r);
    if (!load_backend(s, f, &r)) {
        nav_close(&r);
        return NULL;
    }
    amp_loc range;
    const char *md = amp_nav_hover(r.ix, r.file, offset, &range);
    json_t *out = md ? amp_json_text(md, strlen(md)) : NULL;
    nav_close(&r);
    return out;
}
