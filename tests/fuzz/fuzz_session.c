/*
 * fuzz_session.c: whole LSP sessions through the real dispatch.
 *
 * The input is a program: its bytes choose a fixture project as workspace
 * root, the client's capabilities, then a sequence of messages, valid and
 * invalid: document sync with random ranges and texts, every request method
 * the server registers (and unknown ones) with random positions and with
 * params of wrong types, cancellations, responses to server requests,
 * watched-file and folder events, raw garbage, shutdown and exit. Messages
 * are batched into reads split at random points, so cancellation and
 * ContentModified act on queued requests.
 *
 * Properties: no crash, no sanitizer report, every frame the server sends
 * is valid JSON-RPC (fuzz_util.c), and every request the program sent while
 * the session ran is answered exactly once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amp_framing.h"
#include "amp_jsonrpc.h"
#include "fuzz_util.h"

/* Every request the dispatch table of server/lsp/session.c registers, and
 * a few it does not. */
static const char *const requests[] = {
    "textDocument/diagnostic",
    "workspace/diagnostic",
    "amplify-ls/debugDocument",
    "textDocument/completion",
    "completionItem/resolve",
    "textDocument/signatureHelp",
    "textDocument/hover",
    "textDocument/definition",
    "textDocument/references",
    "textDocument/documentHighlight",
    "textDocument/prepareRename",
    "textDocument/rename",
    "textDocument/documentSymbol",
    "workspace/symbol",
    "textDocument/inlayHint",
    "textDocument/semanticTokens/full",
    "textDocument/semanticTokens/range",
    "textDocument/codeAction",
    "textDocument/formatting",
    "$/unknownRequest",
    "initialize",
    "shutdown",
};
#define N_REQUESTS (sizeof requests / sizeof requests[0])

static const char *const snippets[] = {
    "a.model({ title: a.string() })",
    ".authorization((allow) => [allow.owner()])",
    "defineBackend({ auth, data });",
    "import { data } from './data/resource';\n",
    "export const data = defineData({ schema });",
    "a.hasMany('Post', 'authorId')",
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    "'",
    "\"",
    "`",
    "${",
    "/*",
    "*/",
    "//",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\xc3\xa9",
    "\xe2\x82\xac",
    "\xf0\x9f\x98\x80",
    "\xef\xbb\xbf",
    "a.",
    "allow.",
    ".required()",
    "a.ref('",
    "schema",
    "=>",
    ",",
    ";",
    "import * as m from './m';\n",
    "export * from './x';\n",
    "const a = a;\n",
    "...",
    "a.enum(['A', 'B'])",
};
#define N_SNIPPETS (sizeof snippets / sizeof snippets[0])

typedef struct state {
    fz_in in;
    amp_session *s;
    fz_sink sink;
    fz_buf pending;
    const fz_project *proj;
    size_t nproj;
    const fz_project *all;
    unsigned next_id;
    unsigned sent_counted;
    int64_t version;
    bool done;
} state;

/* ---- values --------------------------------------------------------------- */

static const char *pick_uri(state *st, char *scratch, size_t n)
{
    uint8_t k = fz_u8(&st->in);
    if (k < 200 && st->proj->file_count)
        return st->proj->files[k % st->proj->file_count].uri;
    switch (k % 8) {
    case 0:
        snprintf(scratch, n, "%s/amplify/never-opened.ts", st->proj->uri);
        return scratch;
    case 1:
        return "file:///nonexistent/amplify/data/resource.ts";
    case 2:
        return "untitled:Untitled-1";
    case 3:
        return "file://%zz/bad";
    case 4:
        snprintf(scratch, n, "%s/amplify/../amplify/./backend.ts", st->proj->uri);
        return scratch;
    case 5:
        return "file:///";
    case 6:
        snprintf(scratch, n, "%s/amplify/data", st->proj->uri);
        return scratch;
    default:
        return "";
    }
}

static json_t *text_document(state *st)
{
    char scratch[4200];
    return json_pack("{s:s}", "uri", pick_uri(st, scratch, sizeof scratch));
}

