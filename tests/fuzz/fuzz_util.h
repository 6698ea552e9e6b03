/*
 * fuzz_util.h: what the fuzz targets share.
 *
 *   fz_in       reads decisions (bytes, numbers, choices) from the fuzzer's
 *               input, returning zeros once it is used up, so every input is
 *               a valid program;
 *   fz_sink     the session's io: it checks that every frame the server
 *               sends is one valid JSON-RPC 2.0 message, counts the answers
 *               to the requests a target sent, and keeps the answer to one
 *               chosen id;
 *   fz_project  the fixture projects under tests/projects (workspace roots
 *               for sessions), with the text of their amplify/ files;
 *   fz_fail     reports a broken property and aborts, which libFuzzer and
 *               the replay driver both treat as a crash.
 *
 * Every target defines LLVMFuzzerTestOneInput and runs either under
 * libFuzzer (the AMP_FUZZ build) or under replay_main.c (a normal ctest
 * test that replays the seed corpus and the regression reproducers).
 */
#ifndef AMP_FUZZ_UTIL_H
#define AMP_FUZZ_UTIL_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "amp_session.h"

/* ---- input ---------------------------------------------------------------- */

typedef struct fz_in {
    const uint8_t *p;
    size_t n;
} fz_in;

uint8_t fz_u8(fz_in *in);
uint32_t fz_u32(fz_in *in);
/* A number in [0, n) (0 when n == 0). */
uint32_t fz_below(fz_in *in, uint32_t n);
bool fz_bool(fz_in *in);
/* Up to max bytes of input (borrowed); their count in *len. */
const uint8_t *fz_bytes(fz_in *in, size_t max, size_t *len);

/* A JSON string of bytes that may hold invalid UTF-8 (each invalid byte
 * becomes U+FFFD; NUL stays). Returns a new reference. */
json_t *fz_json_text(const uint8_t *bytes, size_t len);

/* Some JSON value of any type, from the input (for wrong-type params). */
json_t *fz_json_any(fz_in *in, int depth);

/* An integer that stresses position handling: small, at a boundary of
 * int32/uint32/int64, or negative. */
json_int_t fz_json_int(fz_in *in, uint32_t typical_max);

/* ---- the session's io ----------------------------------------------------- */

typedef struct fz_sink {
    size_t frames;   /* frames received */
    size_t answers;  /* responses to ids with the counted prefix */
    char **answered; /* the counted ids answered so far */
    size_t answered_count, answered_cap;
    const char *keep_id; /* keep the response with this string id */
    json_t *kept;        /* owned: that response */
    int timer_requests;
    bool check_frames; /* parse and validate every frame */
} fz_sink;

/* Ids starting with this are counted: each must be answered exactly once. */
#define FZ_COUNTED_PREFIX "fz-"

amp_session_io fz_sink_io(fz_sink *sink);
void fz_sink_free(fz_sink *sink);
/* True when the counted id was answered (once; twice is a failure). */
bool fz_sink_answered(const fz_sink *sink, const char *id);

/* Frames msg (takes it) into buf: appends to a growable byte buffer. */
typedef struct fz_buf {
    char *p;
    size_t len, cap;
} fz_buf;
void fz_buf_frame(fz_buf *buf, json_t *msg);
void fz_buf_raw(fz_buf *buf, const void *bytes, size_t len);
void fz_buf_free(fz_buf *buf);

/* Sends msg (takes it) to the session as one frame in one read. */
void fz_send(amp_session *s, json_t *msg);

/* A session with the defaults, debug requests on, logging at debug level
 * (into the void unless AMP_FUZZ_VERBOSE is set). */
amp_session *fz_session_new(fz_sink *sink);

/* Sends a request with id and waits for nothing: the session answers while
 * it is fed. Returns the kept response (borrowed from the sink), or NULL. */
json_t *fz_call(amp_session *s, fz_sink *sink, const char *id, const char *method, json_t *params);

/* ---- fixture projects ----------------------------------------------------- */

typedef struct fz_file {
    char *path; /* absolute */
    char *uri;
    char *text; /* the bytes on disk */
    size_t len;
} fz_file;

typedef struct fz_project {
    char *root; /* absolute */
    char *uri;
    fz_file *files; /* every .ts file under amplify/ */
    size_t file_count;
} fz_project;

/* The fixture projects (loaded once, never freed). */
const fz_project *fz_projects(size_t *count);

/* ---- failure -------------------------------------------------------------- */

void fz_fail(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

#define FZ_ASSERT(cond, ...)                                                                       \
    do {                                                                                           \
        if (!(cond))                                                                               \
            fz_fail(__VA_ARGS__);                                                                  \
    } while (0)

#endif
