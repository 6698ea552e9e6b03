/*
 * feat_completion.c: completion (+ completionItem/resolve), signature help
 * and hover, as LSP JSON.
 *
 * The answers come from the pure core (amp_complete.h): this file reads the
 * params, converts the wire position to a byte offset in the negotiated
 * encoding and byte ranges back to positions, hands the core the backend's
 * model on demand, and shapes the JSON. Only files that belong to a backend
 * get answers (null elsewhere: the TypeScript server answers there); a
 * malformed request gets InvalidParams.
 *
 * Completion items carry the catalogue id in `data`; resolve adds the full
 * markdown documentation then, so the list stays small. Hover asks
 * navigation first (models, fields, functions, groups named in the
 * backend), then the catalogue.
 */
#include "amp_features.h"
#include "session_internal.h"

#include <stdlib.h>
#include <string.h>

#include "amp_analysis.h"
#include "amp_complete.h"

/* ---- client capabilities ------------------------------------------------- */

/* True when the client accepts snippets in completion items. Until the
 * session keeps the client capabilities (AMP_SESSION_CLIENT_CAPS: `json_t
 * *client_caps` in struct amp_session, as feat_navigation.c reads them),
 * items insert plain text, which every client accepts. */
static bool client_snippets(amp_session *s)
{
#ifdef AMP_SESSION_CLIENT_CAPS
    json_t *item = json_object_get(
        json_object_get(json_object_get(s->client_caps, "textDocument"), "completion"),
        "completionItem");
    return json_is_true(json_object_get(item, "snippetSupport"));
#else
    (void)s;
    return false;
#endif
}

void amp_feat_completion_capabilities(amp_session *s, json_t *caps)
{
    (void)s;
    json_object_set_new(caps, "completionProvider",
                        json_pack("{s:[s,s,s,s,s,s,s], s:b}", "triggerCharacters", ".", "'", "\"",
                                  "(", "[", "{", ",", "resolveProvider", 1));
    json_object_set_new(caps, "hoverProvider", json_true());
    json_object_set_new(
        caps, "signatureHelpProvider",
        json_pack("{s:[s,s], s:[s]}", "triggerCharacters", "(", ",", "retriggerCharacters", ","));
}

/* True when the client takes the range every item replaces once, in the
 * list's itemDefaults.editRange (LSP 3.17), instead of in each item: a list
 * of 500 model names is then half the size. */
static bool client_default_edit_range(amp_session *s)
{
#ifdef AMP_SESSION_CLIENT_CAPS
    json_t *list = json_object_get(
        json_object_get(json_object_get(s->client_caps, "textDocument"), "completion"),
        "completionList");
    json_t *defaults = json_object_get(list, "itemDefaults");
    size_t i;
    json_t *v;
    json_array_foreach(defaults, i, v)
    {
        if (json_is_string(v) && strcmp(json_string_value(v), "editRange") == 0)
            return true;
    }
    return false;
#else
    (void)s;
    return false;
#endif
}

/* ---- one request --------------------------------------------------------- */

typedef struct feat_req {
    amp_session *s;
    amp_file *f;
    uint32_t offset;
    amp_feature_env env;
} feat_req;

/* The model of the request's backend, built on first use. */
static const amp_model *request_model(void *ctx)
{
    feat_req *r = ctx;
    if (r->f->backend < 0)
        return NULL;
    return amp_backend_model(&r->s->ws, (size_t)r->f->backend, NULL);
}

/* Reads params.textDocument and params.position. Returns 1 when the request
 * is ready, 0 when the document is unknown or not part of a backend (the
 * caller answers null), -1 when an error was sent. */
static int open_request(amp_session *s, json_t *id, json_t *params, feat_req *r)
{
    memset(r, 0, sizeof *r);
    const char *uri = amp_params_uri(s, id, params);
    if (!uri)
        return -1;
    amp_lsp_pos pos;
    if (amp_json_position(json_object_get(params, "position"), &pos) != 0) {
        amp_reply_error(s, id, AMP_RPC_INVALID_PARAMS, "params.position must be a Position");
        return -1;
    }
    char *key = amp_key_of_uri(uri);
    amp_file *f = key ? amp_file_get(&s->ws, key) : NULL;
    free(key);
    if (!f || !f->in_backend)
        return 0;
    r->s = s;
    r->f = f;
    r->offset = amp_pos_to_offset(amp_text_view_of(&f->doc.text), s->encoding, pos, NULL);
    r->env.text = &f->doc.text;
    r->env.path = f->key;
    r->env.model = request_model;
    r->env.model_ctx = r;
    r->env.snippets = client_snippets(s);
    amp_file_parse(&s->ws, f);
    r->env.doc = &f->doc;
    return 1;
}

