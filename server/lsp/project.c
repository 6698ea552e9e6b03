/*
 * project.c: a backend's project settings from disk: the Amplify versions
 * (package.json and lockfiles) and amplify-ls.json (see amp_project.h).
 *
 * Every refresh stats the files that could matter (each package.json and
 * lockfile from the amplify/ folder up to the file system root, each
 * amplify-ls.json from the project folder up to its workspace folder) into a
 * signature; only when the signature differs from the last one are the files
 * read again. Lockfiles are read with the least parsing that finds a
 * package's installed version: JSON for npm, a line scan for yarn (v1 and
 * berry) and pnpm (v5 to v9).
 *
 * An amplify-ls.json open in the editor is read from the workspace's store
 * (its buffer), and its signature is a hash of that text. The text read is
 * kept with the problems found in it, so the editor's diagnostics of the
 * file (publish.c) and check's are placed against exactly that text.
 */
#include "amp_project.h"

#include <ctype.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define PKG_BACKEND "@aws-amplify/backend"
#define PKG_DATA_SCHEMA "@aws-amplify/data-schema"
#define MAX_LOCKFILE_BYTES (64u << 20)

#define CONFIG_NAME "amplify-ls.json"
/* Every file a project is read from. The lockfiles are the four after
 * package.json, in the order read_lockfile prefers them (npm's two, yarn,
 * pnpm). */
static const char *const file_names[] = {"package.json",
                                         "package-lock.json",
                                         "npm-shrinkwrap.json",
                                         "yarn.lock",
                                         "pnpm-lock.yaml",
                                         CONFIG_NAME,
                                         NULL};
#define LOCKFILE_COUNT 4
static const char *const *const lockfiles = file_names + 1;
#define MAX_CONFIG_BYTES (1u << 20)

/* ---- small helpers ---------------------------------------------------------- */

static char *str_dup(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* dir + "/" + name (owned), or NULL. */
static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s%s%s", dir, strcmp(dir, "/") == 0 ? "" : "/", name);
    return p;
}

/* The parent folder of dir (owned), or NULL at the root. */
static char *parent(const char *dir)
{
    const char *slash = strrchr(dir, '/');
    if (!slash || strcmp(dir, "/") == 0)
        return NULL;
    size_t n = slash == dir ? 1 : (size_t)(slash - dir);
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, dir, n);
        p[n] = '\0';
    }
    return p;
}