static json_t *position(state *st)
{
    if (fz_u8(&st->in) == 255)
        return fz_json_any(&st->in, 1);
    return json_pack("{s:I, s:I}", "line", fz_json_int(&st->in, 60), "character",
                     fz_json_int(&st->in, 80));
}

static json_t *range(state *st)
{
    return json_pack("{s:o, s:o}", "start", position(st), "end", position(st));
}

/* Text to insert: input bytes, snippets, or both. */
static json_t *some_text(state *st)
{
    uint8_t k = fz_u8(&st->in);
    if (k < 96) {
        size_t len;
        const uint8_t *b = fz_bytes(&st->in, 300, &len);
        return fz_json_text(b, len);
    }
    if (k < 224) {
        fz_buf b = {0};
        for (uint32_t i = 1 + fz_below(&st->in, 4); i > 0; i--) {
            const char *sn = snippets[fz_below(&st->in, N_SNIPPETS)];
            fz_buf_raw(&b, sn, strlen(sn));
        }
        json_t *t = fz_json_text((const uint8_t *)b.p, b.len);
        fz_buf_free(&b);
        return t;
    }
    if (k < 240 && st->proj->file_count) {
        const fz_file *f = &st->proj->files[fz_below(&st->in, (uint32_t)st->proj->file_count)];
        return fz_json_text((const uint8_t *)f->text, f->len);
    }
    return json_string("");
}

/* Replaces a member of obj, or the whole value, with something of any
 * type, sometimes. Takes and returns params. */
static json_t *maybe_spoil(state *st, json_t *params)
{
    uint8_t k = fz_u8(&st->in);
    if (k < 232)
        return params;
    if (k < 240 || !json_is_object(params)) {
        json_decref(params);
        return k & 1 ? NULL : fz_json_any(&st->in, 2);
    }
    const char *key;
    json_t *v;
    uint32_t target = fz_below(&st->in, (uint32_t)json_object_size(params) + 1);
    json_object_foreach(params, key, v)
    {
        if (target-- == 0) {
            json_object_set_new(params, key, fz_json_any(&st->in, 2));
            break;
        }
    }
    return params;
}

/* ---- messages ------------------------------------------------------------- */

static void queue_msg(state *st, json_t *msg)
{
    fz_buf_frame(&st->pending, msg);
}

static void notify(state *st, const char *method, json_t *params)
{
    queue_msg(st, amp_rpc_notification(method, maybe_spoil(st, params)));
}

static json_t *request_params(state *st, const char *method)
{
    if (strcmp(method, "workspace/symbol") == 0) {
        size_t len;
        const uint8_t *b = fz_bytes(&st->in, 16, &len);
        return json_pack("{s:o}", "query", fz_json_text(b, len));
    }
    if (strcmp(method, "workspace/diagnostic") == 0)
        return json_pack("{s:[]}", "previousResultIds");
    if (strcmp(method, "completionItem/resolve") == 0)
        return json_pack("{s:s, s:o}", "label", "model", "data", fz_json_any(&st->in, 2));
    if (strcmp(method, "shutdown") == 0)
        return NULL;
    if (strcmp(method, "initialize") == 0)
        return json_pack("{s:i, s:{}}", "processId", 1, "capabilities");
    json_t *p = json_pack("{s:o}", "textDocument", text_document(st));
    if (strcmp(method, "textDocument/inlayHint") == 0 ||
        strcmp(method, "textDocument/semanticTokens/range") == 0 ||
        strcmp(method, "textDocument/codeAction") == 0)
        json_object_set_new(p, "range", range(st));
    else if (strcmp(method, "textDocument/documentSymbol") != 0 &&
             strcmp(method, "textDocument/diagnostic") != 0 &&
             strcmp(method, "amplify-ls/debugDocument") != 0 &&
             strcmp(method, "textDocument/semanticTokens/full") != 0)
        json_object_set_new(p, "position", position(st));
    if (strcmp(method, "textDocument/rename") == 0) {
        size_t len;
        const uint8_t *b = fz_bytes(&st->in, 24, &len);
        json_object_set_new(p, "newName", fz_json_text(b, len));
    }
    if (strcmp(method, "textDocument/codeAction") == 0)
        json_object_set_new(p, "context", json_pack("{s:[]}", "diagnostics"));
    if (strcmp(method, "textDocument/references") == 0)
        json_object_set_new(p, "context",
                            json_pack("{s:b}", "includeDeclaration", fz_bool(&st->in)));
    if (strcmp(method, "textDocument/completion") == 0 && fz_bool(&st->in))
        json_object_set_new(p, "context",
                            json_pack("{s:i, s:s}", "triggerKind", 1 + fz_below(&st->in, 3),
                                      "triggerCharacter", fz_bool(&st->in) ? "." : "'"));
    return p;
}

