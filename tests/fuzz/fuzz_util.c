/*
 * fuzz_util.c: see fuzz_util.h.
 */
#include "fuzz_util.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "amp_framing.h"
#include "amp_jsonrpc.h"
#include "amp_uri.h"

#ifndef AMP_FUZZ_PROJECTS
#error "AMP_FUZZ_PROJECTS must name tests/projects"
#endif

/* ---- failure -------------------------------------------------------------- */

static FILE *real_stderr; /* stderr before the session's log was silenced */

void fz_fail(const char *fmt, ...)
{
    FILE *out = real_stderr ? real_stderr : stderr;
    va_list ap;
    va_start(ap, fmt);
    fputs("amplify-ls fuzz: property broken: ", out);
    vfprintf(out, fmt, ap);
    fputc('\n', out);
    va_end(ap);
    fflush(out);
    abort();
}

static void *fz_xalloc(void *p)
{
    if (!p)
        fz_fail("out of memory in the harness");
    return p;
}

/* ---- input ---------------------------------------------------------------- */

uint8_t fz_u8(fz_in *in)
{
    if (in->n == 0)
        return 0;
    uint8_t v = in->p[0];
    in->p++;
    in->n--;
    return v;
}

uint32_t fz_u32(fz_in *in)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++)
        v = (v << 8) | fz_u8(in);
    return v;
}

uint32_t fz_below(fz_in *in, uint32_t n)
{
    if (n <= 1)
        return 0;
    uint32_t v = n <= 256 ? fz_u8(in) : fz_u32(in);
    return v % n;
}

bool fz_bool(fz_in *in)
{
    return fz_u8(in) & 1;
}

const uint8_t *fz_bytes(fz_in *in, size_t max, size_t *len)
{
    size_t want = fz_u8(in);
    if (max > 255)
        want = (want << 8 | fz_u8(in));
    if (want > max)
        want = max;
    if (want > in->n)
        want = in->n;
    const uint8_t *p = in->p;
    in->p += want;
    in->n -= want;
    *len = want;
    return p;
}

/* Length of the valid UTF-8 sequence at p (1..4), or 0 when invalid. */
static size_t utf8_seq(const uint8_t *p, size_t avail)
{
    if (p[0] < 0x80)
        return 1;
    size_t n = p[0] >= 0xF0 && p[0] <= 0xF4   ? 4
               : p[0] >= 0xE0 && p[0] <= 0xEF ? 3
               : p[0] >= 0xC2 && p[0] <= 0xDF ? 2
                                              : 0;
    if (n == 0 || n > avail)
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    if ((n == 3 && ((p[0] == 0xE0 && p[1] < 0xA0) || (p[0] == 0xED && p[1] >= 0xA0))) ||
        (n == 4 && ((p[0] == 0xF0 && p[1] < 0x90) || (p[0] == 0xF4 && p[1] >= 0x90))))
        return 0;
    return n;
}

json_t *fz_json_text(const uint8_t *bytes, size_t len)
{
    char *out = fz_xalloc(malloc(len * 3 + 1));
    size_t j = 0;
    for (size_t i = 0; i < len;) {
        size_t n = utf8_seq(bytes + i, len - i);
        if (n) {
            memcpy(out + j, bytes + i, n);
            j += n;
            i += n;
        } else {
            memcpy(out + j, "\xEF\xBF\xBD", 3);
            j += 3;
            i++;
        }
    }
    json_t *s = json_stringn(out, j);
    free(out);
    return fz_xalloc(s);
}

json_int_t fz_json_int(fz_in *in, uint32_t typical_max)
{
    static const json_int_t special[] = {-1,
                                         -2,
                                         INT32_MIN,
                                         INT32_MAX,
                                         (json_int_t)INT32_MAX + 1,
                                         UINT32_MAX,
                                         (json_int_t)UINT32_MAX + 1,
                                         (json_int_t)UINT32_MAX + 7,
                                         INT64_MAX,
                                         INT64_MIN,
                                         (json_int_t)1 << 53,
                                         65535,
                                         65536};
    uint8_t k = fz_u8(in);
    if (k < 200)
        return (json_int_t)fz_below(in, typical_max + 3);
    return special[k % (sizeof special / sizeof special[0])];
}

json_t *fz_json_any(fz_in *in, int depth)
{
    switch (fz_u8(in) % (depth > 0 ? 9 : 7)) {
    case 0:
        return json_null();
    case 1:
        return json_boolean(fz_bool(in));
    case 2:
        return json_integer(fz_json_int(in, 100));
    case 3:
        return json_real((double)(int32_t)fz_u32(in) / 7.0);
    case 4: {
        size_t len;
        const uint8_t *b = fz_bytes(in, 64, &len);
        return fz_json_text(b, len);
    }
    case 5:
        return json_string("file:///");
    case 6:
        return json_object();
    case 7: {
        json_t *a = json_array();
        for (uint32_t i = fz_below(in, 4); i > 0; i--)
            json_array_append_new(a, fz_json_any(in, depth - 1));
        return a;
    }
    default: {
        static const char *keys[] = {"textDocument", "uri",     "position", "line",
                                     "character",    "range",   "start",    "end",
                                     "text",         "version", "id"};
        json_t *o = json_object();
        for (uint32_t i = fz_below(in, 4); i > 0; i--)
            json_object_set_new(o, keys[fz_below(in, sizeof keys / sizeof keys[0])],
                                fz_json_any(in, depth - 1));
        return o;
    }
    }
}

