/*
 * session.c: the LSP session's lifecycle, message queue and dispatch.
 *
 * Bytes go through the framer into decoded messages, which wait in a queue
 * until every complete message of one read has been decoded; only then are
 * they handled, in order. That lets a $/cancelRequest or a didChange that
 * arrived in the same read act on requests queued before it: a cancelled
 * request is answered with RequestCancelled, and a request whose document a
 * later queued change modifies is answered with ContentModified instead of
 * an answer computed for text the client no longer has.
 *
 * Lifecycle (LSP 3.17): requests before initialize get ServerNotInitialized;
 * a second initialize and any request after shutdown get InvalidRequest;
 * exit ends the session with code 0 after shutdown and 1 otherwise.
 */
#include "session_internal.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "amp_analysis.h"
#include "amp_features.h"
#include "amp_syntax.h"

#ifndef AMP_VERSION
#define AMP_VERSION "0.0.0"
#endif

void amp_session_options_default(amp_session_options *o)
{
    memset(o, 0, sizeof *o);
    o->log_level = AMP_LOG_INFO;
    o->parse_limit = 8u << 20;
    o->max_file_bytes = 8u << 20;
    o->max_message = 64u << 20;
    o->debounce_ms = 50;
}

static void workspace_log(void *ctx, int level, const char *message)
{
    amp_log(ctx, level, "%s", message);
}

amp_session *amp_session_new(const amp_session_options *opts, amp_session_io io)
{
    amp_session *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->io = io;
    s->opts = *opts;
    s->encoding = AMP_ENC_UTF16;
    s->next_out_id = 1;
    s->framer = amp_framer_new(opts->max_message);
    s->parser = amp_parser_new();
    if (opts->log_path)
        s->log_file = fopen(opts->log_path, "a");
    amp_workspace_init(&s->ws, s->parser, opts->parse_limit, opts->max_file_bytes);
    s->ws.log = workspace_log;
    s->ws.dropped = amp_diags_on_drop;
    s->ws.ctx = s;
    if (!s->framer || !s->parser) {
        amp_session_delete(s);
        return NULL;
    }
    return s;
}

void amp_session_delete(amp_session *s)
{
    if (!s)
        return;
    for (size_t i = s->queue_pos; i < s->queue_len; i++)
        amp_rpc_msg_clear(&s->queue[i].msg);
    free(s->queue);
    amp_workspace_free(&s->ws);
    amp_session_free_watch(s);
    json_decref(s->client_caps);
    amp_framer_delete(s->framer);
    amp_parser_delete(s->parser);
    if (s->log_file)
        fclose(s->log_file);
    free(s);
}

void amp_log(amp_session *s, int level, const char *fmt, ...)
{
    static const char *names[] = {"error", "warning", "info", "debug"};
    if (level > s->opts.log_level)
        return;
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    fprintf(stderr, "amplify-ls [%s] %s\n", names[level], line);
    if (s->log_file) {
        fprintf(s->log_file, "amplify-ls [%s] %s\n", names[level], line);
        fflush(s->log_file);
    }
    if (level <= AMP_LOG_WARNING && s->state == AMP_STATE_RUNNING) {
        json_t *params =
            json_pack("{s:i,s:o}", "type", level + 1, "message", amp_json_text(line, strlen(line)));
        amp_notify(s, "window/logMessage", params);
    }
}

void amp_send(amp_session *s, json_t *msg)
{
    if (!msg)
        return;
    size_t len;
    char *frame = amp_rpc_encode_frame(msg, &len);
    json_decref(msg);
    if (frame)
        s->io.send(s->io.ctx, frame, len);
}

void amp_reply(amp_session *s, json_t *id, json_t *result)
{
    amp_send(s, amp_rpc_result(id, result));
}

void amp_reply_jtext(amp_session *s, json_t *id, amp_jtext *t)
{
    size_t len;
    char *frame = t->failed || !t->p ? NULL : amp_rpc_encode_raw_result(id, t->p, t->len, &len);
    free(t->p);
    memset(t, 0, sizeof *t);
    if (!frame) {
        amp_reply_error(s, id, AMP_RPC_INTERNAL_ERROR, "out of memory writing the answer");
        return;
    }
    s->io.send(s->io.ctx, frame, len);
}

