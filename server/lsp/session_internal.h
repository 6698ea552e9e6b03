/*
 * session_internal.h: the session struct and the functions its files share.
 *
 * Files of the LSP layer:
 *   session.c   lifecycle, the message queue, dispatch, cancellation, output
 *   sync.c      text document synchronisation and watched-file events
 *   workspace.c the file store, backend discovery and import closure (disk I/O;
 *               shared with the check command, see amp_workspace.h)
 *   publish.c   diagnostics: computing, pushing and pulling them
 *   debug.c     amplify-ls/debug* requests (off unless enabled)
 *   lspjson.c   JSON helpers: reading params, positions and ranges
 */
#ifndef AMP_SESSION_INTERNAL_H
#define AMP_SESSION_INTERNAL_H

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>

#include "amp_diag.h"
#include "amp_doc.h"
#include "amp_framing.h"
#include "amp_jsonrpc.h"
#include "amp_position.h"
#include "amp_session.h"
#include "amp_strmap.h"
#include "amp_workspace.h"

/* The session keeps the client's capabilities (features read them). */
#define AMP_SESSION_CLIENT_CAPS 1

/* The session keeps the client's capabilities (features read them). */
#define AMP_SESSION_CLIENT_CAPS 1

typedef enum {
    AMP_STATE_UNINITIALIZED, /* before the initialize request */
    AMP_STATE_RUNNING,       /* after initialize */
    AMP_STATE_SHUT_DOWN,     /* after shutdown; waiting for exit */
    AMP_STATE_DONE,          /* exit received, client gone or stream closed */
} amp_state;

enum { AMP_LOG_ERROR, AMP_LOG_WARNING, AMP_LOG_INFO, AMP_LOG_DEBUG };

/* A message waiting in the queue. */
typedef struct amp_pending {
    amp_rpc_msg msg; /* owned */
    bool cancelled;
} amp_pending;

struct amp_session {
    amp_session_io io;
    amp_session_options opts;
    FILE *log_file;     /* owned, or NULL */
    amp_framer *framer; /* owned */
    TSParser *parser;   /* owned */
    amp_state state;
    bool shutdown_requested;
    int exit_code;
    int64_t client_pid;

    /* Negotiated with the client in initialize. */
    amp_encoding encoding;
    bool client_dynamic_watch; /* can register workspace/didChangeWatchedFiles */
    bool client_pull_diags;    /* supports textDocument/diagnostic */
    bool client_related_info;
    bool client_work_done;
    int trace;           /* 0 off, 1 messages, 2 verbose */
    json_t *client_caps; /* owned: initialize\'s params.capabilities, or NULL */
    int64_t next_out_id; /* ids of requests the server sends */

    /* Messages decoded but not yet handled, oldest first. */
    amp_pending *queue;
    size_t queue_len, queue_cap, queue_pos;

    amp_workspace ws; /* files and backends */
    bool diags_scheduled;

    /* Directories for the host's native watcher (when the client cannot
     * watch files): recomputed when backends or their files change. */
    char **watch_dirs; /* owned */
    size_t watch_dir_count;
    unsigned watch_key; /* ws.reach_gen + backends when computed, 0: never */
};

/* session.c */
void amp_log(amp_session *s, int level, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void amp_send(amp_session *s, json_t *msg);                 /* takes msg */
void amp_reply(amp_session *s, json_t *id, json_t *result); /* takes result */
void amp_reply_error(amp_session *s, json_t *id, int code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void amp_notify(amp_session *s, const char *method, json_t *params);         /* takes params */
void amp_request_client(amp_session *s, const char *method, json_t *params); /* takes params */
/* True when a later queued message changes the document with this URI. */
bool amp_queue_modifies_later(amp_session *s, const char *uri);

/* sync.c */
void amp_sync_did_open(amp_session *s, json_t *params);
void amp_sync_did_change(amp_session *s, json_t *params);
void amp_sync_did_close(amp_session *s, json_t *params);
void amp_sync_did_save(amp_session *s, json_t *params);
void amp_sync_did_change_watched(amp_session *s, json_t *params);
/* One file changed or was deleted on disk (key: an absolute path). Returns
 * true when backends must be looked for again. */
bool amp_sync_disk_change(amp_session *s, const char *key, bool deleted);
/* amp_file_put for a file no import resolves to (amplify-ls.json): it does
 * not make the import closure dirty. Returns the file (borrowed) or NULL. */
amp_file *amp_sync_put_settings(amp_session *s, const char *key, const char *uri,
                                const char *bytes, uint32_t len, int64_t version, bool open);
void amp_sync_did_change_folders(amp_session *s, json_t *params);

/* watch.c */
void amp_session_free_watch(amp_session *s);

/* publish.c */
void amp_diags_schedule(amp_session *s);
/* The workspace's drop callback: clears what was published for the file. */
void amp_diags_on_drop(void *ctx, amp_file *f);
void amp_diags_flush(amp_session *s);
void amp_handle_pull_diagnostic(amp_session *s, json_t *id, json_t *params);
void amp_handle_workspace_diagnostic(amp_session *s, json_t *id, json_t *params);
/* The LSP Diagnostic for d in file f (a new reference). */
json_t *amp_diag_json(amp_session *s, amp_file *f, const amp_diag *d);

/* debug.c */
void amp_handle_debug_document(amp_session *s, json_t *id, json_t *params);

/* lspjson.c */
/* A string member, or NULL (borrowed from obj). */
const char *amp_json_str(json_t *obj, const char *key);
/* Reads params.textDocument.uri; replies -32602 and returns NULL when absent. */
const char *amp_params_uri(amp_session *s, json_t *id, json_t *params);
/* Reads a Position object; returns 0, or -1 when malformed. */
int amp_json_position(json_t *pos, amp_lsp_pos *out);
/* A Range object for byte offsets [start, end) of text. Returns a new reference. */
json_t *amp_json_range(amp_session *s, const amp_text *text, uint32_t start, uint32_t end);
/* A JSON string of bytes that may hold invalid UTF-8 (replaced by U+FFFD). */
json_t *amp_json_text(const char *bytes, size_t len);

/* JSON text written directly, for large answers (a completion list of
 * hundreds of items): building and dumping a json_t per item costs about
 * ten times more. Writes ASCII only, as amp_send's encoder does. */
typedef struct amp_jtext {
    char *p;      /* owned (free with free); NUL-terminated */
    size_t len, cap;
    bool failed;  /* out of memory: the text is incomplete */
} amp_jtext;
void amp_jtext_raw(amp_jtext *t, const char *s);
/* A JSON string of bytes that may hold invalid UTF-8 (replaced by U+FFFD). */
void amp_jtext_str(amp_jtext *t, const char *bytes, size_t len);
void amp_jtext_int(amp_jtext *t, long long v);
/* The compact dump of v (borrowed). */
void amp_jtext_json(amp_jtext *t, const json_t *v);
/* Replies with t's text as the result and frees it; out of memory replies
 * with an InternalError. */
void amp_reply_jtext(amp_session *s, json_t *id, amp_jtext *t);

#endif
