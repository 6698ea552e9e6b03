/*
 * workspace.c: the file store, backend discovery and import closure (see
 * amp_workspace.h).
 */
#include "amp_workspace.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "amp_model.h"
#include "amp_nav.h"
#include "amp_project.h"
#include "amp_syntax.h"
#include "amp_uri.h"

/* Bounds of a folder walk: deep enough for monorepos, finite on any tree. */
#define AMP_SCAN_MAX_DEPTH 12
#define AMP_SCAN_MAX_DIRS 50000

static void ws_log(amp_workspace *ws, int level, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void ws_log(amp_workspace *ws, int level, const char *fmt, ...)
{
    if (!ws->log)
        return;
    char line[PATH_MAX + 256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    ws->log(ws->ctx, level, line);
}

void amp_workspace_init(amp_workspace *ws, TSParser *parser, uint32_t parse_limit,
                        uint32_t max_file_bytes)
{
    memset(ws, 0, sizeof *ws);
    ws->parser = parser;
    ws->parse_limit = parse_limit;
    ws->max_file_bytes = max_file_bytes;
}

void amp_backend_drop_nav(amp_backend *b)
{
    amp_nav_index_delete(b->nav);
    free(b->nav_texts);
    b->nav = NULL;
    b->nav_texts = NULL;
}

static void backend_free(amp_backend *b)
{
    amp_backend_drop_nav(b);
    for (size_t i = 0; i < b->handler_count; i++)
        free(b->handlers[i]);
    free(b->handlers);
    amp_model_delete(b->model);
    amp_project_free(b->project);
    free(b->root);
    free(b->amplify_dir);
    free(b->entry);
}

static void file_free(amp_file *f)
{
    free(f->key);
    free(f->uri);
    free(f->import_sig);
    amp_doc_free(&f->doc);
    amp_diag_list_clear(&f->diags);
    amp_diag_list_clear(&f->model_diags);
    free(f);
}

void amp_workspace_free(amp_workspace *ws)
{
    size_t pos = 0;
    const char *key;
    void *value;
    while (amp_strmap_next(&ws->files, &pos, &key, &value))
        file_free(value);
    amp_strmap_free(&ws->files);
    for (size_t i = 0; i < ws->folder_count; i++) {
        free(ws->folders[i]);
        free(ws->folders_real[i]);
    }
    free(ws->folders);
    free(ws->folders_real);
    for (size_t i = 0; i < ws->backend_count; i++)
        backend_free(&ws->backends[i]);
    free(ws->backends);
    memset(ws, 0, sizeof *ws);
}

/* ---- paths --------------------------------------------------------------- */

/* Normalises an absolute path textually: collapses "//", "/./" and "/x/..".
 * Returns an owned string. Links are not resolved (keys keep the names the
 * editor uses). */
static char *normalize_path(const char *path)
{
    size_t n = strlen(path);
    char *out = malloc(n + 2);
    if (!out)
        return NULL;
    size_t j = 0;
    const char *p = path;
    while (*p) {
        while (*p == '/')
            p++;
        const char *seg = p;
        while (*p && *p != '/')
            p++;
        size_t len = (size_t)(p - seg);
        if (len == 0 || (len == 1 && seg[0] == '.'))
            continue;
        if (len == 2 && seg[0] == '.' && seg[1] == '.') {
            while (j > 0 && out[j - 1] != '/')
                j--;
            if (j > 0)
                j--;
            continue;
        }
        out[j++] = '/';
        memcpy(out + j, seg, len);
        j += len;
    }
    if (j == 0)
        out[j++] = '/';
    out[j] = '\0';
    return out;
}

char *amp_key_of_uri(const char *uri)
{
    if (!uri)
        return NULL;
    char *path = amp_uri_to_path(uri);
    if (path) {
        char *norm = normalize_path(path);
        free(path);
        return norm;
    }
    if (strncmp(uri, "file:", 5) == 0)
        return NULL; /* a malformed file URI */
    return strdup(uri);
}

/* Joins dir and name into an owned path. */
static char *path_join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    char *out = malloc(a + b + 2);
    if (!out)
        return NULL;
    memcpy(out, dir, a);
    out[a] = '/';
    memcpy(out + a + 1, name, b + 1);
    return out;
}

/* The directory part of path, owned. */
static char *path_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash || slash == path)
        return strdup("/");
    return strndup(path, (size_t)(slash - path));
}