static json_t *markdown(const char *text)
{
    return json_pack("{s:s, s:o}", "kind", "markdown", "value", amp_json_text(text, strlen(text)));
}

/* ---- completion ---------------------------------------------------------- */

/* LSP CompletionItemKind of an item. */
static int lsp_kind(amp_citem_kind k)
{
    switch (k) {
    case AMP_CI_METHOD:
        return 2;
    case AMP_CI_FUNCTION:
    case AMP_CI_OPERATION:
        return 3;
    case AMP_CI_FIELD:
        return 5;
    case AMP_CI_RESOURCE:
        return 6;
    case AMP_CI_MODEL:
        return 7;
    case AMP_CI_NAMESPACE:
        return 9;
    case AMP_CI_PROPERTY:
    case AMP_CI_OPTION:
        return 10;
    case AMP_CI_ENUM:
        return 13;
    case AMP_CI_VALUE:
        return 20;
    case AMP_CI_GROUP:
        return 21;
    case AMP_CI_TYPE:
        return 22;
    }
    return 1;
}

/* Writes a key and a string value, after a comma. */
static void put_str(amp_jtext *t, const char *key, const char *value)
{
    amp_jtext_raw(t, key);
    amp_jtext_str(t, value ? value : "", value ? strlen(value) : 0);
}

/* Writes one CompletionItem. `range` is the JSON text of the range every
 * item replaces (converted to wire positions once per request), or NULL
 * when the list gives it in itemDefaults.editRange. */
static void write_item(amp_jtext *t, feat_req *r, const char *range, const amp_citem *it)
{
    const amp_text *text = &r->f->doc.text;
    bool snippet = it->snippet != NULL;
    const char *insert = snippet ? it->snippet : it->insert;
    put_str(t, "{\"label\":", it->label);
    amp_jtext_raw(t, ",\"kind\":");
    amp_jtext_int(t, lsp_kind(it->kind));
    put_str(t, ",\"sortText\":", it->sort);
    if (snippet)
        amp_jtext_raw(t, ",\"insertTextFormat\":2"); /* plain text is the default */
    if (range) {
        amp_jtext_raw(t, ",\"textEdit\":{\"range\":");
        amp_jtext_raw(t, range);
        put_str(t, ",\"newText\":", insert);
        amp_jtext_raw(t, "}");
    } else if (strcmp(insert, it->label) != 0) {
        put_str(t, ",\"textEditText\":", insert);
    }
    if (it->detail)
        put_str(t, ",\"detail\":", it->detail);
    if (it->doc) {
        json_t *doc = markdown(it->doc);
        amp_jtext_raw(t, ",\"documentation\":");
        amp_jtext_json(t, doc);
        json_decref(doc);
    }
    if (it->filter)
        put_str(t, ",\"filterText\":", it->filter);
    if (it->deprecated)
        amp_jtext_raw(t, ",\"tags\":[1]");
    if (it->entry) {
        put_str(t, ",\"data\":{\"catalog\":", amp_cat_id(it->entry));
        amp_jtext_raw(t, "}");
    } else if (it->resolve_type) {
        put_str(t, ",\"data\":{\"type\":", it->resolve_type);
        put_str(t, ",\"uri\":", r->f->uri);
        amp_jtext_raw(t, "}");
    }
    if (it->import_text) {
        json_t *at = amp_json_range(r->s, text, it->import_at, it->import_at);
        amp_jtext_raw(t, ",\"additionalTextEdits\":[{\"range\":");
        amp_jtext_json(t, at);
        put_str(t, ",\"newText\":", it->import_text);
        amp_jtext_raw(t, "}]");
        json_decref(at);
    }
    amp_jtext_raw(t, "}");
}

