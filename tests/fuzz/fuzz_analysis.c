/*
 * fuzz_analysis.c: mutated resource files through the whole analysis.
 *
 * The input is one or more TypeScript files in the format of the rule
 * fixtures (tests/rules/run_fixture.py): sections introduced by a line
 * `//- <relative path>`, the first one defaulting to
 * amplify/data/resource.ts; without an amplify/backend.ts section a
 * backend importing ./data/resource is added. Seeds: every .ts file of
 * tests/projects/<p>/amplify and tests/rules.
 *
 * 1. The pure core, on the raw bytes (invalid UTF-8 and NUL included):
 *    parse, syntax diagnostics, imports, amp_model_build over all the
 *    files, amp_rules_check. Every location in the model and every
 *    diagnostic range lies inside its file.
 * 2. A session on a fixture project (chosen by the input's hash) with the
 *    files opened as editor buffers over the project's own files, and every
 *    position request (completion, hover, signature help, definition,
 *    references, highlight, prepareRename, rename, inlay hints) at a
 *    stride of positions of every file (about 6 while fuzzing, at an
 *    offset the input chooses; about 60 with AMP_FUZZ_ALL_POSITIONS set,
 *    as the replay test does), plus the document-wide ones. Every request
 *    is answered exactly once with a valid frame.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amp_diag.h"
#include "amp_doc.h"
#include "amp_jsonrpc.h"
#include "amp_model.h"
#include "amp_rules.h"
#include "amp_syntax.h"
#include "amp_uri.h"
#include "fuzz_util.h"

#define MAX_SECTIONS 8
#define PARSE_LIMIT (8u << 20)

static const char default_backend[] = "import { defineBackend } from '@aws-amplify/backend';\n"
                                      "import { data } from './data/resource';\n"
                                      "defineBackend({ data });\n";

typedef struct section {
    char path[128];    /* relative to the project */
    const char *bytes; /* borrowed from the input or static */
    size_t len;
} section;

/* Accepts a fixture header's path when it is a plain relative path. */
static bool path_ok(const char *p, size_t n)
{
    if (n == 0 || n >= 100 || p[0] == '/')
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                     c == '/' || c == '.' || c == '_' || c == '-';
        if (!plain)
            return false;
        if (c == '.' && i + 1 < n && p[i + 1] == '.')
            return false;
    }
    return true;
}

static size_t split_sections(const uint8_t *data, size_t size, section *out)
{
    size_t count = 0;
    const char *p = (const char *)data, *end = p + size;
    section cur = {"amplify/data/resource.ts", p, 0};
    const char *line = p;
    while (line < end) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        const char *next = nl ? nl + 1 : end;
        if (end - line >= 4 && memcmp(line, "//- ", 4) == 0 && count + 1 < MAX_SECTIONS) {
            cur.len = (size_t)(line - cur.bytes);
            if (cur.len > 0 || count > 0)
                out[count++] = cur;
            size_t plen = (size_t)((nl ? nl : end) - (line + 4));
            while (plen > 0 && (line[4 + plen - 1] == ' ' || line[4 + plen - 1] == '\r'))
                plen--;
            if (path_ok(line + 4, plen)) {
                memcpy(cur.path, line + 4, plen);
                cur.path[plen] = '\0';
            } else {
                snprintf(cur.path, sizeof cur.path, "amplify/data/part%zu.ts", count);
            }
            cur.bytes = next;
        }
        line = next;
    }
    cur.len = (size_t)(end - cur.bytes);
    out[count++] = cur;
    /* Later sections with the same path replace earlier ones. */
    for (size_t i = 0; i < count; i++)
        for (size_t j = i + 1; j < count; j++)
            if (strcmp(out[i].path, out[j].path) == 0) {
                out[i] = out[j];
                out[j] = out[--count];
                j--;
            }
    bool has_backend = false;
    for (size_t i = 0; i < count; i++)
        has_backend |= strcmp(out[i].path, "amplify/backend.ts") == 0;
    if (!has_backend && count < MAX_SECTIONS)
        out[count++] = (section){"amplify/backend.ts", default_backend, sizeof default_backend - 1};
    /* backend.ts first: the model wants its entry first. */
    for (size_t i = 1; i < count; i++)
        if (strcmp(out[i].path, "amplify/backend.ts") == 0) {
            section t = out[0];
            out[0] = out[i];
            out[i] = t;
        }
    return count;
}