static bool has_prefix_dir(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    if (n == 1 && dir[0] == '/')
        return true;
    return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

bool amp_workspace_contains(amp_workspace *ws, const char *path)
{
    char real[PATH_MAX];
    if (!realpath(path, real))
        return false;
    for (size_t i = 0; i < ws->folder_count; i++)
        if (has_prefix_dir(real, ws->folders_real[i]))
            return true;
    if (ws->folder_count > 0)
        return false;
    /* No folders (a file opened on its own): the project holding each
     * adopted backend is the boundary. */
    for (size_t i = 0; i < ws->backend_count; i++) {
        char root[PATH_MAX];
        if (realpath(ws->backends[i].root, root) && has_prefix_dir(real, root))
            return true;
    }
    return false;
}

void amp_workspace_add_folder(amp_workspace *ws, const char *path)
{
    char *norm = normalize_path(path);
    if (!norm)
        return;
    for (size_t i = 0; i < ws->folder_count; i++)
        if (strcmp(ws->folders[i], norm) == 0) {
            free(norm);
            return;
        }
    char real[PATH_MAX];
    char *r = strdup(realpath(norm, real) ? real : norm);
    char **f = realloc(ws->folders, (ws->folder_count + 1) * sizeof *f);
    char **fr = f ? realloc(ws->folders_real, (ws->folder_count + 1) * sizeof *fr) : NULL;
    if (f)
        ws->folders = f;
    if (!f || !fr || !r) {
        free(norm);
        free(r);
        return;
    }
    ws->folders_real = fr;
    ws->folders[ws->folder_count] = norm;
    ws->folders_real[ws->folder_count] = r;
    ws->folder_count++;
}

void amp_workspace_remove_folder(amp_workspace *ws, const char *path)
{
    char *norm = normalize_path(path);
    for (size_t i = 0; norm && i < ws->folder_count; i++) {
        if (strcmp(ws->folders[i], norm) != 0)
            continue;
        free(ws->folders[i]);
        free(ws->folders_real[i]);
        ws->folders[i] = ws->folders[ws->folder_count - 1];
        ws->folders_real[i] = ws->folders_real[ws->folder_count - 1];
        ws->folder_count--;
        break;
    }
    free(norm);
}

/* ---- the file store ------------------------------------------------------ */

amp_file *amp_file_get(amp_workspace *ws, const char *key)
{
    return key ? amp_strmap_get(&ws->files, key) : NULL;
}

amp_file *amp_file_put(amp_workspace *ws, const char *key, const char *uri, const char *bytes,
                       uint32_t len, int64_t version, bool open)
{
    amp_file *f = amp_file_get(ws, key);
    if (f) {
        if (amp_doc_set_text(&f->doc, bytes, len) != 0)
            return NULL;
        f->doc.version = version;
        f->open = open;
        f->diag_dirty = true;
        if (uri && strcmp(uri, f->uri) != 0) {
            char *u = strdup(uri);
            if (u) {
                free(f->uri);
                f->uri = u;
            }
        }
        ws->closure_dirty = true;
        ws->gen++;
        return f;
    }
    f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->key = strdup(key);
    f->uri = uri ? strdup(uri) : (key[0] == '/' ? amp_path_to_uri(key) : strdup(key));
    f->backend = -1;
    f->open = open;
    f->diag_dirty = true;
    if (!f->key || !f->uri || amp_doc_init(&f->doc, bytes, len, version, ws->parse_limit) != 0 ||
        amp_strmap_put(&ws->files, key, f, NULL) != 0) {
        file_free(f);
        return NULL;
    }
    ws->closure_dirty = true;
    ws->gen++;
    return f;
}

void amp_file_remove(amp_workspace *ws, const char *key)
{
    amp_file *f = amp_strmap_get(&ws->files, key);
    if (!f)
        return;
    if (ws->dropped)
        ws->dropped(ws->ctx, f);
    amp_strmap_remove(&ws->files, key);
    file_free(f);
    ws->closure_dirty = true;
    ws->gen++;
}

void amp_file_parse(amp_workspace *ws, amp_file *f)
{
    if (!f->doc.tree_stale)
        return;
    if (amp_doc_reparse(&f->doc, ws->parser) != 0)
        ws_log(ws, 1, "parsing %s failed", f->key);
#ifdef AMP_DEBUG_CHECKS
    if (amp_doc_check(&f->doc) != 0)
        ws_log(ws, 0, "internal check failed after editing %s: text and tree disagree", f->key);
#endif
}

/* Reads a whole regular file of at most max bytes. Returns an owned buffer
 * and its length, or NULL with errno-based reason in *why. */
static char *read_file(const char *path, uint32_t max, uint32_t *len, const char **why)
{
    /* O_NONBLOCK: opening a FIFO for reading would wait for a writer. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        *why = strerror(errno);
        return NULL;
    }
    struct stat st;
    char *buf = NULL;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        *why = "not a regular file";
    } else if (st.st_size > (off_t)max) {
        *why = "larger than the file-size limit";
    } else if ((buf = malloc((size_t)st.st_size + 1)) == NULL) {
        *why = "out of memory";
    } else {
        size_t got = 0;
        ssize_t n;
        while (got < (size_t)st.st_size && (n = read(fd, buf + got, (size_t)st.st_size - got)) > 0)
            got += (size_t)n;
        *len = (uint32_t)got;
    }
    close(fd);
    return buf;
}

amp_file *amp_file_load(amp_workspace *ws, const char *path)
{
    amp_file *f = amp_file_get(ws, path);
    if (f && f->open)
        return f;
    if (!amp_workspace_contains(ws, path)) {
        ws_log(ws, 2, "not reading %s: outside the workspace folders", path);
        return NULL;
    }
    uint32_t len = 0;
    const char *why = NULL;
    char *bytes = read_file(path, ws->max_file_bytes, &len, &why);
    if (!bytes) {
        ws_log(ws, 1, "cannot read %s: %s", path, why);
        return NULL;
    }
    if (f && f->doc.text.len == len && memcmp(f->doc.text.bytes, bytes, len) == 0) {
        free(bytes);
        return f; /* unchanged on disk */
    }
    f = amp_file_put(ws, path, NULL, bytes, len, -1, false);
    free(bytes);
    return f;
}