/* ---- buffers and sending -------------------------------------------------- */

void fz_buf_raw(fz_buf *buf, const void *bytes, size_t len)
{
    if (buf->len + len > buf->cap) {
        size_t cap = buf->cap ? buf->cap : 4096;
        while (cap < buf->len + len)
            cap *= 2;
        buf->p = fz_xalloc(realloc(buf->p, cap));
        buf->cap = cap;
    }
    if (len)
        memcpy(buf->p + buf->len, bytes, len);
    buf->len += len;
}

void fz_buf_frame(fz_buf *buf, json_t *msg)
{
    size_t len;
    char *frame = amp_rpc_encode_frame(msg, &len);
    json_decref(msg);
    fz_xalloc(frame);
    fz_buf_raw(buf, frame, len);
    free(frame);
}

void fz_buf_free(fz_buf *buf)
{
    free(buf->p);
    memset(buf, 0, sizeof *buf);
}

void fz_send(amp_session *s, json_t *msg)
{
    fz_buf buf = {0};
    fz_buf_frame(&buf, msg);
    amp_session_feed(s, buf.p, buf.len);
    fz_buf_free(&buf);
}

json_t *fz_call(amp_session *s, fz_sink *sink, const char *id, const char *method, json_t *params)
{
    json_decref(sink->kept);
    sink->kept = NULL;
    sink->keep_id = id;
    json_t *jid = json_string(id);
    fz_send(s, amp_rpc_request(jid, method, params));
    json_decref(jid);
    sink->keep_id = NULL;
    return sink->kept;
}

/* ---- the session's io ----------------------------------------------------- */

/* Checks one frame the server sent and records what it answers. */
static void sink_frame(fz_sink *sink, const char *frame, size_t len)
{
    const char *sep = NULL;
    for (size_t i = 0; i + 4 <= len && i < 64; i++)
        if (memcmp(frame + i, "\r\n\r\n", 4) == 0) {
            sep = frame + i;
            break;
        }
    FZ_ASSERT(sep && strncmp(frame, "Content-Length: ", 16) == 0, "a frame without a header");
    size_t body_len = strtoul(frame + 16, NULL, 10);
    const char *body = sep + 4;
    FZ_ASSERT((size_t)(body - frame) + body_len == len, "Content-Length %zu does not match %zu",
              body_len, len - (size_t)(body - frame));
    json_error_t err;
    json_t *msg = json_loadb(body, body_len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &err);
    FZ_ASSERT(msg, "the server sent a body that is not JSON: %s", err.text);
    FZ_ASSERT(json_is_object(msg), "the server sent a body that is not an object");
    const char *version = json_string_value(json_object_get(msg, "jsonrpc"));
    FZ_ASSERT(version && strcmp(version, "2.0") == 0, "a message without jsonrpc 2.0");
    json_t *method = json_object_get(msg, "method");
    json_t *id = json_object_get(msg, "id");
    if (method) {
        FZ_ASSERT(json_is_string(method), "a server message whose method is not a string");
    } else {
        FZ_ASSERT(id, "a server message that is neither a notification nor a response");
        json_t *result = json_object_get(msg, "result");
        json_t *error = json_object_get(msg, "error");
        FZ_ASSERT((result != NULL) != (error != NULL), "a response needs result xor error");
        if (error)
            FZ_ASSERT(json_is_integer(json_object_get(error, "code")) &&
                          json_is_string(json_object_get(error, "message")),
                      "an error without an integer code and a message");
        const char *sid = json_string_value(id);
        if (sid && strncmp(sid, FZ_COUNTED_PREFIX, strlen(FZ_COUNTED_PREFIX)) == 0) {
            FZ_ASSERT(!fz_sink_answered(sink, sid), "request %s was answered twice", sid);
            if (sink->answered_count == sink->answered_cap) {
                sink->answered_cap = sink->answered_cap ? sink->answered_cap * 2 : 64;
                sink->answered =
                    fz_xalloc(realloc(sink->answered, sink->answered_cap * sizeof *sink->answered));
            }
            sink->answered[sink->answered_count++] = fz_xalloc(strdup(sid));
            sink->answers++;
        }
        if (sid && sink->keep_id && strcmp(sid, sink->keep_id) == 0) {
            json_decref(sink->kept);
            sink->kept = json_incref(msg);
        }
    }
    json_decref(msg);
}

static void sink_send(void *ctx, char *frame, size_t len)
{
    fz_sink *sink = ctx;
    sink->frames++;
    if (sink->check_frames || sink->keep_id)
        sink_frame(sink, frame, len);
    free(frame);
}