/* ---- 1. the core ---------------------------------------------------------- */

static bool no_file(void *ctx, const char *path)
{
    (void)ctx;
    (void)path;
    return false;
}

static void check_loc(const amp_model *m, const uint32_t *lens, amp_loc loc, const char *what)
{
    if (loc.start == 0 && loc.end == 0 && loc.file == 0)
        return; /* an unset location */
    FZ_ASSERT(loc.file < m->file_count, "%s: file %u of %zu", what, loc.file, m->file_count);
    FZ_ASSERT(loc.start <= loc.end && loc.end <= lens[loc.file],
              "%s: range %u..%u outside a file of %u bytes", what, loc.start, loc.end,
              lens[loc.file]);
}

static void check_model(const amp_model *m, const uint32_t *lens)
{
    if (m->has_backend)
        check_loc(m, lens, m->backend_loc, "defineBackend");
    for (size_t i = 0; i < m->key_count; i++)
        check_loc(m, lens, m->keys[i].loc, "backend key");
    for (size_t i = 0; i < m->resource_count; i++) {
        check_loc(m, lens, m->resources[i].loc, "resource");
        FZ_ASSERT(m->resources[i].schema < (int)m->schema_count, "resource schema index");
    }
    for (size_t i = 0; i < m->secret_count; i++)
        check_loc(m, lens, m->secrets[i].loc, "secret");
    for (size_t i = 0; i < m->site_count; i++)
        check_loc(m, lens, m->sites[i].loc, "name site");
    for (size_t s = 0; s < m->schema_count; s++) {
        const amp_schema *sc = &m->schemas[s];
        check_loc(m, lens, sc->loc, "schema");
        for (size_t r = 0; r < sc->rule_count; r++)
            check_loc(m, lens, sc->rules[r].loc, "schema rule");
        for (size_t t = 0; t < sc->type_count; t++) {
            const amp_type *ty = &sc->types[t];
            FZ_ASSERT(ty->name, "a type without a name");
            check_loc(m, lens, ty->name_loc, "type name");
            for (size_t f = 0; f < ty->field_count; f++) {
                check_loc(m, lens, ty->fields[f].name_loc, "field name");
                for (size_t r = 0; r < ty->fields[f].rule_count; r++)
                    check_loc(m, lens, ty->fields[f].rules[r].loc, "field rule");
            }
            for (size_t r = 0; r < ty->rule_count; r++)
                check_loc(m, lens, ty->rules[r].loc, "type rule");
            for (size_t x = 0; x < ty->index_count; x++)
                check_loc(m, lens, ty->indexes[x].loc, "index");
        }
    }
}

static void check_diags(const amp_diag_list *l, uint32_t len, const char *what)
{
    for (size_t i = 0; i < l->count; i++) {
        const amp_diag *d = &l->items[i];
        FZ_ASSERT(d->start <= d->end && d->end <= len, "%s %s: range %u..%u in %u bytes", what,
                  d->code ? d->code : "?", d->start, d->end, len);
        FZ_ASSERT(d->code && d->message, "%s: a diagnostic without code or message", what);
        FZ_ASSERT(d->severity >= AMP_SEV_ERROR && d->severity <= AMP_SEV_HINT, "%s: severity",
                  what);
    }
}