/* ---- backends ------------------------------------------------------------ */

static int find_backend(const amp_workspace *ws, const char *amplify_dir)
{
    for (size_t i = 0; i < ws->backend_count; i++)
        if (strcmp(ws->backends[i].amplify_dir, amplify_dir) == 0)
            return (int)i;
    return -1;
}

/* True when the len bytes at hay contain the string needle. */
static bool contains_bytes(const char *hay, uint32_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (uint32_t i = 0; i + n <= len; i++)
        if (hay[i] == needle[0] && memcmp(hay + i, needle, n) == 0)
            return true;
    return false;
}

/* True when <amplify_dir>/backend.ts is a regular file that mentions
 * defineBackend. */
static bool is_backend_dir(amp_workspace *ws, const char *amplify_dir, char **entry_out)
{
    char *entry = path_join(amplify_dir, "backend.ts");
    struct stat st;
    if (!entry || lstat(entry, &st) != 0 || !S_ISREG(st.st_mode)) {
        struct stat target;
        if (entry && lstat(entry, &st) == 0 && !S_ISDIR(st.st_mode))
            ws_log(ws, 1, "cannot read %s: %s", entry,
                   !S_ISLNK(st.st_mode)        ? "not a regular file"
                   : stat(entry, &target) != 0 ? "a dangling symbolic link"
                                               : "a symbolic link (links are not followed)");
        free(entry);
        return false;
    }
    amp_file *open = amp_file_get(ws, entry);
    bool yes;
    if (open && open->open) {
        yes = strstr(open->doc.text.bytes, "defineBackend") != NULL;
    } else if (ws->folder_count > 0 && !amp_workspace_contains(ws, entry)) {
        /* A file opened outside every folder does not make the server read
         * the disk there (with no folder at all, it does: single-file mode). */
        ws_log(ws, 2, "not reading %s: outside the workspace folders", entry);
        yes = false;
    } else {
        uint32_t len = 0;
        const char *why;
        char *bytes = read_file(entry, ws->max_file_bytes, &len, &why);
        if (!bytes)
            ws_log(ws, 1, "cannot read %s: %s", entry, why);
        yes = bytes && contains_bytes(bytes, len, "defineBackend");
        free(bytes);
    }
    if (yes)
        *entry_out = entry;
    else
        free(entry);
    return yes;
}