/* True when path is dir or lies inside it. */
static bool within(const char *path, const char *dir)
{
    if (strcmp(dir, "/") == 0)
        return path[0] == '/';
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    return strncmp(path, dir, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

/* Appends printf output to an owned growing string. */
static void appendf(char **buf, size_t *len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !*buf)
        return;
    char *grown = realloc(*buf, *len + (size_t)n + 1);
    if (!grown) {
        free(*buf);
        *buf = NULL;
        return;
    }
    *buf = grown;
    va_start(ap, fmt);
    vsnprintf(*buf + *len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    *len += (size_t)n;
}

static void log_to(amp_workspace *ws, int level, const char *fmt, ...)
{
    if (!ws->log)
        return;
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    ws->log(ws->ctx, level, line);
}

/* Reads a whole file (owned, NUL-terminated), or NULL. */
static char *slurp(const char *path, size_t max, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n + 4096 + 1 > cap) {
            cap = cap ? cap * 2 : 16384;
            char *grown = cap <= max + 4097 ? realloc(buf, cap) : NULL;
            if (!grown) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = grown;
        }
        size_t got = fread(buf + n, 1, 4096, f);
        n += got;
        if (got < 4096)
            break;
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* ---- amplify-ls.json open in the editor --------------------------------------- */

/* The store's file for path when the editor has it open, else NULL
 * (borrowed until the store changes). */
static const amp_file *open_buffer(amp_workspace *ws, const char *path)
{
    const amp_file *f = amp_file_get(ws, path);
    return f && f->open ? f : NULL;
}

/* 64-bit FNV-1a: tells one buffer text from another in a signature. */
static uint64_t text_hash(const char *bytes, uint32_t len)
{
    uint64_t h = 14695981039346656037ull;
    for (uint32_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)bytes[i]) * 1099511628211ull;
    return h;
}

/* ---- the signature of the files consulted ----------------------------------- */

static void stat_into(char **sig, size_t *len, const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
        appendf(sig, len, "%s:%lld:%lld:%ld\n", path, (long long)st.st_size,
                (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec);
    else
        appendf(sig, len, "%s:-\n", path);
}

/* The workspace folder containing dir, or NULL. */
static const char *folder_of(const amp_workspace *ws, const char *dir)
{
    const char *best = NULL;
    for (size_t i = 0; i < ws->folder_count; i++)
        if (within(dir, ws->folders[i]) && (!best || strlen(ws->folders[i]) > strlen(best)))
            best = ws->folders[i];
    return best;
}

/* Calls fn(ctx, path) for each amplify-ls.json candidate, nearest first:
 * from the project folder up to its workspace folder (only the project
 * folder when no workspace folder contains it). Stops when fn returns true. */
static void each_config_candidate(const amp_workspace *ws, const amp_backend *be,
                                  bool (*fn)(void *ctx, const char *path), void *ctx)
{
    const char *top = folder_of(ws, be->root);
    char *dir = str_dup(be->root);
    while (dir) {
        char *path = join(dir, CONFIG_NAME);
        bool stop = path && fn(ctx, path);
        free(path);
        if (stop || !top || strcmp(dir, top) == 0 || !within(dir, top))
            break;
        char *up = parent(dir);
        free(dir);
        dir = up;
    }
    free(dir);
}

typedef struct sig_ctx {
    amp_workspace *ws;
    char *sig;
    size_t len;
} sig_ctx;

static bool sig_config(void *ctx, const char *path)
{
    sig_ctx *s = ctx;
    const amp_file *buf = open_buffer(s->ws, path);
    if (buf)
        appendf(&s->sig, &s->len, "%s:buffer:%u:%llx\n", path, buf->doc.text.len,
                (unsigned long long)text_hash(buf->doc.text.bytes, buf->doc.text.len));
    else
        stat_into(&s->sig, &s->len, path);
    return false;
}

/* Stats every file that could matter (owned string). */
static char *signature(amp_workspace *ws, const amp_backend *be)
{
    sig_ctx s = {ws, strdup(""), 0};
    char *dir = str_dup(be->amplify_dir);
    while (dir && s.sig) {
        char *path = join(dir, "package.json");
        if (path)
            stat_into(&s.sig, &s.len, path);
        free(path);
        for (size_t i = 0; i < LOCKFILE_COUNT; i++) {
            path = join(dir, lockfiles[i]);
            if (path)
                stat_into(&s.sig, &s.len, path);
            free(path);
        }
        char *up = parent(dir);
        free(dir);
        dir = up;
    }
    free(dir);
    each_config_candidate(ws, be, sig_config, &s);
    return s.sig;
}

/* ---- package.json ----------------------------------------------------------- */

/* The range package.json gives pkg in any dependency kind, or NULL. */
static const char *range_in(json_t *pkg_json, const char *pkg)
{
    static const char *const kinds[] = {"dependencies", "devDependencies", "peerDependencies",
                                        "optionalDependencies"};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        const char *r =
            json_string_value(json_object_get(json_object_get(pkg_json, kinds[i]), pkg));
        if (r)
            return r;
    }
    return NULL;
}

/* Finds the nearest package.json naming an Amplify package; fills the
 * ranges. Returns the folder holding it (owned) or NULL. */
static char *read_package_json(const amp_backend *be, amp_project *p)
{
    char *dir = str_dup(be->amplify_dir);
    while (dir) {
        char *path = join(dir, "package.json");
        json_t *j = path ? json_load_file(path, 0, NULL) : NULL;
        const char *b = range_in(j, PKG_BACKEND), *d = range_in(j, PKG_DATA_SCHEMA);
        if (b || d) {
            p->package_json = path;
            p->backend_version = str_dup(b);
            p->data_schema_version = str_dup(d);
            json_decref(j);
            return dir;
        }
        json_decref(j);
        free(path);
        char *up = parent(dir);
        free(dir);
        dir = up;
    }
    return NULL;
}

/* ---- lockfiles -------------------------------------------------------------- */

/* Compares two dotted versions numerically (prerelease tags ignored). */
static int version_cmp(const char *a, const char *b)
{
    for (int i = 0; i < 3; i++) {
        long x = strtol(a, (char **)&a, 10), y = strtol(b, (char **)&b, 10);
        if (x != y)
            return x < y ? -1 : 1;
        a += *a == '.';
        b += *b == '.';
    }
    return 0;
}

/* Keeps the higher of *best and the version at v (up to a stop character). */
static void keep_highest(char **best, const char *v)
{
    size_t n = 0;
    while (v[n] && (isalnum((unsigned char)v[n]) || v[n] == '.' || v[n] == '-' || v[n] == '+'))
        n++;
    if (n == 0 || !isdigit((unsigned char)v[0]))
        return;
    char *copy = strndup(v, n);
    if (copy && (!*best || version_cmp(copy, *best) > 0)) {
        free(*best);
        *best = copy;
    } else {
        free(copy);
    }
}

/* npm: packages["<rel>/node_modules/<pkg>"] (the copy the project sees),
 * then packages["node_modules/<pkg>"], then v1 dependencies[pkg]. */
static char *npm_version(json_t *lock, const char *rel, const char *pkg)
{
    json_t *packages = json_object_get(lock, "packages");
    char key[1024];
    const char *v = NULL;
    if (rel[0]) {
        snprintf(key, sizeof key, "%s/node_modules/%s", rel, pkg);
        v = json_string_value(json_object_get(json_object_get(packages, key), "version"));
    }
    if (!v) {
        snprintf(key, sizeof key, "node_modules/%s", pkg);
        v = json_string_value(json_object_get(json_object_get(packages, key), "version"));
    }
    if (!v)
        v = json_string_value(json_object_get(
            json_object_get(json_object_get(lock, "dependencies"), pkg), "version"));
    return str_dup(v);
}

/* True when the yarn entry header line names pkg with the range `want`
 * (want may be NULL: any range). */
static bool yarn_header_names(const char *line, size_t n, const char *pkg, const char *want)
{
    size_t k = strlen(pkg);
    for (size_t i = 0; i + k < n; i++) {
        if (strncmp(line + i, pkg, k) != 0 || line[i + k] != '@' ||
            (i > 0 && line[i - 1] != '"' && line[i - 1] != ' '))
            continue;
        if (!want)
            return true;
        const char *r = line + i + k + 1;
        if (strncmp(r, "npm:", 4) == 0)
            r += 4;
        size_t w = strlen(want);
        if (strncmp(r, want, w) == 0 && (r[w] == '"' || r[w] == ',' || r[w] == ':'))
            return true;
    }
    return false;
}

/* yarn.lock (v1 `version "x"`, berry `version: x`): the entry whose header
 * lists the package.json range, else the highest version of pkg. */
static char *yarn_version(const char *text, const char *pkg, const char *want)
{
    char *exact = NULL, *highest = NULL;
    bool in_entry = false, wanted = false;
    for (const char *line = text; *line;) {
        const char *end = strchr(line, '\n');
        size_t n = end ? (size_t)(end - line) : strlen(line);
        if (n && line[0] != ' ' && line[0] != '#') {
            in_entry = yarn_header_names(line, n, pkg, NULL);
            wanted = in_entry && want && yarn_header_names(line, n, pkg, want);
        } else if (in_entry) {
            const char *p = line;
            while (*p == ' ')
                p++;
            if (strncmp(p, "version", 7) == 0) {
                p += 7;
                while (*p == ' ' || *p == ':' || *p == '"')
                    p++;
                keep_highest(wanted ? &exact : &highest, p);
                in_entry = false;
            }
        }
        line = end ? end + 1 : line + n;
    }
    if (exact) {
        free(highest);
        return exact;
    }
    return highest;
}

/* pnpm-lock.yaml: an importer's `version:` under `'<pkg>':` (v6-v9), else
 * the highest package key `/<pkg>@x`, `<pkg>@x` or `/<pkg>/x` (v5). */
static char *pnpm_version(const char *text, const char *pkg)
{
    char *importer = NULL, *highest = NULL;
    size_t k = strlen(pkg);
    int key_indent = -1;
    for (const char *line = text; *line;) {
        const char *end = strchr(line, '\n');
        size_t n = end ? (size_t)(end - line) : strlen(line);
        int indent = 0;
        while ((size_t)indent < n && line[indent] == ' ')
            indent++;
        const char *p = line + indent;
        bool quoted = *p == '\'' || *p == '"';
        const char *name = p + quoted, *after = name + k;
        if ((size_t)(after - line) <= n && strncmp(name, pkg, k) == 0) {
            if ((quoted && *after == p[0] && after[1] == ':') || (!quoted && *after == ':'))
                key_indent = indent; /* '<pkg>': opens an importer entry */
            else if (*after == '@' || *after == '/')
                keep_highest(&highest, after + 1);
        } else if ((*p == '/' && strncmp(p + 1, pkg, k) == 0) &&
                   (p[1 + k] == '@' || p[1 + k] == '/')) {
            keep_highest(&highest, p + 2 + k);
        } else if (key_indent >= 0 && indent > key_indent && strncmp(p, "version:", 8) == 0) {
            p += 8;
            while (*p == ' ' || *p == '\'' || *p == '"')
                p++;
            if (!importer)
                keep_highest(&importer, p);
        } else if (key_indent >= 0 && indent <= key_indent) {
            key_indent = -1;
        }
        line = end ? end + 1 : line + n;
    }
    if (importer) {
        free(highest);
        return importer;
    }
    return highest;
}

/* Reads the installed versions from the nearest lockfile at or above dir
 * (the package.json's folder). */
static void read_lockfile(amp_project *p, const char *pkg_dir)
{
    char *dir = str_dup(pkg_dir);
    while (dir) {
        for (size_t i = 0; i < LOCKFILE_COUNT; i++) {
            char *path = join(dir, lockfiles[i]);
            size_t len = 0;
            char *text = path ? slurp(path, MAX_LOCKFILE_BYTES, &len) : NULL;
            if (!text) {
                free(path);
                continue;
            }
            const char *rel = pkg_dir + strlen(dir);
            rel += *rel == '/';
            char *b = NULL, *d = NULL;
            if (i < 2) {
                json_t *lock = json_loadb(text, len, 0, NULL);
                b = npm_version(lock, rel, PKG_BACKEND);
                d = npm_version(lock, rel, PKG_DATA_SCHEMA);
                json_decref(lock);
            } else if (i == 2) {
                b = yarn_version(text, PKG_BACKEND, p->backend_version);
                d = yarn_version(text, PKG_DATA_SCHEMA, p->data_schema_version);
            } else {
                b = pnpm_version(text, PKG_BACKEND);
                d = pnpm_version(text, PKG_DATA_SCHEMA);
            }
            free(text);
            if (b) {
                free(p->backend_version);
                p->backend_version = b;
            }
            if (d) {
                free(p->data_schema_version);
                p->data_schema_version = d;
            }
            p->lockfile = path;
            free(dir);
            return;
        }
        char *up = parent(dir);
        free(dir);
        dir = up;
    }
}

/* ---- amplify-ls.json -------------------------------------------------------- */

/* Records a problem at line/column (1-based) and logs it. */
static void add_problem(amp_workspace *ws, amp_project *p, uint32_t line, uint32_t col,
                        uint32_t length, amp_severity sev, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    log_to(ws, 1, "%s:%u:%u: %s", p->config_path, line, col, msg);
    amp_config_problem *grown = realloc(p->problems, (p->problem_count + 1) * sizeof *grown);
    if (!grown)
        return;
    p->problems = grown;
    p->problems[p->problem_count++] =
        (amp_config_problem){line ? line : 1, col ? col : 1, length ? length : 1, sev, strdup(msg)};
}

/* The position of the first `"key"` at or after byte `from` in text (for
 * pointing at a key jansson does not locate). */
static void locate(const char *text, size_t from, const char *key, uint32_t *line, uint32_t *col,
                   size_t *at)
{
    char quoted[256];
    snprintf(quoted, sizeof quoted, "\"%s\"", key);
    const char *hit = strstr(text + from, quoted);
    if (!hit)
        hit = strstr(text, quoted);
    *line = 1;
    *col = 1;
    *at = hit ? (size_t)(hit - text) : 0;
    for (const char *c = text; hit && c < hit; c++) {
        if (*c == '\n') {
            (*line)++;
            *col = 1;
        } else {
            (*col)++;
        }
    }
}

static int severity_value(const char *s)
{
    static const struct {
        const char *name;
        int value;
    } names[] = {{"error", AMP_SEV_ERROR},      {"warning", AMP_SEV_WARNING},
                 {"information", AMP_SEV_INFO}, {"info", AMP_SEV_INFO},
                 {"hint", AMP_SEV_HINT},        {"off", 0}};
    for (size_t i = 0; s && i < sizeof names / sizeof names[0]; i++)
        if (strcmp(s, names[i].name) == 0)
            return names[i].value;
    return -1;
}

static void add_setting(amp_project *p, const char *code, int severity)
{
    size_t n = p->config.count;
    const char **codes = realloc((void *)p->config.codes, (n + 1) * sizeof *codes);
    if (codes)
        p->config.codes = codes;
    int *sevs = realloc((void *)p->config.severities, (n + 1) * sizeof *sevs);
    if (sevs)
        p->config.severities = sevs;
    char *copy = strdup(code);
    if (!codes || !sevs || !copy) {
        free(copy);
        return;
    }
    codes[n] = copy;
    sevs[n] = severity;
    p->config.count = n + 1;
}

/* Validates one "code": "severity" entry of "rules". */
static void read_rule(amp_workspace *ws, amp_project *p, const char *text, size_t rules_at,
                      const char *code, json_t *value)
{
    uint32_t line, col;
    size_t at;
    locate(text, rules_at, code, &line, &col, &at);
    int sev = severity_value(json_string_value(value));
    if (!amp_rule_find(code)) {
        add_problem(ws, p, line, col, (uint32_t)strlen(code) + 2, AMP_SEV_WARNING,
                    "unknown rule code '%s' (`amplify-ls explain --list` lists them); ignored",
                    code);
    } else if (sev < 0) {
        add_problem(ws, p, line, col, (uint32_t)strlen(code) + 2, AMP_SEV_WARNING,
                    "'%s': the severity must be \"error\", \"warning\", \"information\", \"hint\" "
                    "or \"off\"; ignored",
                    code);
    } else {
        add_setting(p, code, sev);
    }
}

static void read_config_json(amp_workspace *ws, amp_project *p, const char *text, size_t len)
{
    json_error_t err;
    json_t *root = json_loadb(text, len, 0, &err);
    if (!root) {
        add_problem(ws, p, (uint32_t)(err.line > 0 ? err.line : 1),
                    (uint32_t)(err.column > 0 ? err.column : 1), 1, AMP_SEV_ERROR,
                    "amplify-ls.json is not valid JSON (%s); its settings are ignored", err.text);
        return;
    }
    const char *key;
    json_t *value;
    json_object_foreach(root, key, value)
    {
        uint32_t line, col;
        size_t at;
        locate(text, 0, key, &line, &col, &at);
        if (strcmp(key, "$schema") == 0)
            continue;
        if (strcmp(key, "rules") != 0) {
            add_problem(ws, p, line, col, (uint32_t)strlen(key) + 2, AMP_SEV_WARNING,
                        "unknown setting '%s' (amplify-ls.json has \"rules\"); ignored", key);
            continue;
        }
        if (!json_is_object(value)) {
            add_problem(ws, p, line, col, 7, AMP_SEV_WARNING,
                        "\"rules\" must be an object of rule codes and severities; ignored");
            continue;
        }
        const char *code;
        json_t *sev;
        json_object_foreach(value, code, sev) read_rule(ws, p, text, at, code, sev);
    }
    if (!json_is_object(root))
        add_problem(ws, p, 1, 1, 1, AMP_SEV_WARNING,
                    "amplify-ls.json must hold an object such as { \"rules\": { ... } }; ignored");
    json_decref(root);
}

typedef struct find_ctx {
    amp_workspace *ws;
    char *path; /* owned: the candidate found */
} find_ctx;

/* A candidate counts when it is a regular file or open in the editor. */
static bool find_config(void *ctx, const char *path)
{
    find_ctx *c = ctx;
    struct stat st;
    if (!open_buffer(c->ws, path) && (stat(path, &st) != 0 || !S_ISREG(st.st_mode)))
        return false;
    c->path = strdup(path);
    return true;
}

/* The text of the config file (owned, NUL-terminated): the editor's buffer
 * when it is open, else the disk's; NULL when unreadable or over the cap. */
static char *config_text(amp_workspace *ws, const char *path, size_t *len)
{
    const amp_file *buf = open_buffer(ws, path);
    if (!buf)
        return slurp(path, MAX_CONFIG_BYTES, len);
    if (buf->doc.text.len > MAX_CONFIG_BYTES)
        return NULL;
    char *copy = malloc((size_t)buf->doc.text.len + 1);
    if (copy) {
        memcpy(copy, buf->doc.text.bytes, (size_t)buf->doc.text.len + 1);
        *len = buf->doc.text.len;
    }
    return copy;
}

static void read_config(amp_workspace *ws, const amp_backend *be, amp_project *p)
{
    find_ctx found = {ws, NULL};
    each_config_candidate(ws, be, find_config, &found);
    p->config_path = found.path;
    if (!p->config_path)
        return;
    size_t len = 0;
    char *text = config_text(ws, p->config_path, &len);
    if (!text) {
        add_problem(ws, p, 1, 1, 1, AMP_SEV_ERROR,
                    "cannot read amplify-ls.json (or it is over 1 MiB)");
        return;
    }
    read_config_json(ws, p, text, len);
    p->config_text = text;
    p->config_len = (uint32_t)len;
    if (p->config.count)
        log_to(ws, 2, "%s: %zu rule setting(s) for the backend at %s", p->config_path,
               p->config.count, be->amplify_dir);
}

/* ---- the project -------------------------------------------------------------- */

void amp_project_free(amp_project *p)
{
    if (!p)
        return;
    free(p->package_json);
    free(p->lockfile);
    free(p->backend_version);
    free(p->data_schema_version);
    free(p->config_path);
    free(p->config_text);
    for (size_t i = 0; i < p->config.count; i++)
        free((void *)p->config.codes[i]);
    free((void *)p->config.codes);
    free((void *)p->config.severities);
    for (size_t i = 0; i < p->problem_count; i++)
        free(p->problems[i].message);
    free(p->problems);
    free(p->signature);
    free(p);
}

const amp_project *amp_project_refresh(amp_workspace *ws, amp_backend *be)
{
    char *sig = signature(ws, be);
    if (be->project && sig && be->project->signature && strcmp(sig, be->project->signature) == 0) {
        free(sig);
        return be->project;
    }
    amp_project *p = calloc(1, sizeof *p);
    if (!p) {
        free(sig);
        return be->project;
    }
    p->signature = sig;
    char *pkg_dir = read_package_json(be, p);
    if (pkg_dir)
        read_lockfile(p, pkg_dir);
    free(pkg_dir);
    read_config(ws, be, p);
    log_to(ws, 3, "%s: @aws-amplify/backend %s, @aws-amplify/data-schema %s (from %s%s%s)",
           be->amplify_dir, p->backend_version ? p->backend_version : "unknown",
           p->data_schema_version ? p->data_schema_version : "unknown",
           p->package_json ? p->package_json : "no package.json", p->lockfile ? " and " : "",
           p->lockfile ? p->lockfile : "");
    amp_project_free(be->project);
    be->project = p;
    return p;
}

/* ---- which files, and which backends read them ------------------------------- */

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

bool amp_project_is_settings_path(const char *path)
{
    for (size_t i = 0; file_names[i]; i++)
        if (strcmp(base_name(path), file_names[i]) == 0)
            return true;
    return false;
}

bool amp_project_is_config_path(const char *path)
{
    return strcmp(base_name(path), CONFIG_NAME) == 0;
}

bool amp_project_reads(const amp_backend *be, const char *path)
{
    if (path[0] != '/' || !amp_project_is_settings_path(path))
        return false;
    char *dir = parent(path);
    bool yes = dir && within(be->amplify_dir, dir);
    free(dir);
    return yes;
}

/* ---- amplify-ls.json as a file with diagnostics ----------------------------- */

bool amp_project_is_config_file(const amp_file *f)
{
    return !f->in_backend && f->key[0] == '/' && amp_project_is_config_path(f->key) &&
           f->diags.count > 0;
}

/* The byte offset of a 1-based line and column in text. */
static uint32_t offset_of(const amp_text *t, uint32_t line, uint32_t col)
{
    if (line == 0 || line > t->line_count)
        return t->len;
    uint32_t start = t->line_starts[line - 1];
    uint32_t end = line < t->line_count ? t->line_starts[line] : t->len;
    uint32_t at = start + (col ? col - 1 : 0);
    return at < end ? at : end;
}

void amp_project_problem_diags(const amp_project *p, const amp_text *text, amp_diag_list *out)
{
    for (size_t i = 0; i < p->problem_count; i++) {
        const amp_config_problem *q = &p->problems[i];
        uint32_t start = offset_of(text, q->line, q->column);
        uint32_t end = start + q->length <= text->len ? start + q->length : text->len;
        amp_diag_add(out, start, end, q->severity, "amplify-ls-config", "%s", q->message);
    }
}

static void put_config_file(amp_workspace *ws, const amp_project *p)
{
    amp_file *f = amp_file_put(ws, p->config_path, NULL, p->config_text ? p->config_text : "",
                               p->config_text ? p->config_len : 0, -1, false);
    if (!f)
        return;
    amp_diag_list_clear(&f->diags);
    amp_project_problem_diags(p, &f->doc.text, &f->diags);
    f->diag_dirty = false;
}

size_t amp_project_config_files(amp_workspace *ws)
{
    size_t n = 0;
    for (size_t b = 0; b < ws->backend_count; b++) {
        const amp_project *p = amp_project_refresh(ws, &ws->backends[b]);
        bool seen = false; /* backends sharing one config file put it once */
        for (size_t k = 0; p && p->config_path && k < b; k++)
            seen |= ws->backends[k].project && ws->backends[k].project->config_path &&
                    strcmp(ws->backends[k].project->config_path, p->config_path) == 0;
        if (p && p->problem_count && !seen) {
            put_config_file(ws, p);
            n++;
        }
    }
    return n;
}