static void run_core(TSParser *parser, const section *sec, size_t count)
{
    amp_doc docs[MAX_SECTIONS];
    amp_source sources[MAX_SECTIONS];
    char paths[MAX_SECTIONS][160 + 1200]; /* the prefix and a section path of any length */
    for (size_t i = 0; i < count; i++) {
        FZ_ASSERT(amp_doc_init(&docs[i], sec[i].bytes, (uint32_t)sec[i].len, -1, PARSE_LIMIT) == 0,
                  "amp_doc_init failed");
        amp_doc_reparse(&docs[i], parser);
        snprintf(paths[i], sizeof paths[i], "/amplify-ls-fuzz/%s", sec[i].path);
        sources[i] = (amp_source){paths[i], &docs[i]};
        amp_diag_list syn = {0};
        amp_syntax_diagnostics(&docs[i], &syn);
        check_diags(&syn, docs[i].text.len, "syntax");
        FZ_ASSERT(syn.count <= AMP_MAX_SYNTAX_DIAGS, "more syntax diagnostics than the cap");
        amp_diag_list_clear(&syn);
        amp_import_list imports = {0};
        amp_syntax_imports(&docs[i], &imports);
        for (size_t k = 0; k < imports.count; k++)
            FZ_ASSERT(imports.items[k].specifier &&
                          imports.items[k].start <= imports.items[k].end &&
                          imports.items[k].end <= docs[i].text.len,
                      "an import outside its file");
        amp_import_list_clear(&imports);
    }
    amp_model *m = amp_model_build(sources, count);
    FZ_ASSERT(m, "amp_model_build returned NULL");
    uint32_t lens[MAX_SECTIONS] = {0};
    const amp_text *texts[MAX_SECTIONS] = {0};
    FZ_ASSERT(m->file_count <= count, "the model has %zu files for %zu sources", m->file_count,
              count);
    for (size_t f = 0; f < m->file_count; f++) {
        int src = -1;
        for (size_t i = 0; i < count; i++)
            if (strcmp(m->files[f].path, sources[i].path) == 0)
                src = (int)i;
        FZ_ASSERT(src >= 0, "a model file that is no source: %s", m->files[f].path);
        lens[f] = docs[src].text.len;
        texts[f] = &docs[src].text;
    }
    check_model(m, lens);
    amp_diag_list out[MAX_SECTIONS];
    memset(out, 0, sizeof out);
    amp_rule_env env = {0};
    env.amplify_dir = "/amplify-ls-fuzz/amplify";
    env.backend_version = "1.0.0";
    env.file_exists = no_file;
    amp_rules_check(m, NULL, &env, texts, out);
    for (size_t f = 0; f < m->file_count; f++) {
        check_diags(&out[f], lens[f], "rule");
        amp_diag_list_clear(&out[f]);
    }
    amp_model_delete(m);
    for (size_t i = 0; i < count; i++)
        amp_doc_free(&docs[i]);
}

/* ---- 2. the session ------------------------------------------------------- */

static const char *const position_requests[] = {
    "textDocument/completion",    "textDocument/hover",      "textDocument/signatureHelp",
    "textDocument/definition",    "textDocument/references", "textDocument/documentHighlight",
    "textDocument/prepareRename", "textDocument/rename",     "textDocument/inlayHint",
    "textDocument/codeAction",
};
#define N_POSREQ (sizeof position_requests / sizeof position_requests[0])

static const char *const document_requests[] = {
    "textDocument/documentSymbol",
    "textDocument/semanticTokens/full",
    "textDocument/diagnostic",
    "amplify-ls/debugDocument",
};
#define N_DOCREQ (sizeof document_requests / sizeof document_requests[0])

typedef struct ctx {
    amp_session *s;
    fz_sink sink;
    fz_buf pending;
    unsigned next_id, sent;
} ctx;

static void request(ctx *c, const char *method, json_t *params)
{
    char id[32];
    snprintf(id, sizeof id, FZ_COUNTED_PREFIX "%u", c->next_id++);
    json_t *jid = json_string(id);
    fz_buf_frame(&c->pending, amp_rpc_request(jid, method, params));
    json_decref(jid);
    c->sent++;
    if (c->pending.len > (1u << 15)) {
        amp_session_feed(c->s, c->pending.p, c->pending.len);
        c->pending.len = 0;
    }
}

static uint32_t hash(const uint8_t *p, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 16777619u;
    return h;
}

/* Requests at positions of one open document (UTF-8 positions). */
static void probe_file(ctx *c, const char *uri, const char *text, size_t len, uint32_t seed,
                       bool all)
{
    size_t stride = all ? 1 + len / 60 : 1 + len / 6;
    size_t offset_in_stride = all ? 0 : seed % stride;
    uint32_t line = 0, col = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i % stride == offset_in_stride || i == len) {
            json_t *pos =
                json_pack("{s:i, s:i}", "line", (json_int_t)line, "character", (json_int_t)col);
            for (size_t r = 0; r < N_POSREQ; r++) {
                json_t *p =
                    json_pack("{s:{s:s}, s:O}", "textDocument", "uri", uri, "position", pos);
                if (r == 7)
                    json_object_set_new(p, "newName", json_string("renamedX"));
                if (r == 4)
                    json_object_set_new(p, "context", json_pack("{s:b}", "includeDeclaration", 1));
                if (r == 8)
                    json_object_set_new(p, "range",
                                        json_pack("{s:O, s:{s:i, s:i}}", "start", pos, "end",
                                                  "line", (json_int_t)line + 40, "character", 0));
                if (r == 9) { /* codeAction: an empty range and no diagnostics sent */
                    json_object_set_new(p, "range",
                                        json_pack("{s:O, s:O}", "start", pos, "end", pos));
                    json_object_set_new(p, "context", json_pack("{s:[]}", "diagnostics"));
                }
                request(c, position_requests[r], p);
            }
            json_decref(pos);
        }
        if (i == len)
            break;
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= len || text[i + 1] != '\n'))) {
            line++;
            col = 0;
        } else {
            col++;
        }
    }
    for (size_t r = 0; r < N_DOCREQ; r++)
        request(c, document_requests[r], json_pack("{s:{s:s}}", "textDocument", "uri", uri));
}