static void add_backend(amp_workspace *ws, const char *amplify_dir, char *entry)
{
    if (find_backend(ws, amplify_dir) >= 0) {
        free(entry);
        return;
    }
    amp_backend *grown = realloc(ws->backends, (ws->backend_count + 1) * sizeof *grown);
    if (!grown) {
        free(entry);
        return;
    }
    ws->backends = grown;
    amp_backend *b = &ws->backends[ws->backend_count++];
    memset(b, 0, sizeof *b);
    b->amplify_dir = strdup(amplify_dir);
    b->root = path_dir(amplify_dir);
    b->entry = entry;
    ws->closure_dirty = true;
    ws_log(ws, 2, "found an Amplify backend at %s", amplify_dir);
}

static bool skip_dir_name(const char *name)
{
    return name[0] == '.' || strcmp(name, "node_modules") == 0 || strcmp(name, "cdk.out") == 0;
}

/* Walks one folder breadth-first, bounded in depth and size, registering
 * every amplify/ folder with a defineBackend entry. Links are not followed. */
static void scan_folder(amp_workspace *ws, const char *folder)
{
    typedef struct {
        char *path;
        int depth;
    } item;
    size_t cap = 64, head = 0, tail = 0, visited = 0;
    item *queue = malloc(cap * sizeof *queue);
    if (!queue)
        return;
    queue[tail++] = (item){strdup(folder), 0};
    while (head < tail && visited++ < AMP_SCAN_MAX_DIRS) {
        item it = queue[head++];
        DIR *dir = it.path ? opendir(it.path) : NULL;
        if (!dir && it.path)
            ws_log(ws, 1, "cannot read %s: %s", it.path, strerror(errno));
        struct dirent *e;
        while (dir && (e = readdir(dir)) != NULL) {
            if (skip_dir_name(e->d_name))
                continue;
            char *child = path_join(it.path, e->d_name);
            struct stat st;
            if (!child || lstat(child, &st) != 0 || !S_ISDIR(st.st_mode)) {
                free(child);
                continue;
            }
            char *entry = NULL;
            if (strcmp(e->d_name, "amplify") == 0 && is_backend_dir(ws, child, &entry)) {
                add_backend(ws, child, entry);
                free(child);
                continue;
            }
            if (it.depth + 1 > AMP_SCAN_MAX_DEPTH) {
                free(child);
                continue;
            }
            if (tail == cap) {
                item *grown = realloc(queue, cap * 2 * sizeof *grown);
                if (!grown) {
                    free(child);
                    continue;
                }
                queue = grown;
                cap *= 2;
            }
            queue[tail++] = (item){child, it.depth + 1};
        }
        if (dir)
            closedir(dir);
        free(it.path);
    }
    if (head < tail)
        ws_log(ws, 1, "stopped scanning %s after %d folders", folder, AMP_SCAN_MAX_DIRS);
    while (head < tail)
        free(queue[head++].path);
    free(queue);
}