void amp_handle_completion(amp_session *s, json_t *id, json_t *params)
{
    feat_req r;
    int ready = open_request(s, id, params, &r);
    if (ready <= 0) {
        if (ready == 0)
            amp_reply(s, id, json_null());
        return;
    }
    amp_completion c;
    int n = amp_complete(&r.env, r.offset, &c);
    if (n < 0) {
        amp_reply_error(s, id, AMP_RPC_INTERNAL_ERROR, "out of memory computing completions");
        return;
    }
    /* A list of thousands (models of a large schema) costs the client more
     * than asking again: send the items matching what was typed. */
    bool incomplete = amp_completion_narrow(&c, &r.f->doc.text, r.offset, AMP_COMPLETION_MAX);
    n = (int)c.count;
    amp_log(s, AMP_LOG_DEBUG, "completion at %u: context %s, %d item(s)%s", r.offset, c.context, n,
            incomplete ? " (narrowed)" : "");
    if (n == 0 && !incomplete) {
        amp_completion_free(&c);
        amp_reply(s, id, json_null());
        return;
    }
    /* Written as text: hundreds of items as json_t cost ten times more. */
    json_t *range = amp_json_range(s, &r.f->doc.text, c.start, c.end);
    char *range_text = json_dumps(range, JSON_COMPACT | JSON_ENSURE_ASCII);
    json_decref(range);
    bool shared = client_default_edit_range(s);
    amp_jtext t = {0};
    t.failed = range_text == NULL;
    amp_jtext_raw(&t, incomplete ? "{\"isIncomplete\":true,\"items\":["
                                 : "{\"isIncomplete\":false,\"items\":[");
    for (size_t i = 0; i < c.count; i++) {
        if (i)
            amp_jtext_raw(&t, ",");
        write_item(&t, &r, shared ? NULL : range_text, &c.items[i]);
    }
    amp_jtext_raw(&t, "]");
    if (shared && range_text) {
        amp_jtext_raw(&t, ",\"itemDefaults\":{\"editRange\":");
        amp_jtext_raw(&t, range_text);
        amp_jtext_raw(&t, "}");
    }
    amp_jtext_raw(&t, "}");
    amp_completion_free(&c);
    free(range_text);
    amp_reply_jtext(s, id, &t);
}

/* The description of the schema type resolve data names ({type, uri}), or
 * NULL. Owned string. */
static char *type_markdown(amp_session *s, json_t *data)
{
    const char *name = amp_json_str(data, "type");
    char *key = name ? amp_key_of_uri(amp_json_str(data, "uri")) : NULL;
    amp_file *f = key ? amp_file_get(&s->ws, key) : NULL;
    free(key);
    if (!f || !f->in_backend || f->backend < 0)
        return NULL;
    const amp_model *m = amp_backend_model(&s->ws, (size_t)f->backend, NULL);
    return amp_type_markdown(m, f->key, name);
}

void amp_handle_completion_resolve(amp_session *s, json_t *id, json_t *params)
{
    if (!json_is_object(params) || !json_is_string(json_object_get(params, "label"))) {
        amp_reply_error(s, id, AMP_RPC_INVALID_PARAMS, "params must be a CompletionItem");
        return;
    }
    json_t *item = json_deep_copy(params);
    json_t *data = json_object_get(params, "data");
    const char *cat = amp_json_str(data, "catalog");
    char *md = cat ? amp_cat_markdown(amp_catalog_find(cat)) : type_markdown(s, data);
    if (md)
        json_object_set_new(item, "documentation", markdown(md));
    free(md);
    amp_reply(s, id, item);
}

/* ---- signature help ------------------------------------------------------ */

static json_t *param_json(const char *label, const amp_cat_param *p)
{
    json_t *j = json_object();
    uint32_t start, end;
    const char *name = amp_cat_param_name(p);
    if (amp_signature_param_range(label, name, &start, &end)) {
        /* offsets in UTF-16 code units of the label, as LSP counts them */
        uint32_t us = amp_count_units(label, start, AMP_ENC_UTF16);
        uint32_t ue = us + amp_count_units(label + start, end - start, AMP_ENC_UTF16);
        json_object_set_new(j, "label", json_pack("[i,i]", (json_int_t)us, (json_int_t)ue));
    } else {
        json_object_set_new(j, "label", json_string(name));
    }
    const char *doc = amp_cat_param_doc(p);
    char buf[512];
    snprintf(buf, sizeof buf, "`%s: %s`%s%s", name,
             amp_cat_param_type(p) ? amp_cat_param_type(p) : "any", doc && *doc ? " — " : "",
             doc ? doc : "");
    json_object_set_new(j, "documentation", markdown(buf));
    return j;
}