static void run_session(const section *sec, size_t count, uint32_t h)
{
    size_t nproj;
    const fz_project *projects = fz_projects(&nproj);
    const fz_project *proj = &projects[h % nproj];
    bool all = getenv("AMP_FUZZ_ALL_POSITIONS") != NULL;
    ctx c;
    memset(&c, 0, sizeof c);
    c.sink.check_frames = true;
    c.s = fz_session_new(&c.sink);
    request(&c, "initialize",
            json_pack("{s:i, s:s, s:{s:{s:[s]}, s:{s:{}}}, s:{s:i}}", "processId", 0, "rootUri",
                      proj->uri, "capabilities", "general", "positionEncodings", "utf-8",
                      "textDocument", "diagnostic", "initializationOptions",
                      "diagnosticsDebounceMs", 0));
    fz_buf_frame(&c.pending, amp_rpc_notification("initialized", json_object()));
    char *uris[MAX_SECTIONS];
    json_t *texts[MAX_SECTIONS];
    for (size_t i = 0; i < count; i++) {
        size_t n = strlen(proj->root) + strlen(sec[i].path) + 2;
        char *path = malloc(n);
        if (!path)
            fz_fail("out of memory");
        snprintf(path, n, "%s/%s", proj->root, sec[i].path);
        uris[i] = amp_path_to_uri(path);
        free(path);
        texts[i] = fz_json_text((const uint8_t *)sec[i].bytes, sec[i].len);
        fz_buf_frame(&c.pending,
                     amp_rpc_notification("textDocument/didOpen",
                                          json_pack("{s:{s:s, s:s, s:i, s:O}}", "textDocument",
                                                    "uri", uris[i], "languageId", "typescript",
                                                    "version", 1, "text", texts[i])));
    }
    amp_session_feed(c.s, c.pending.p, c.pending.len);
    c.pending.len = 0;
    for (size_t i = 0; i < count; i++)
        probe_file(&c, uris[i], json_string_value(texts[i]), json_string_length(texts[i]), h >> 8,
                   all);
    request(&c, "workspace/symbol", json_pack("{s:s}", "query", ""));
    request(&c, "workspace/diagnostic", json_pack("{s:[]}", "previousResultIds"));
    amp_session_feed(c.s, c.pending.p, c.pending.len);
    c.pending.len = 0;
    amp_session_on_timer(c.s);

    /* The server holds exactly the text it was sent. */
    json_t *res = fz_call(c.s, &c.sink, "check", "amplify-ls/debugDocument",
                          json_pack("{s:{s:s}}", "textDocument", "uri", uris[count - 1]));
    json_t *got = json_object_get(json_object_get(res, "result"), "text");
    FZ_ASSERT(got && json_equal(got, texts[count - 1]), "the server's text of %s differs",
              uris[count - 1]);
    FZ_ASSERT(c.sink.answers == c.sent, "%u requests sent but %zu answered", c.sent,
              c.sink.answers);

    for (size_t i = 0; i < count; i++) {
        free(uris[i]);
        json_decref(texts[i]);
    }
    amp_session_delete(c.s);
    fz_sink_free(&c.sink);
    fz_buf_free(&c.pending);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static TSParser *parser;
    if (size > (1u << 20))
        return 0;
    if (!parser)
        parser = amp_parser_new();
    section sec[MAX_SECTIONS];
    size_t count = split_sections(data, size, sec);
    run_core(parser, sec, count);
    run_session(sec, count, hash(data, size));
    return 0;
}