size_t amp_workspace_scan(amp_workspace *ws)
{
    for (size_t i = 0; i < ws->backend_count; i++)
        backend_free(&ws->backends[i]);
    ws->backend_count = 0;
    for (size_t i = 0; i < ws->folder_count; i++) {
        /* A folder may itself be an amplify/ folder or sit inside one. */
        amp_workspace_adopt(ws, ws->folders[i]);
        char *probe = path_join(ws->folders[i], "backend.ts");
        if (probe)
            amp_workspace_adopt(ws, probe);
        free(probe);
        scan_folder(ws, ws->folders[i]);
    }
    /* Files the editor opened outside every folder keep their backends. */
    size_t pos = 0;
    const char *key;
    void *value;
    while (amp_strmap_next(&ws->files, &pos, &key, &value))
        if (((amp_file *)value)->open)
            amp_workspace_adopt(ws, key);
    ws->closure_dirty = true;
    return ws->backend_count;
}

void amp_workspace_adopt(amp_workspace *ws, const char *path)
{
    if (path[0] != '/')
        return;
    /* Walk up to the nearest folder named "amplify". */
    char *dir = strdup(path);
    while (dir && strcmp(dir, "/") != 0) {
        const char *base = strrchr(dir, '/');
        if (base && strcmp(base + 1, "amplify") == 0) {
            char *entry = NULL;
            if (find_backend(ws, dir) < 0 && is_backend_dir(ws, dir, &entry))
                add_backend(ws, dir, entry);
            break;
        }
        char *up = path_dir(dir);
        free(dir);
        dir = up;
    }
    free(dir);
}

const amp_backend *amp_workspace_backend_of(const amp_workspace *ws, const amp_file *f)
{
    if (f->backend < 0 || (size_t)f->backend >= ws->backend_count)
        return NULL;
    return &ws->backends[f->backend];
}

/* ---- import closure ------------------------------------------------------ */

/* Resolves a relative specifier from the importing file to an existing
 * TypeScript file: x, x.ts, x.tsx, x/index.ts, and x.js written for x.ts.
 * Returns an owned normalised path or NULL. */
static char *resolve_import(amp_workspace *ws, const char *from, const char *spec)
{
    static const char *suffixes[] = {"", ".ts", ".tsx", ".mts", "/index.ts", "/index.tsx"};
    char *dir = path_dir(from);
    char *joined = dir ? path_join(dir, spec) : NULL;
    char *base = joined ? normalize_path(joined) : NULL;
    free(dir);
    free(joined);
    if (!base)
        return NULL;
    size_t n = strlen(base);
    char *cand = malloc(n + 16);
    for (size_t i = 0; cand && i < sizeof suffixes / sizeof suffixes[0]; i++) {
        snprintf(cand, n + 16, "%s%s", base, suffixes[i]);
        amp_file *open = amp_file_get(ws, cand);
        struct stat st;
        if (!(open && open->open) && stat(cand, &st) != 0 && lstat(cand, &st) == 0)
            ws_log(ws, 1, "cannot read %s: a dangling symbolic link", cand);
        else if (!(open && open->open) && stat(cand, &st) == 0 && !S_ISREG(st.st_mode) &&
                 !S_ISDIR(st.st_mode))
            ws_log(ws, 1, "cannot read %s: not a regular file", cand);
        if ((open && open->open) || (stat(cand, &st) == 0 && S_ISREG(st.st_mode))) {
            if (i == 0 &&
                (n < 3 || (strcmp(base + n - 3, ".ts") != 0 && strcmp(base + n - 4, ".tsx") != 0)))
                continue; /* "./x" naming a non-TypeScript file */
            free(base);
            return cand;
        }
    }
    /* ESM style: "./resource.js" names resource.ts. */
    if (cand && n > 3 && (strcmp(base + n - 3, ".js") == 0 || strcmp(base + n - 4, ".mjs") == 0)) {
        size_t cut = strcmp(base + n - 3, ".js") == 0 ? n - 3 : n - 4;
        snprintf(cand, n + 16, "%.*s%s", (int)cut, base,
                 strcmp(base + n - 3, ".js") == 0 ? ".ts" : ".mts");
        struct stat st;
        amp_file *open = amp_file_get(ws, cand);
        if ((open && open->open) || (stat(cand, &st) == 0 && S_ISREG(st.st_mode))) {
            free(base);
            return cand;
        }
    }
    free(cand);
    free(base);
    return NULL;
}

/* The relative specifiers of a file joined by newlines (owned), to tell
 * whether an edit changed what the file imports. */
