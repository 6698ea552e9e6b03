/*
 * main.c: the amplify-ls executable. Parses the command line, then either
 * serves LSP over stdio on a libuv loop or runs a CLI subcommand (check,
 * dump-model, explain) over the same analysis core.
 *
 * The loop's entry points are a closed set of small callbacks that forward
 * to the session: on_read (bytes from the client), on_timer (diagnostics
 * debounce), on_watch_timer (client process liveness) and on_fs_event (a
 * native file watcher, used only when the client cannot watch files). Each outgoing frame is one
 * allocation, written with uv_write and freed in its write callback, as the
 * uv_write contract requires. Logs go to stderr (and --log FILE), never to
 * stdout, which carries only LSP frames.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <uv.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "amp_cli.h"
#include "amp_session.h"

#ifndef AMP_VERSION
#define AMP_VERSION "0.0.0"
#endif

#define AMP_READ_CHUNK 65536

typedef struct server server;

/* One natively watched directory. */
typedef struct watch {
    uv_fs_event_t handle;
    char *dir; /* owned */
    server *srv;
    bool keep;
} watch;

struct server {
    uv_loop_t *loop;
    amp_session *session;
    union {
        uv_pipe_t pipe;
        uv_tty_t tty;
    } in;
    union {
        uv_pipe_t pipe;
        uv_tty_t tty;
    } out;
    bool in_is_stream;  /* stdin is a pipe or tty (else a file read with uv_fs) */
    bool out_is_stream; /* stdout is a pipe or tty (else written synchronously) */
    uv_fs_t file_read;
    char file_buf[AMP_READ_CHUNK];
    uv_timer_t diag_timer;
    uv_timer_t watch_timer;
    size_t writes_pending;
    bool stopping;
    watch **watches; /* owned array of owned watches */
    size_t watch_count;
};

typedef struct write_req {
    uv_write_t req;
    char *frame; /* owned: freed in on_written */
} write_req;

static void stop(server *srv);

static void on_written(uv_write_t *req, int status)
{
    write_req *w = (write_req *)req;
    server *srv = req->data;
    free(w->frame);
    free(w);
    srv->writes_pending--;
    if (status < 0) {
        fprintf(stderr, "amplify-ls [error] writing to the client failed: %s\n",
                uv_strerror(status));
        amp_session_on_eof(srv->session);
    }
    if (srv->stopping && srv->writes_pending == 0)
        uv_stop(srv->loop);
}

/* io.send: takes frame. */
static void send_frame(void *ctx, char *frame, size_t len)
{
    server *srv = ctx;
    if (!srv->out_is_stream) {
        size_t off = 0;
        while (off < len) {
            ssize_t n = write(STDOUT_FILENO, frame + off, len - off);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            off += (size_t)n;
        }
        free(frame);
        return;
    }
    write_req *w = malloc(sizeof *w);
    if (!w) {
        free(frame);
        return;
    }
    w->frame = frame;
    w->req.data = srv;
    uv_buf_t buf = uv_buf_init(frame, (unsigned)len);
    if (uv_write(&w->req, (uv_stream_t *)&srv->out, &buf, 1, on_written) != 0) {
        free(frame);
        free(w);
        return;
    }
    srv->writes_pending++;
}

static void on_watch_closed(uv_handle_t *h)
{
    watch *w = h->data;
    free(w->dir);
    free(w);
}

static void update_watches(server *srv);

static void on_fs_event(uv_fs_event_t *h, const char *filename, int events, int status)
{
    (void)events;
    watch *w = h->data;
    server *srv = w->srv;
    if (status < 0 || !filename || srv->stopping)
        return;
    size_t n = strlen(w->dir) + strlen(filename) + 2;
    char *path = malloc(n);
    if (!path)
        return;
    snprintf(path, n, "%s/%s", w->dir, filename);
    amp_session_on_disk_change(srv->session, path);
    free(path);
    update_watches(srv); /* may close h: w is not used after this */
}