static void send_request(state *st)
{
    const char *method = requests[fz_below(&st->in, N_REQUESTS)];
    if (strcmp(method, "shutdown") == 0 && fz_u8(&st->in) < 240)
        method = "textDocument/hover"; /* shutdown ends the fun: keep it rare */
    json_t *params = maybe_spoil(st, request_params(st, method));
    char id[32];
    uint8_t k = fz_u8(&st->in);
    json_t *jid;
    if (k < 240) {
        snprintf(id, sizeof id, FZ_COUNTED_PREFIX "%u", st->next_id++);
        jid = json_string(id);
        st->sent_counted++;
    } else if (k < 248) {
        jid = json_string("dup"); /* duplicate ids: answered, not counted */
    } else {
        jid = json_integer(fz_json_int(&st->in, 10));
    }
    queue_msg(st, amp_rpc_request(jid, method, params));
    json_decref(jid);
}

static void send_did_open(state *st)
{
    json_t *td = text_document(st);
    json_object_set_new(td, "languageId", json_string("typescript"));
    json_object_set_new(td, "version", json_integer(st->version++));
    json_object_set_new(td, "text", some_text(st));
    notify(st, "textDocument/didOpen", json_pack("{s:o}", "textDocument", td));
}

static void send_did_change(state *st)
{
    json_t *td = text_document(st);
    json_object_set_new(
        td, "version",
        json_integer(fz_u8(&st->in) < 250 ? st->version++ : fz_json_int(&st->in, 3)));
    json_t *changes = json_array();
    for (uint32_t i = 1 + fz_below(&st->in, 4); i > 0; i--) {
        json_t *c = json_pack("{s:o}", "text", some_text(st));
        if (fz_u8(&st->in) < 230)
            json_object_set_new(c, "range", range(st));
        if (fz_u8(&st->in) == 0)
            json_object_set_new(c, "rangeLength", json_integer(fz_json_int(&st->in, 10)));
        json_array_append_new(changes, c);
    }
    notify(st, "textDocument/didChange",
           json_pack("{s:o, s:o}", "textDocument", td, "contentChanges", changes));
}

static void send_watched(state *st)
{
    char scratch[4200];
    json_t *changes = json_array();
    for (uint32_t i = 1 + fz_below(&st->in, 3); i > 0; i--)
        json_array_append_new(changes,
                              json_pack("{s:s, s:i}", "uri", pick_uri(st, scratch, sizeof scratch),
                                        "type", 1 + (int)fz_below(&st->in, 3)));
    notify(st, "workspace/didChangeWatchedFiles", json_pack("{s:o}", "changes", changes));
}

static void send_folders(state *st)
{
    const fz_project *other = &st->all[fz_below(&st->in, (uint32_t)st->nproj)];
    json_t *f = json_pack("[{s:s, s:s}]", "uri", other->uri, "name", "other");
    json_t *ev = fz_bool(&st->in) ? json_pack("{s:o, s:[]}", "added", f, "removed")
                                  : json_pack("{s:[], s:o}", "added", "removed", f);
    notify(st, "workspace/didChangeWorkspaceFolders", json_pack("{s:o}", "event", ev));
}