static char *import_signature(const amp_import_list *imports)
{
    size_t n = 1;
    for (size_t i = 0; i < imports->count; i++)
        n += strlen(imports->items[i].specifier) + 1;
    char *sig = malloc(n);
    if (!sig)
        return NULL;
    size_t j = 0;
    for (size_t i = 0; i < imports->count; i++) {
        size_t len = strlen(imports->items[i].specifier);
        memcpy(sig + j, imports->items[i].specifier, len);
        j += len;
        sig[j++] = '\n';
    }
    sig[j] = '\0';
    return sig;
}

void amp_file_note_edit(amp_workspace *ws, amp_file *f)
{
    amp_file_parse(ws, f);
    f->diag_dirty = true;
    ws->gen++;
    if (f->backend >= 0 && (size_t)f->backend < ws->backend_count)
        ws->backends[f->backend].gen++;
    amp_import_list imports;
    amp_syntax_imports(&f->doc, &imports);
    char *sig = import_signature(&imports);
    amp_import_list_clear(&imports);
    if (!f->handler && (!sig || !f->import_sig || strcmp(sig, f->import_sig) != 0))
        ws->closure_dirty = true;
    free(f->import_sig);
    f->import_sig = sig;
}

/* Marks path and everything it imports as part of backend b. */
static void reach_from(amp_workspace *ws, int b, const char *entry)
{
    size_t cap = 16, head = 0, tail = 0;
    char **queue = malloc(cap * sizeof *queue);
    if (!queue)
        return;
    queue[tail++] = strdup(entry);
    while (head < tail) {
        char *path = queue[head++];
        /* Files already in the store are current: disk changes arrive as
         * watched-file events, which reload them. */
        amp_file *f = path ? amp_file_get(ws, path) : NULL;
        if (path && !f)
            f = amp_file_load(ws, path);
        if (!f || f->reach_gen == ws->reach_gen) {
            free(path);
            continue;
        }
        f->reach_gen = ws->reach_gen;
        if (!f->in_backend || f->backend != b || f->handler)
            f->diag_dirty = true;
        f->in_backend = true;
        f->backend = b;
        f->handler = false;
        amp_file_parse(ws, f);
        amp_import_list imports;
        amp_syntax_imports(&f->doc, &imports);
        free(f->import_sig);
        f->import_sig = import_signature(&imports);
        for (size_t i = 0; i < imports.count; i++) {
            const char *spec = imports.items[i].specifier;
            if (spec[0] != '.')
                continue;
            char *target = resolve_import(ws, path, spec);
            if (!target)
                continue;
            if (tail == cap) {
                char **grown = realloc(queue, cap * 2 * sizeof *grown);
                if (!grown) {
                    free(target);
                    continue;
                }
                queue = grown;
                cap *= 2;
            }
            queue[tail++] = target;
        }
        amp_import_list_clear(&imports);
        free(path);
    }
    free(queue);
}

/* ---- handler files --------------------------------------------------------- */

/* True when path is a regular file the store would read (checked first, so
 * that a missing entry file is not logged as unreadable: a rule reports it). */
static bool loadable(const amp_workspace *ws, const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= (off_t)ws->max_file_bytes;
}

/* Marks the file at path (loaded when needed) as a handler file of backend
 * b, unless this closure pass reached it already: through imports (then it
 * is a file of the model) or as another backend's handler. */
static void mark_handler(amp_workspace *ws, int b, const char *path)
{
    amp_file *f = amp_file_get(ws, path);
    if (!f && loadable(ws, path)) {
        /* A file that was not in the store is in no closure: loading it
         * changes none. */
        bool dirty = ws->closure_dirty;
        f = amp_file_load(ws, path);
        ws->closure_dirty = dirty;
    }
    if (!f || f->reach_gen == ws->reach_gen)
        return;
    f->reach_gen = ws->reach_gen;
    if (!f->in_backend || f->backend != b || !f->handler)
        f->diag_dirty = true;
    f->in_backend = true;
    f->backend = b;
    f->handler = true;
}