/* Watches exactly the directories the session asks for. */
static void update_watches(server *srv)
{
    size_t n = 0;
    const char *const *dirs = amp_session_native_watch_dirs(srv->session, &n);
    for (size_t i = 0; i < srv->watch_count; i++)
        srv->watches[i]->keep = false;
    for (size_t d = 0; d < n; d++) {
        bool found = false;
        for (size_t i = 0; i < srv->watch_count && !found; i++)
            if (strcmp(srv->watches[i]->dir, dirs[d]) == 0)
                found = srv->watches[i]->keep = true;
        if (found)
            continue;
        watch **grown = realloc(srv->watches, (srv->watch_count + 1) * sizeof *grown);
        watch *w = calloc(1, sizeof *w);
        if (grown)
            srv->watches = grown;
        if (!grown || !w || !(w->dir = strdup(dirs[d]))) {
            free(w);
            continue;
        }
        w->srv = srv;
        w->keep = true;
        w->handle.data = w;
        uv_fs_event_init(srv->loop, &w->handle);
        if (uv_fs_event_start(&w->handle, on_fs_event, w->dir, 0) != 0) {
            uv_close((uv_handle_t *)&w->handle, on_watch_closed);
            continue;
        }
        srv->watches[srv->watch_count++] = w;
    }
    size_t j = 0;
    for (size_t i = 0; i < srv->watch_count; i++) {
        watch *w = srv->watches[i];
        if (w->keep) {
            srv->watches[j++] = w;
        } else {
            uv_fs_event_stop(&w->handle);
            uv_close((uv_handle_t *)&w->handle, on_watch_closed);
        }
    }
    srv->watch_count = j;
}

/* io.sync_watches */
static void sync_watches(void *ctx)
{
    update_watches(ctx);
}

static void on_diag_timer(uv_timer_t *t)
{
    server *srv = t->data;
    amp_session_on_timer(srv->session);
    if (amp_session_done(srv->session, NULL))
        stop(srv);
}

/* io.set_timer */
static void set_timer(void *ctx, uint64_t ms)
{
    server *srv = ctx;
    uv_timer_start(&srv->diag_timer, on_diag_timer, ms, 0);
}

static void on_watch_timer(uv_timer_t *t)
{
    server *srv = t->data;
    int64_t pid = amp_session_client_pid(srv->session);
    if (pid > 0 && kill((pid_t)pid, 0) != 0 && errno == ESRCH) {
        amp_session_on_client_gone(srv->session);
        stop(srv);
    }
}

static void on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf)
{
    (void)suggested;
    server *srv = h->data;
    buf->base = srv->file_buf;
    buf->len = sizeof srv->file_buf;
}

static void after_input(server *srv)
{
    if (amp_session_done(srv->session, NULL))
        stop(srv);
    else
        update_watches(srv);
}

static void on_read(uv_stream_t *stream, ssize_t nread, const uv_buf_t *buf)
{
    server *srv = stream->data;
    if (nread > 0)
        amp_session_feed(srv->session, buf->base, (size_t)nread);
    else if (nread < 0)
        amp_session_on_eof(srv->session);
    after_input(srv);
}

static void on_file_read(uv_fs_t *req)
{
    server *srv = req->data;
    ssize_t n = req->result;
    uv_fs_req_cleanup(req);
    if (n > 0)
        amp_session_feed(srv->session, srv->file_buf, (size_t)n);
    else
        amp_session_on_eof(srv->session);
    after_input(srv);
    if (n > 0 && !srv->stopping) {
        uv_buf_t buf = uv_buf_init(srv->file_buf, sizeof srv->file_buf);
        uv_fs_read(srv->loop, &srv->file_read, STDIN_FILENO, &buf, 1, -1, on_file_read);
    }
}

static void stop(server *srv)
{
    if (srv->stopping)
        return;
    srv->stopping = true;
    if (srv->in_is_stream)
        uv_read_stop((uv_stream_t *)&srv->in);
    uv_timer_stop(&srv->diag_timer);
    uv_timer_stop(&srv->watch_timer);
    for (size_t i = 0; i < srv->watch_count; i++) {
        uv_fs_event_stop(&srv->watches[i]->handle);
        uv_close((uv_handle_t *)&srv->watches[i]->handle, on_watch_closed);
    }
    srv->watch_count = 0;
    if (srv->writes_pending == 0)
        uv_stop(srv->loop);
}

/* Opens fd as a libuv stream when it is a pipe, socket or tty. */
static bool open_stream(uv_loop_t *loop, int fd, void *handle, bool readable)
{
    uv_handle_type type = uv_guess_handle(fd);
    if (type == UV_TTY)
        return uv_tty_init(loop, handle, fd, readable) == 0;
    if (type == UV_NAMED_PIPE || type == UV_TCP)
        return uv_pipe_init(loop, handle, 0) == 0 && uv_pipe_open(handle, fd) == 0;
    return false;
}

static void close_cb(uv_handle_t *h)
{
    (void)h;
}

static void close_all(uv_handle_t *h, void *arg)
{
    (void)arg;
    if (!uv_is_closing(h))
        uv_close(h, close_cb);
}