/* One SignatureInformation: the primary signature (overload 0) or an overload. */
static json_t *signature_json(const amp_cat_entry *e, size_t which)
{
    const amp_cat_overload *o = which ? amp_cat_overload_at(e, which - 1) : NULL;
    const char *label = o ? amp_cat_overload_signature(o) : amp_cat_signature(e);
    const char *doc = o && amp_cat_overload_doc(o) ? amp_cat_overload_doc(o) : amp_cat_doc(e);
    if (!label)
        label = amp_cat_name(e);
    json_t *params = json_array();
    size_t n = o ? amp_cat_overload_param_count(o) : amp_cat_param_count(e);
    for (size_t i = 0; i < n; i++)
        json_array_append_new(params, param_json(label, o ? amp_cat_overload_param_at(o, i)
                                                          : amp_cat_param_at(e, i)));
    return json_pack("{s:s, s:o, s:o}", "label", label, "documentation", markdown(doc),
                     "parameters", params);
}

void amp_handle_signature_help(amp_session *s, json_t *id, json_t *params)
{
    feat_req r;
    int ready = open_request(s, id, params, &r);
    if (ready <= 0) {
        if (ready == 0)
            amp_reply(s, id, json_null());
        return;
    }
    amp_sighelp h;
    if (!amp_signature_at(&r.env, r.offset, &h)) {
        amp_reply(s, id, json_null());
        return;
    }
    json_t *sigs = json_array();
    size_t total = 1 + amp_cat_overload_count(h.entry);
    for (size_t i = 0; i < total; i++)
        json_array_append_new(sigs, signature_json(h.entry, i));
    size_t nparams =
        h.active_signature
            ? amp_cat_overload_param_count(amp_cat_overload_at(h.entry, h.active_signature - 1))
            : amp_cat_param_count(h.entry);
    size_t active = h.active_param;
    if (nparams && active >= nparams)
        active = nparams - 1; /* a rest parameter, or too many arguments */
    amp_reply(s, id,
              json_pack("{s:o, s:i, s:i}", "signatures", sigs, "activeSignature",
                        (json_int_t)h.active_signature, "activeParameter", (json_int_t)active));
}

/* ---- hover --------------------------------------------------------------- */

/* Navigation's markdown (a JSON string or a MarkupContent), or NULL. */
static json_t *nav_contents(amp_session *s, feat_req *r)
{
    json_t *nav = amp_nav_hover_markdown(s, r->f, r->offset);
    if (json_is_string(nav)) {
        json_t *c = json_pack("{s:s, s:O}", "kind", "markdown", "value", nav);
        json_decref(nav);
        return c;
    }
    if (json_is_object(nav) && json_is_string(json_object_get(nav, "value")))
        return nav;
    json_decref(nav);
    return NULL;
}

void amp_handle_hover(amp_session *s, json_t *id, json_t *params)
{
    feat_req r;
    int ready = open_request(s, id, params, &r);
    if (ready <= 0) {
        if (ready == 0)
            amp_reply(s, id, json_null());
        return;
    }
    uint32_t start, end;
    if (!amp_hover_token(&r.f->doc.text, r.offset, &start, &end)) {
        amp_reply(s, id, json_null());
        return;
    }
    json_t *contents = nav_contents(s, &r);
    if (!contents) {
        amp_hover h;
        if (amp_hover_at(&r.env, r.offset, &h)) {
            contents = markdown(h.markdown);
            start = h.start;
            end = h.end;
        }
        free(h.markdown);
    }
    if (!contents) {
        amp_reply(s, id, json_null());
        return;
    }
    amp_reply(s, id,
              json_pack("{s:o, s:o}", "contents", contents, "range",
                        amp_json_range(s, &r.f->doc.text, start, end)));
}
