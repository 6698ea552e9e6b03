/*
 * amp_session.h: one LSP session, independent of any event loop.
 *
 * The host (server/main.c on libuv, or a test) feeds the bytes it reads from
 * the client with amp_session_feed, writes the frames the session hands to
 * io.send, calls amp_session_on_timer when the timer the session asked for
 * fires, and stops when amp_session_done says so. The session owns every
 * document, the workspace index and the analysis state; it does file I/O
 * only to read the Amplify backends of the workspace folders.
 *
 * Nothing here is global: all state lives in the amp_session struct.
 */
#ifndef AMP_SESSION_H
#define AMP_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct amp_session amp_session;

typedef struct amp_session_io {
    void *ctx;
    /* Takes frame (from malloc): the host writes len bytes to the client
     * and frees it when written. */
    void (*send)(void *ctx, char *frame, size_t len);
    /* Asks for amp_session_on_timer after ms milliseconds, replacing any
     * timer asked for before. */
    void (*set_timer)(void *ctx, uint64_t ms);
    /* Optional (may be NULL): asks the host to bring its native file
     * watches in line with amp_session_native_watch_dirs now. The session
     * calls it before answering a request, so that no answer reaches the
     * client before the folders it depends on are watched. */
    void (*sync_watches)(void *ctx);
} amp_session_io;

typedef struct amp_session_options {
    bool debug_requests;     /* serve the amplify-ls/debug* requests */
    const char *log_path;    /* borrowed: also log to this file (NULL: stderr only) */
    int log_level;           /* 0 error, 1 warning, 2 info, 3 debug */
    uint32_t parse_limit;    /* documents larger than this are not parsed */
    uint32_t max_file_bytes; /* files larger than this are not read from disk */
    size_t max_message;      /* largest message body accepted */
    uint32_t debounce_ms;    /* delay before diagnostics are computed */
} amp_session_options;

/* Fills o with the defaults. */
void amp_session_options_default(amp_session_options *o);

/* Returns an owned session (free with amp_session_delete) or NULL. opts is
 * copied; opts->log_path must stay valid for the session's life. */
amp_session *amp_session_new(const amp_session_options *opts, amp_session_io io);

/* Frees the session and everything it owns. Accepts NULL. */
void amp_session_delete(amp_session *self);

/* Handles len bytes read from the client: frames them, decodes and answers
 * every complete message in order. */
void amp_session_feed(amp_session *self, const char *bytes, size_t len);

/* The client closed its end of the stream. */
void amp_session_on_eof(amp_session *self);

/* The timer asked for with io.set_timer fired. */
void amp_session_on_timer(amp_session *self);

/* True when the session is over; *exit_code is then the process exit code
 * (0 after shutdown and exit, 1 otherwise). */
bool amp_session_done(const amp_session *self, int *exit_code);

/* The client's process id from initialize, or 0 when not known. */
int64_t amp_session_client_pid(const amp_session *self);

/* The client process was found dead: end the session. */
void amp_session_on_client_gone(amp_session *self);

/* Something changed on disk at path (from a native watcher, used when the
 * client cannot watch files for us). */
void amp_session_on_disk_change(amp_session *self, const char *path);

/* Directories the host should watch natively (the client does not watch
 * files for us), or NULL when none. The array is borrowed until the next
 * call into the session. *count receives its length. */
const char *const *amp_session_native_watch_dirs(amp_session *self, size_t *count);

#endif