static int serve(const amp_session_options *opts)
{
    signal(SIGPIPE, SIG_IGN);
    server srv;
    memset(&srv, 0, sizeof srv);
    srv.loop = uv_default_loop();
    amp_session_io io = {&srv, send_frame, set_timer, sync_watches};
    srv.session = amp_session_new(opts, io);
    if (!srv.session) {
        fprintf(stderr, "amplify-ls: cannot start a session (out of memory)\n");
        return 1;
    }
    uv_timer_init(srv.loop, &srv.diag_timer);
    uv_timer_init(srv.loop, &srv.watch_timer);
    srv.diag_timer.data = srv.watch_timer.data = &srv;
    uv_timer_start(&srv.watch_timer, on_watch_timer, 3000, 3000);
    uv_unref((uv_handle_t *)&srv.watch_timer);
    srv.out_is_stream = open_stream(srv.loop, STDOUT_FILENO, &srv.out, false);
    if (srv.out_is_stream)
        ((uv_handle_t *)&srv.out)->data = &srv;
    srv.in_is_stream = open_stream(srv.loop, STDIN_FILENO, &srv.in, true);
    if (srv.in_is_stream) {
        ((uv_handle_t *)&srv.in)->data = &srv;
        uv_read_start((uv_stream_t *)&srv.in, on_alloc, on_read);
    } else {
        srv.file_read.data = &srv;
        uv_buf_t buf = uv_buf_init(srv.file_buf, sizeof srv.file_buf);
        uv_fs_read(srv.loop, &srv.file_read, STDIN_FILENO, &buf, 1, -1, on_file_read);
    }
    uv_run(srv.loop, UV_RUN_DEFAULT);
    int code = 1;
    amp_session_done(srv.session, &code);
    uv_walk(srv.loop, close_all, NULL);
    uv_run(srv.loop, UV_RUN_DEFAULT);
    uv_loop_close(srv.loop);
    free(srv.watches);
    amp_session_delete(srv.session);
    return code;
}

static void usage(FILE *out)
{
    fputs("usage: amplify-ls [--stdio] [--log FILE] [--log-level LEVEL] [--debug-requests]\n"
          "       amplify-ls check [--format text|json|sarif|github] [--max-warnings N] [--quiet] "
          "[PATH...]\n"
          "       amplify-ls dump-model [DIR]\n"
          "       amplify-ls explain CODE\n"
          "       amplify-ls --version | --help\n"
          "\n"
          "With no command, amplify-ls serves the Language Server Protocol on stdin and\n"
          "stdout, for editors. Logs go to stderr and, with --log, to FILE.\n"
          "  --log-level LEVEL   error, warning, info (default) or debug\n"
          "  --debug-requests    serve amplify-ls/debug* requests (for tests)\n"
          "\n"
          "check finds every Amplify backend (an amplify/ folder whose backend.ts calls\n"
          "defineBackend) under the paths (default: the current directory) and reports\n"
          "its diagnostics. Exit status: 0 clean, 1 errors (or warnings over --max-warnings),\n"
          "2 usage or I/O errors.\n",
          out);
}

static int log_level_of(const char *name)
{
    static const char *names[] = {"error", "warning", "info", "debug"};
    for (int i = 0; i < 4; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
}

/* Every rebuild frees the last model and allocates the next one, whose
 * large arrays glibc would map fresh (and fault in page by page) each time:
 * at 2,000 models a thousand page faults a keystroke. Large blocks come
 * from the heap instead, and freed memory is kept for the next build.
 * No fast bins: tree-sitter frees hundreds of thousands of small blocks
 * while parsing, and every free of a block of 64 KiB or more (an arena's
 * chunk) then walks them all to merge them (malloc_consolidate): a fifth
 * of the cache misses of opening a 2,000-model schema. */
static void tune_malloc(void)
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 128 * 1024 * 1024);
    mallopt(M_MXFAST, 0);
#endif
}

int main(int argc, char **argv)
{
    tune_malloc();
    if (argc >= 2 && strcmp(argv[1], "check") == 0)
        return amp_cli_check(argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "dump-model") == 0)
        return amp_cli_dump_model(argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "explain") == 0)
        return amp_cli_explain(argc - 1, argv + 1);
    amp_session_options opts;
    amp_session_options_default(&opts);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--version") == 0 || strcmp(a, "-v") == 0) {
            printf("amplify-ls %s\n", AMP_VERSION);
            return 0;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--stdio") == 0) {
            continue;
        } else if (strcmp(a, "--debug-requests") == 0) {
            opts.debug_requests = true;
        } else if (strcmp(a, "--log") == 0 && i + 1 < argc) {
            opts.log_path = argv[++i];
        } else if (strcmp(a, "--log-level") == 0 && i + 1 < argc &&
                   log_level_of(argv[i + 1]) >= 0) {
            opts.log_level = log_level_of(argv[++i]);
        } else if (strncmp(a, "--clientProcessId", 17) == 0) {
            continue; /* vscode-languageclient passes this; initialize carries it too */
        } else {
            fprintf(stderr, "amplify-ls: unknown argument '%s'\n\n", a);
            usage(stderr);
            return 2;
        }
    }
    return serve(&opts);
}