void amp_reply_error(amp_session *s, json_t *id, int code, const char *fmt, ...)
{
    char message[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    amp_send(s, amp_rpc_error(id, code, message, NULL));
}

void amp_notify(amp_session *s, const char *method, json_t *params)
{
    amp_send(s, amp_rpc_notification(method, params));
}

void amp_request_client(amp_session *s, const char *method, json_t *params)
{
    json_t *id = json_sprintf("amplify-ls-%lld", (long long)s->next_out_id++);
    amp_send(s, amp_rpc_request(id, method, params));
    json_decref(id);
}

/* ---- initialize ---------------------------------------------------------- */

/* Picks the position encoding: UTF-8 when offered, else UTF-32 when offered
 * (it is cheaper than UTF-16 for us too), else the default UTF-16. */
static amp_encoding negotiate_encoding(json_t *caps)
{
    json_t *offered = json_object_get(json_object_get(caps, "general"), "positionEncodings");
    amp_encoding best = AMP_ENC_UTF16;
    size_t i;
    json_t *v;
    json_array_foreach(offered, i, v)
    {
        amp_encoding e = amp_encoding_from_name(json_string_value(v));
        if (e == AMP_ENC_UTF8)
            return e;
        if (e == AMP_ENC_UTF32)
            best = e;
    }
    return best;
}

static int trace_level(const char *value)
{
    if (value && strcmp(value, "messages") == 0)
        return 1;
    if (value && strcmp(value, "verbose") == 0)
        return 2;
    return 0;
}

/* Reads the client capabilities the session uses. */
static void read_client_caps(amp_session *s, json_t *caps)
{
    json_decref(s->client_caps);
    s->client_caps = json_is_object(caps) ? json_incref(caps) : NULL;
    s->encoding = negotiate_encoding(caps);
    json_t *ws = json_object_get(caps, "workspace");
    json_t *td = json_object_get(caps, "textDocument");
    s->client_dynamic_watch = json_is_true(
        json_object_get(json_object_get(ws, "didChangeWatchedFiles"), "dynamicRegistration"));
    s->client_pull_diags = json_is_object(json_object_get(td, "diagnostic"));
    s->client_related_info = json_is_true(
        json_object_get(json_object_get(td, "publishDiagnostics"), "relatedInformation"));
    s->client_work_done =
        json_is_true(json_object_get(json_object_get(caps, "window"), "workDoneProgress"));
}

/* Adds the workspace folders of initialize (workspaceFolders, else rootUri,
 * else rootPath). */
static void read_folders(amp_session *s, json_t *params)
{
    json_t *folders = json_object_get(params, "workspaceFolders");
    size_t i;
    json_t *f;
    if (json_array_size(folders) > 0) {
        json_array_foreach(folders, i, f)
        {
            char *key = amp_key_of_uri(amp_json_str(f, "uri"));
            if (key && key[0] == '/')
                amp_workspace_add_folder(&s->ws, key);
            free(key);
        }
        return;
    }
    char *root = amp_key_of_uri(amp_json_str(params, "rootUri"));
    if (!root && amp_json_str(params, "rootPath"))
        root = strdup(amp_json_str(params, "rootPath"));
    if (root && root[0] == '/')
        amp_workspace_add_folder(&s->ws, root);
    free(root);
}

/* Reads initializationOptions (all optional). */
static void read_init_options(amp_session *s, json_t *opts)
{
    json_t *debounce = json_object_get(opts, "diagnosticsDebounceMs");
    if (json_is_integer(debounce) && json_integer_value(debounce) >= 0 &&
        json_integer_value(debounce) <= 10000)
        s->opts.debounce_ms = (uint32_t)json_integer_value(debounce);
}

static json_t *server_capabilities(amp_session *s)
{
    json_t *caps = json_pack("{s:s, s:{s:b, s:i, s:{s:b}}, s:{s:{s:b, s:b}}}", "positionEncoding",
                             amp_encoding_name(s->encoding), "textDocumentSync", "openClose", 1,
                             "change", 2, "save", "includeText", 0, "workspace", "workspaceFolders",
                             "supported", 1, "changeNotifications", 1);
    amp_feat_completion_capabilities(s, caps);
    amp_feat_navigation_capabilities(s, caps);
    amp_feat_codeaction_capabilities(s, caps);
    if (s->client_pull_diags)
        json_object_set_new(caps, "diagnosticProvider",
                            json_pack("{s:s, s:b, s:b}", "identifier", "amplify-ls",
                                      "interFileDependencies", 1, "workspaceDiagnostics", 1));
    return caps;
}

static void handle_initialize(amp_session *s, json_t *id, json_t *params)
{
    if (s->state != AMP_STATE_UNINITIALIZED) {
        amp_reply_error(s, id, AMP_RPC_INVALID_REQUEST, "initialize may only be sent once");
        return;
    }
    if (!json_is_object(params)) {
        amp_reply_error(s, id, AMP_RPC_INVALID_PARAMS, "initialize needs InitializeParams");
        return;
    }
    json_t *pid = json_object_get(params, "processId");
    if (json_is_integer(pid) && json_integer_value(pid) > 0)
        s->client_pid = json_integer_value(pid);
    read_client_caps(s, json_object_get(params, "capabilities"));
    s->trace = trace_level(amp_json_str(params, "trace"));
    read_init_options(s, json_object_get(params, "initializationOptions"));
    read_folders(s, params);
    s->state = AMP_STATE_RUNNING;
    json_t *result = json_pack("{s:o, s:{s:s, s:s}}", "capabilities", server_capabilities(s),
                               "serverInfo", "name", "amplify-ls", "version", AMP_VERSION);
    amp_reply(s, id, result);
    amp_log(s, AMP_LOG_INFO, "initialized: %zu workspace folder(s), %s positions",
            s->ws.folder_count, amp_encoding_name(s->encoding));
}

/* Asks the client to watch the files that matter to backends. */
static void register_watchers(amp_session *s)
{
    if (!s->client_dynamic_watch)
        return;
    /* The backends' files, and what project.c reads beside them: a change
     * of amplify-ls.json or of a lockfile alone re-runs the rules. */
    json_t *watchers = json_pack(
        "[{s:s},{s:s},{s:s},{s:s}]", "globPattern", "**/amplify/**/*.{ts,tsx,mts,js,json}",
        "globPattern", "**/package.json", "globPattern", "**/amplify-ls.json", "globPattern",
        "**/{package-lock.json,npm-shrinkwrap.json,yarn.lock,pnpm-lock.yaml}");
    json_t *params =
        json_pack("{s:[{s:s, s:s, s:{s:o}}]}", "registrations", "id", "amplify-ls-watch", "method",
                  "workspace/didChangeWatchedFiles", "registerOptions", "watchers", watchers);
    amp_request_client(s, "client/registerCapability", params);
}

static void handle_initialized(amp_session *s, json_t *params)
{
    (void)params;
    register_watchers(s);
    amp_workspace_scan(&s->ws);
    amp_workspace_close_imports(&s->ws);
    amp_diags_schedule(s);
}

static void handle_shutdown(amp_session *s, json_t *id, json_t *params)
{
    (void)params;
    s->shutdown_requested = true;
    s->state = AMP_STATE_SHUT_DOWN;
    amp_reply(s, id, json_null());
}

static void handle_exit(amp_session *s, json_t *params)
{
    (void)params;
    s->exit_code = s->shutdown_requested ? 0 : 1;
    s->state = AMP_STATE_DONE;
}

static void handle_set_trace(amp_session *s, json_t *params)
{
    s->trace = trace_level(amp_json_str(params, "value"));
}

static void handle_ignore(amp_session *s, json_t *params)
{
    (void)s;
    (void)params;
}

/* ---- dispatch ------------------------------------------------------------ */

typedef void (*request_fn)(amp_session *, json_t *id, json_t *params);
typedef void (*notification_fn)(amp_session *, json_t *params);

static const struct {
    const char *method;
    request_fn fn;
    bool debug_only;
} requests[] = {
    {"initialize", handle_initialize, false},
    {"shutdown", handle_shutdown, false},
    {"textDocument/diagnostic", amp_handle_pull_diagnostic, false},
    {"workspace/diagnostic", amp_handle_workspace_diagnostic, false},
    {"amplify-ls/debugDocument", amp_handle_debug_document, true},
    {"textDocument/completion", amp_handle_completion, false},
    {"completionItem/resolve", amp_handle_completion_resolve, false},
    {"textDocument/signatureHelp", amp_handle_signature_help, false},
    {"textDocument/hover", amp_handle_hover, false},
    {"textDocument/definition", amp_handle_definition, false},
    {"textDocument/references", amp_handle_references, false},
    {"textDocument/documentHighlight", amp_handle_document_highlight, false},
    {"textDocument/prepareRename", amp_handle_prepare_rename, false},
    {"textDocument/rename", amp_handle_rename, false},
    {"textDocument/documentSymbol", amp_handle_document_symbol, false},
    {"workspace/symbol", amp_handle_workspace_symbol, false},
    {"textDocument/inlayHint", amp_handle_inlay_hint, false},
    {"textDocument/semanticTokens/full", amp_handle_semantic_tokens, false},
    {"textDocument/codeAction", amp_handle_code_action, false},
};

static const struct {
    const char *method;
    notification_fn fn;
} notifications[] = {
    {"initialized", handle_initialized},
    {"exit", handle_exit},
    {"$/setTrace", handle_set_trace},
    {"textDocument/didOpen", amp_sync_did_open},
    {"textDocument/didChange", amp_sync_did_change},
    {"textDocument/didClose", amp_sync_did_close},
    {"textDocument/didSave", amp_sync_did_save},
    {"workspace/didChangeWatchedFiles", amp_sync_did_change_watched},
    {"workspace/didChangeWorkspaceFolders", amp_sync_did_change_folders},
    {"workspace/didChangeConfiguration", handle_ignore},
};

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* The textDocument.uri of a request's params, when it has one. */
static const char *request_uri(json_t *params)
{
    return amp_json_str(json_object_get(params, "textDocument"), "uri");
}

/* Sends $/logTrace for a handled request when the client asked for traces. */
static void trace_request(amp_session *s, amp_rpc_msg *m, double ms)
{
    amp_log(s, AMP_LOG_DEBUG, "%s took %.2f ms", m->method, ms);
    if (!s->trace)
        return;
    json_t *params =
        json_pack("{s:o}", "message", json_sprintf("Handled '%s' in %.2f ms", m->method, ms));
    if (s->trace == 2 && m->params) {
        char *dump = json_dumps(m->params, JSON_COMPACT);
        if (dump)
            json_object_set_new(params, "verbose", json_sprintf("Params: %s", dump));
        free(dump);
    }
    amp_notify(s, "$/logTrace", params);
}

static void dispatch_request(amp_session *s, amp_pending *p)
{
    amp_rpc_msg *m = &p->msg;
    if (p->cancelled) {
        amp_reply_error(s, m->id, AMP_RPC_REQUEST_CANCELLED, "request %s was cancelled", m->method);
        return;
    }
    bool is_init = strcmp(m->method, "initialize") == 0;
    if (s->state == AMP_STATE_UNINITIALIZED && !is_init) {
        amp_reply_error(s, m->id, AMP_RPC_SERVER_NOT_INITIALIZED,
                        "the server is not initialized: send initialize first");
        return;
    }
    if (s->state == AMP_STATE_SHUT_DOWN) {
        amp_reply_error(s, m->id, AMP_RPC_INVALID_REQUEST,
                        "the server is shut down: only exit is accepted");
        return;
    }
    for (size_t i = 0; i < sizeof requests / sizeof requests[0]; i++) {
        if (strcmp(requests[i].method, m->method) != 0)
            continue;
        if (requests[i].debug_only && !s->opts.debug_requests)
            break;
        const char *uri = request_uri(m->params);
        if (uri && !is_init && amp_queue_modifies_later(s, uri)) {
            amp_reply_error(s, m->id, AMP_RPC_CONTENT_MODIFIED,
                            "the document changed after this request was sent");
            return;
        }
        double t0 = now_ms();
        /* Answers see every earlier change, imports included, and leave
         * only after the folders they depend on are watched. */
        if (s->state == AMP_STATE_RUNNING) {
            amp_workspace_close_imports(&s->ws);
            if (s->io.sync_watches)
                s->io.sync_watches(s->io.ctx);
        }
        requests[i].fn(s, m->id, m->params);
        trace_request(s, m, now_ms() - t0);
        return;
    }
    amp_reply_error(s, m->id, AMP_RPC_METHOD_NOT_FOUND, "unknown method %s", m->method);
}

static void dispatch_notification(amp_session *s, amp_rpc_msg *m)
{
    bool is_exit = strcmp(m->method, "exit") == 0;
    if (s->state == AMP_STATE_UNINITIALIZED && !is_exit)
        return; /* LSP: notifications before initialize are dropped */
    if (s->state == AMP_STATE_SHUT_DOWN && !is_exit)
        return;
    for (size_t i = 0; i < sizeof notifications / sizeof notifications[0]; i++)
        if (strcmp(notifications[i].method, m->method) == 0) {
            notifications[i].fn(s, m->params);
            return;
        }
    /* Unknown notifications, $/ ones included, are ignored (LSP). */
    amp_log(s, AMP_LOG_DEBUG, "ignored notification %s", m->method);
}

bool amp_queue_modifies_later(amp_session *s, const char *uri)
{
    for (size_t i = s->queue_pos; i < s->queue_len; i++) {
        amp_rpc_msg *m = &s->queue[i].msg;
        if (m->kind == AMP_MSG_NOTIFICATION && (strcmp(m->method, "textDocument/didChange") == 0 ||
                                                strcmp(m->method, "textDocument/didClose") == 0)) {
            const char *other = request_uri(m->params);
            if (other && strcmp(other, uri) == 0)
                return true;
        }
    }
    return false;
}

/* Marks the queued request with this id cancelled. */
static void cancel_queued(amp_session *s, json_t *params)
{
    json_t *id = json_object_get(params, "id");
    for (size_t i = s->queue_pos; i < s->queue_len; i++)
        if (s->queue[i].msg.kind == AMP_MSG_REQUEST && amp_rpc_id_equal(s->queue[i].msg.id, id))
            s->queue[i].cancelled = true;
}

static void enqueue(amp_session *s, amp_rpc_msg *m)
{
    if (m->kind == AMP_MSG_NOTIFICATION && strcmp(m->method, "$/cancelRequest") == 0) {
        cancel_queued(s, m->params);
        amp_rpc_msg_clear(m);
        return;
    }
    if (s->queue_len == s->queue_cap) {
        size_t cap = s->queue_cap ? s->queue_cap * 2 : 16;
        amp_pending *grown = realloc(s->queue, cap * sizeof *grown);
        if (!grown) {
            amp_log(s, AMP_LOG_ERROR, "out of memory: dropped %s",
                    m->method ? m->method : "a message");
            amp_rpc_msg_clear(m);
            return;
        }
        s->queue = grown;
        s->queue_cap = cap;
    }
    s->queue[s->queue_len].msg = *m;
    s->queue[s->queue_len].cancelled = false;
    s->queue_len++;
}

static void handle_message(amp_session *s, amp_pending *p)
{
    switch (p->msg.kind) {
    case AMP_MSG_REQUEST:
        dispatch_request(s, p);
        break;
    case AMP_MSG_NOTIFICATION:
        dispatch_notification(s, &p->msg);
        break;
    case AMP_MSG_RESPONSE:
        if (p->msg.error)
            amp_log(s, AMP_LOG_WARNING, "the client answered a server request with an error");
        break;
    case AMP_MSG_INVALID:
        break;
    }
}

static void process_queue(amp_session *s)
{
    while (s->queue_pos < s->queue_len) {
        amp_pending *p = &s->queue[s->queue_pos++];
        if (s->state != AMP_STATE_DONE)
            handle_message(s, p);
        amp_rpc_msg_clear(&p->msg);
    }
    s->queue_len = s->queue_pos = 0;
}

/* Answers a body that is not a valid message. */
static void reject(amp_session *s, amp_rpc_msg *m)
{
    amp_log(s, AMP_LOG_WARNING, "invalid message: %s", m->error_text);
    /* Without an id there is nobody to answer, except for parse errors,
     * which JSON-RPC answers with a null id. */
    if (m->id || m->error_code == AMP_RPC_PARSE_ERROR)
        amp_reply_error(s, m->id, m->error_code, "%s", m->error_text);
    amp_rpc_msg_clear(m);
}

/* Quiet time after the last message before a backend's new model is
 * warmed (amp_backend_warm): a person opening a file reads before typing;
 * a message in the meantime puts it off. */
#define AMP_WARM_AFTER_MS 300

/* Arms the timer for a step of warming in ms, unless diagnostics wait for
 * it (their flush comes first, and warming follows it). */
static void schedule_warming(amp_session *s, uint64_t ms)
{
    if (s->state == AMP_STATE_RUNNING && !s->diags_scheduled && amp_backend_wants_warm(&s->ws))
        s->io.set_timer(s->io.ctx, ms);
}

void amp_session_feed(amp_session *s, const char *bytes, size_t len)
{
    if (s->state == AMP_STATE_DONE)
        return;
    if (amp_framer_feed(s->framer, bytes, len) != 0)
        amp_log(s, AMP_LOG_ERROR, "out of memory reading %zu bytes", len);
    amp_frame frame;
    amp_frame_status st;
    while ((st = amp_framer_next(s->framer, &frame)) != AMP_FRAME_NONE) {
        if (st == AMP_FRAME_ERROR) {
            amp_log(s, AMP_LOG_WARNING, "bad frame: %s", frame.error);
            continue;
        }
        amp_rpc_msg m;
        if (amp_rpc_decode(frame.body, frame.body_len, &m) == AMP_MSG_INVALID)
            reject(s, &m);
        else
            enqueue(s, &m);
    }
    process_queue(s);
    if (s->state == AMP_STATE_RUNNING)
        amp_workspace_close_imports(&s->ws);
    if (s->diags_scheduled && s->state == AMP_STATE_RUNNING) {
        if (s->opts.debounce_ms == 0)
            amp_diags_flush(s);
        else
            s->io.set_timer(s->io.ctx, s->opts.debounce_ms);
    }
    schedule_warming(s, AMP_WARM_AFTER_MS);
    /* Between messages: nothing holds a file now. */
    amp_workspace_drop_stale(&s->ws);
}

void amp_session_on_timer(amp_session *s)
{
    if (s->state == AMP_STATE_RUNNING && s->diags_scheduled) {
        amp_diags_flush(s); /* the debounce's end */
        schedule_warming(s, AMP_WARM_AFTER_MS);
    } else if (s->state == AMP_STATE_RUNNING) {
        /* Quiet since: one step of warming, the next after a pause that
         * lets a message in. */
        if (amp_backend_warm(&s->ws))
            schedule_warming(s, 1);
        amp_workspace_collect(&s->ws);
    }
    amp_workspace_drop_stale(&s->ws);
}

void amp_session_on_eof(amp_session *s)
{
    if (s->state != AMP_STATE_DONE) {
        amp_log(s, AMP_LOG_INFO, "the client closed the stream");
        s->exit_code = s->shutdown_requested ? 0 : 1;
        s->state = AMP_STATE_DONE;
    }
}

void amp_session_on_client_gone(amp_session *s)
{
    amp_log(s, AMP_LOG_INFO, "the client process %lld is gone; exiting", (long long)s->client_pid);
    s->exit_code = 1;
    s->state = AMP_STATE_DONE;
}

bool amp_session_done(const amp_session *s, int *exit_code)
{
    if (exit_code)
        *exit_code = s->exit_code;
    return s->state == AMP_STATE_DONE;
}

int64_t amp_session_client_pid(const amp_session *s)
{
    return s->client_pid;
}