/* Unmarks a handler file of backend b that is no longer one; drops it from
 * the store unless it is open. */
static void unmark_handler(amp_workspace *ws, int b, const char *path)
{
    amp_file *f = amp_file_get(ws, path);
    if (!f || !f->handler || f->backend != b)
        return;
    f->handler = false;
    f->in_backend = false;
    f->backend = -1;
    f->reach_gen = 0;
    amp_diag_list_clear(&f->model_diags);
    if (ws->dropped)
        ws->dropped(ws->ctx, f);
    if (!f->open && !f->stale) {
        f->stale = true;
        ws->stale_count++;
    }
}

void amp_workspace_drop_stale(amp_workspace *ws)
{
    if (ws->stale_count == 0)
        return;
    ws->stale_count = 0;
    size_t pos = 0;
    const char *key;
    void *value;
    char **gone = NULL;
    size_t gone_count = 0;
    while (amp_strmap_next(&ws->files, &pos, &key, &value)) {
        amp_file *f = value;
        if (!f->stale)
            continue;
        f->stale = false;
        if (f->open || f->in_backend)
            continue; /* opened or reached again since */
        char **grown = realloc(gone, (gone_count + 1) * sizeof *grown);
        if (grown) {
            gone = grown;
            gone[gone_count++] = f->key;
        }
    }
    for (size_t i = 0; i < gone_count; i++)
        file_free(amp_strmap_remove(&ws->files, gone[i]));
    free(gone);
}

static bool listed(const char *const *paths, size_t n, const char *path)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(paths[i], path) == 0)
            return true;
    return false;
}

void amp_workspace_set_handlers(amp_workspace *ws, size_t b, const char *const *paths, size_t n)
{
    if (b >= ws->backend_count)
        return;
    amp_backend *be = &ws->backends[b];
    for (size_t i = 0; i < be->handler_count; i++) {
        if (!listed(paths, n, be->handlers[i]))
            unmark_handler(ws, (int)b, be->handlers[i]);
        free(be->handlers[i]);
    }
    free(be->handlers);
    be->handlers = n ? calloc(n, sizeof *be->handlers) : NULL;
    be->handler_count = 0;
    for (size_t i = 0; be->handlers && i < n; i++)
        if ((be->handlers[be->handler_count] = strdup(paths[i])) != NULL)
            be->handler_count++;
    for (size_t i = 0; i < be->handler_count; i++)
        mark_handler(ws, (int)b, be->handlers[i]);
}

void amp_workspace_close_imports(amp_workspace *ws)
{
    if (!ws->closure_dirty)
        return;
    ws->closure_dirty = false;
    ws->reach_gen++;
    ws->gen++;
    for (size_t b = 0; b < ws->backend_count; b++)
        ws->backends[b].gen++;
    for (size_t b = 0; b < ws->backend_count; b++)
        reach_from(ws, (int)b, ws->backends[b].entry);
    for (size_t b = 0; b < ws->backend_count; b++)
        for (size_t i = 0; i < ws->backends[b].handler_count; i++)
            mark_handler(ws, (int)b, ws->backends[b].handlers[i]);
    /* Files no longer reached: drop the ones read from disk. */
    size_t pos = 0;
    const char *key;
    void *value;
    char **gone = NULL;
    size_t gone_count = 0;
    while (amp_strmap_next(&ws->files, &pos, &key, &value)) {
        amp_file *f = value;
        if (f->reach_gen == ws->reach_gen || !f->in_backend)
            continue;
        f->in_backend = false;
        f->handler = false;
        f->backend = -1;
        if (ws->dropped)
            ws->dropped(ws->ctx, f);
        if (!f->open) {
            char **grown = realloc(gone, (gone_count + 1) * sizeof *grown);
            if (grown) {
                gone = grown;
                gone[gone_count++] = f->key;
            }
        }
    }
    for (size_t i = 0; i < gone_count; i++) {
        amp_file *f = amp_strmap_remove(&ws->files, gone[i]);
        file_free(f);
    }
    free(gone);
    /* Loading files may have set the flag again; the closure is now exact. */
    ws->closure_dirty = false;
}