static void sink_timer(void *ctx, uint64_t ms)
{
    (void)ms;
    ((fz_sink *)ctx)->timer_requests++;
}

amp_session_io fz_sink_io(fz_sink *sink)
{
    amp_session_io io;
    memset(&io, 0, sizeof io);
    io.ctx = sink;
    io.send = sink_send;
    io.set_timer = sink_timer;
    return io;
}

bool fz_sink_answered(const fz_sink *sink, const char *id)
{
    for (size_t i = 0; i < sink->answered_count; i++)
        if (strcmp(sink->answered[i], id) == 0)
            return true;
    return false;
}

void fz_sink_free(fz_sink *sink)
{
    for (size_t i = 0; i < sink->answered_count; i++)
        free(sink->answered[i]);
    free(sink->answered);
    json_decref(sink->kept);
    memset(sink, 0, sizeof *sink);
}

amp_session *fz_session_new(fz_sink *sink)
{
    static bool quiet_done;
    if (!quiet_done) {
        quiet_done = true;
        /* The session logs to stderr through stdio; libFuzzer and the
         * sanitizers write to file descriptor 2 directly, so sending the
         * stdio stream to /dev/null silences only the session. */
        if (!getenv("AMP_FUZZ_VERBOSE")) {
            FILE *null = fopen("/dev/null", "w");
            if (null) {
                real_stderr = stderr;
                stderr = null;
            }
        }
    }
    amp_session_options o;
    amp_session_options_default(&o);
    o.debug_requests = true;
    o.log_level = 3;
    o.debounce_ms = 0;
    amp_session *s = amp_session_new(&o, fz_sink_io(sink));
    return fz_xalloc(s);
}

/* ---- fixture projects ----------------------------------------------------- */

static fz_project *projects;
static size_t project_count;

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = fz_xalloc(malloc(cap));
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            buf = fz_xalloc(realloc(buf, cap *= 2));
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

static int compare_files(const void *a, const void *b)
{
    return strcmp(((const fz_file *)a)->path, ((const fz_file *)b)->path);
}

/* Adds every .ts file under dir (recursively, skipping node_modules and
 * hidden folders) to p; in_amplify: dir is inside an amplify/ folder. */
static void collect(fz_project *p, const char *dir, bool in_amplify, int depth)
{
    DIR *d = opendir(dir);
    if (!d || depth > 8) {
        if (d)
            closedir(d);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "node_modules") == 0)
            continue;
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        char *child = fz_xalloc(malloc(n));
        snprintf(child, n, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(child, &st) == 0 && S_ISDIR(st.st_mode)) {
            collect(p, child, in_amplify || strcmp(e->d_name, "amplify") == 0, depth + 1);
        } else if (in_amplify && S_ISREG(st.st_mode) && strlen(e->d_name) > 3 &&
                   strcmp(e->d_name + strlen(e->d_name) - 3, ".ts") == 0) {
            p->files = fz_xalloc(realloc(p->files, (p->file_count + 1) * sizeof *p->files));
            fz_file *f = &p->files[p->file_count++];
            f->path = fz_xalloc(strdup(child));
            f->uri = fz_xalloc(amp_path_to_uri(child));
            f->text = read_all(child, &f->len);
            if (!f->text) {
                f->text = fz_xalloc(strdup(""));
                f->len = 0;
            }
        }
        free(child);
    }
    closedir(d);
}

static int compare_projects(const void *a, const void *b)
{
    return strcmp(((const fz_project *)a)->root, ((const fz_project *)b)->root);
}

const fz_project *fz_projects(size_t *count)
{
    if (!projects) {
        char real[4096];
        if (!realpath(AMP_FUZZ_PROJECTS, real))
            fz_fail("cannot find the fixture projects at %s", AMP_FUZZ_PROJECTS);
        DIR *d = opendir(real);
        struct dirent *e;
        while (d && (e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.')
                continue;
            size_t n = strlen(real) + strlen(e->d_name) + 2;
            char *root = fz_xalloc(malloc(n));
            snprintf(root, n, "%s/%s", real, e->d_name);
            struct stat st;
            if (stat(root, &st) != 0 || !S_ISDIR(st.st_mode)) {
                free(root);
                continue;
            }
            fz_project p = {root, fz_xalloc(amp_path_to_uri(root)), NULL, 0};
            collect(&p, root, false, 0);
            if (p.file_count == 0) {
                free(p.root);
                free(p.uri);
                continue;
            }
            qsort(p.files, p.file_count, sizeof *p.files, compare_files);
            projects = fz_xalloc(realloc(projects, (project_count + 1) * sizeof *projects));
            projects[project_count++] = p;
        }
        if (d)
            closedir(d);
        if (project_count == 0)
            fz_fail("no fixture project under %s", real);
        /* Sorted, so an input means the same thing on every machine. */
        qsort(projects, project_count, sizeof *projects, compare_projects);
    }
    *count = project_count;
    return projects;
}