/* Feeds the pending bytes in reads split at points the input chooses. */
static void flush(state *st)
{
    size_t pos = 0;
    while (pos < st->pending.len) {
        size_t chunk = st->pending.len - pos;
        if (fz_u8(&st->in) < 64)
            chunk = 1 + fz_below(&st->in, 512);
        if (chunk > st->pending.len - pos)
            chunk = st->pending.len - pos;
        amp_session_feed(st->s, st->pending.p + pos, chunk);
        pos += chunk;
    }
    st->pending.len = 0;
    st->done = amp_session_done(st->s, NULL);
}

static void step(state *st)
{
    uint8_t op = fz_u8(&st->in);
    char scratch[4200];
    if (op < 60) {
        send_request(st);
    } else if (op < 90) {
        send_did_change(st);
    } else if (op < 110) {
        send_did_open(st);
    } else if (op < 118) {
        notify(st, "textDocument/didClose", json_pack("{s:o}", "textDocument", text_document(st)));
    } else if (op < 122) {
        notify(st, "textDocument/didSave", json_pack("{s:o}", "textDocument", text_document(st)));
    } else if (op < 140) {
        /* Cancel a recent request, an unknown id or a bogus one. */
        json_t *id;
        if (st->next_id && fz_bool(&st->in)) {
            snprintf(scratch, sizeof scratch, FZ_COUNTED_PREFIX "%u",
                     st->next_id - 1 - fz_below(&st->in, st->next_id < 4 ? st->next_id : 4));
            id = json_string(scratch);
        } else {
            id = fz_json_any(&st->in, 1);
        }
        notify(st, "$/cancelRequest", json_pack("{s:o}", "id", id));
    } else if (op < 150) {
        send_watched(st);
    } else if (op < 154) {
        send_folders(st);
    } else if (op < 160) {
        /* An answer to a server request (registerCapability, refresh). */
        snprintf(scratch, sizeof scratch, "amplify-ls-%u", fz_below(&st->in, 4));
        json_t *id = json_string(scratch);
        json_t *msg = fz_bool(&st->in) ? amp_rpc_result(id, json_null())
                                       : amp_rpc_error(id, -32601, "no", NULL);
        json_decref(id);
        queue_msg(st, msg);
    } else if (op < 168) {
        /* Garbage between frames, or as a body. It can never hold a
         * Content-Length header (no 'c'), which would swallow the frames
         * after it, nor be JSON (it starts with 0x01), so it is never a
         * request. */
        size_t len;
        const uint8_t *b = fz_bytes(&st->in, 200, &len);
        char garbage[201];
        garbage[0] = '\x01';
        for (size_t i = 0; i < len; i++)
            garbage[i + 1] = (b[i] == 'c' || b[i] == 'C') ? '_' : (char)b[i];
        if (fz_bool(&st->in)) {
            fz_buf_raw(&st->pending, garbage, len + 1);
        } else {
            size_t flen;
            char *frame = amp_frame_encode(garbage, len + 1, &flen);
            fz_buf_raw(&st->pending, frame, flen);
            free(frame);
        }
    } else if (op < 172) {
        /* A body that is JSON but not JSON-RPC, in a proper frame. */
        json_t *v = fz_json_any(&st->in, 2);
        char *body = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
        json_decref(v);
        if (body && !strstr(body, FZ_COUNTED_PREFIX)) {
            size_t flen;
            char *frame = amp_frame_encode(body, strlen(body), &flen);
            fz_buf_raw(&st->pending, frame, flen);
            free(frame);
        }
        free(body);
    } else if (op < 176) {
        notify(st, "$/setTrace", json_pack("{s:s}", "value", fz_bool(&st->in) ? "verbose" : "off"));
    } else if (op < 180) {
        notify(st, "workspace/didChangeConfiguration", json_pack("{s:{}}", "settings"));
    } else if (op < 184) {
        notify(st, "$/unknown/notification", fz_json_any(&st->in, 1));
    } else if (op < 200) {
        flush(st);
    } else if (op < 210) {
        flush(st);
        if (!st->done)
            amp_session_on_timer(st->s);
    } else if (op < 214) {
        flush(st);
        if (!st->done && st->proj->file_count)
            amp_session_on_disk_change(
                st->s, st->proj->files[fz_below(&st->in, (uint32_t)st->proj->file_count)].path);
        size_t n;
        if (!st->done)
            (void)amp_session_native_watch_dirs(st->s, &n);
    } else if (op == 254) {
        notify(st, "exit", NULL);
    } else if (op == 255 && fz_u8(&st->in) > 200) {
        notify(st, "initialized", json_object());
    } else {
        send_request(st);
    }
}

static json_t *initialize_params(state *st)
{
    uint8_t cfg = fz_u8(&st->in);
    static const char *encodings[] = {"utf-8", "utf-16", "utf-32", "latin-1"};
    json_t *enc = json_array();
    for (int i = 0; i < 4; i++)
        if (cfg & (1 << i))
            json_array_append_new(enc, json_string(encodings[i]));
    json_t *caps = json_pack(
        "{s:{s:o}, s:{s:{s:b}, s:{s:b}}, s:{s:{s:b}}, s:{s:b}}", "general", "positionEncodings",
        enc, "textDocument", "publishDiagnostics", "relatedInformation", (cfg & 16) != 0,
        "completion", "dynamicRegistration", 0, "workspace", "didChangeWatchedFiles",
        "dynamicRegistration", (cfg & 32) != 0, "window", "workDoneProgress", 1);
    if (cfg & 64)
        json_object_set_new(json_object_get(caps, "textDocument"), "diagnostic", json_object());
    json_t *p = json_pack("{s:i, s:o, s:{s:i}, s:s}", "processId", 0, "capabilities", caps,
                          "initializationOptions", "diagnosticsDebounceMs", (cfg & 128) ? 0 : 5,
                          "trace", (cfg & 8) ? "verbose" : "off");
    uint8_t roots = fz_u8(&st->in) % 4;
    if (roots == 0)
        json_object_set_new(p, "rootUri", json_string(st->proj->uri));
    else if (roots == 1)
        json_object_set_new(p, "workspaceFolders",
                            json_pack("[{s:s, s:s}]", "uri", st->proj->uri, "name", "p"));
    else if (roots == 2)
        json_object_set_new(p, "rootPath", json_string(st->proj->root));
    return p; /* roots == 3: no folder at all */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    state st;
    memset(&st, 0, sizeof st);
    st.in = (fz_in){data, size};
    st.all = fz_projects(&st.nproj);
    st.proj = &st.all[fz_below(&st.in, (uint32_t)st.nproj)];
    st.sink.check_frames = true;
    st.s = fz_session_new(&st.sink);
    st.version = 1;

    /* Sometimes a request before initialize (ServerNotInitialized). */
    if (fz_u8(&st.in) < 32)
        send_request(&st);
    json_t *id = json_string(FZ_COUNTED_PREFIX "init");
    queue_msg(&st, amp_rpc_request(id, "initialize", initialize_params(&st)));
    json_decref(id);
    st.sent_counted++;
    if (fz_u8(&st.in) < 250)
        notify(&st, "initialized", json_object());
    flush(&st);

    for (int steps = 0; st.in.n > 0 && steps < 400 && !st.done; steps++) {
        step(&st);
        if (st.pending.len > (1u << 16))
            flush(&st);
    }
    flush(&st);
    if (!st.done)
        amp_session_on_timer(st.s);

    /* Every request sent while the session ran was answered exactly once
     * (fuzz_util.c fails on a second answer). After exit nothing is owed. */
    if (!st.done)
        FZ_ASSERT(st.sink.answers == st.sent_counted, "%u requests sent but %zu answered",
                  st.sent_counted, st.sink.answers);
    else
        FZ_ASSERT(st.sink.answers <= st.sent_counted, "more answers than requests");

    amp_session_on_eof(st.s);
    amp_session_delete(st.s);
    fz_sink_free(&st.sink);
    fz_buf_free(&st.pending);
    return 0;
}
