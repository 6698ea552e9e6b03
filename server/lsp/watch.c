/*
 * watch.c: the directories a native file watcher should observe when the
 * client cannot watch files for the server (no dynamic registration of
 * workspace/didChangeWatchedFiles), and the events such a watcher reports.
 *
 * The set is every backend's project folder and the folders above it up to
 * its workspace folder (where package.json, lockfiles and amplify-ls.json
 * are looked for), the folders of the package.json, lockfile and
 * amplify-ls.json its project uses (a monorepo's may lie higher), its
 * amplify/ folder and every folder below it (skipping node_modules and
 * hidden folders, bounded), and the folder of every other file a backend
 * imports. It is recomputed only when backends, the import closure or the
 * files the projects use change, not on every keystroke.
 */
#include "session_internal.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "amp_project.h"

#define AMP_WATCH_MAX_DIRS 2000

static void free_dirs(amp_session *s)
{
    for (size_t i = 0; i < s->watch_dir_count; i++)
        free(s->watch_dirs[i]);
    free(s->watch_dirs);
    s->watch_dirs = NULL;
    s->watch_dir_count = 0;
}

/* Adds dir unless present; takes dir. */
static void add_dir(amp_session *s, char *dir)
{
    if (!dir || s->watch_dir_count >= AMP_WATCH_MAX_DIRS) {
        free(dir);
        return;
    }
    for (size_t i = 0; i < s->watch_dir_count; i++)
        if (strcmp(s->watch_dirs[i], dir) == 0) {
            free(dir);
            return;
        }
    char **grown = realloc(s->watch_dirs, (s->watch_dir_count + 1) * sizeof *grown);
    if (!grown) {
        free(dir);
        return;
    }
    s->watch_dirs = grown;
    s->watch_dirs[s->watch_dir_count++] = dir;
}

/* Adds dir and the folders below it, breadth first, not following links. */
static void add_tree(amp_session *s, const char *root)
{
    size_t first = s->watch_dir_count;
    add_dir(s, strdup(root));
    for (size_t i = first; i < s->watch_dir_count; i++) {
        DIR *d = opendir(s->watch_dirs[i]);
        struct dirent *e;
        while (d && (e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.' || strcmp(e->d_name, "node_modules") == 0)
                continue;
            size_t n = strlen(s->watch_dirs[i]) + strlen(e->d_name) + 2;
            char *child = malloc(n);
            struct stat st;
            if (child) {
                snprintf(child, n, "%s/%s", s->watch_dirs[i], e->d_name);
                if (lstat(child, &st) == 0 && S_ISDIR(st.st_mode)) {
                    add_dir(s, child);
                    child = NULL;
                }
            }
            free(child);
        }
        if (d)
            closedir(d);
    }
}

/* The folder holding path (owned), or NULL. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : NULL;
}

/* The paths of the settings files p uses (each may be NULL). */
static void project_paths(const amp_project *p, const char *out[3])
{
    out[0] = p ? p->package_json : NULL;
    out[1] = p ? p->lockfile : NULL;
    out[2] = p ? p->config_path : NULL;
}

/* Adds the folders be's project settings can come from (see the top). */
static void add_project_dirs(amp_session *s, const amp_backend *be)
{
    const char *paths[3];
    project_paths(be->project, paths);
    for (size_t i = 0; i < 3; i++)
        if (paths[i])
            add_dir(s, dir_of(paths[i]));
    const char *top = NULL; /* the innermost workspace folder holding the project */
    for (size_t i = 0; i < s->ws.folder_count; i++) {
        const char *f = s->ws.folders[i];
        size_t n = strlen(f);
        if (strncmp(be->root, f, n) == 0 && (be->root[n] == '/' || be->root[n] == '\0') &&
            (!top || n > strlen(top)))
            top = f;
    }
    char *dir = strdup(be->root);
    while (top && dir && strlen(dir) > strlen(top)) {
        char *up = dir_of(dir);
        free(dir);
        dir = up;
        if (dir)
            add_dir(s, strdup(dir));
    }
    free(dir);
}

/* What the set depends on: the import closure, the backends and the files
 * their projects use. Never 0 (0: never computed). */
static unsigned watch_key(const amp_session *s)
{
    unsigned key = s->ws.reach_gen * 31u + (unsigned)s->ws.backend_count;
    for (size_t b = 0; b < s->ws.backend_count; b++) {
        const char *paths[3];
        project_paths(s->ws.backends[b].project, paths);
        for (size_t i = 0; i < 3; i++)
            for (const char *c = paths[i] ? paths[i] : ""; *c; c++)
                key = key * 31u + (unsigned char)*c;
    }
    return key ? key : 1u;
}

const char *const *amp_session_native_watch_dirs(amp_session *s, size_t *count)
{
    *count = 0;
    if (s->client_dynamic_watch || s->state != AMP_STATE_RUNNING)
        return NULL;
    unsigned key = watch_key(s);
    if (key != s->watch_key) {
        s->watch_key = key;
        free_dirs(s);
        for (size_t b = 0; b < s->ws.backend_count; b++) {
            add_dir(s, strdup(s->ws.backends[b].root));
            add_project_dirs(s, &s->ws.backends[b]);
            add_tree(s, s->ws.backends[b].amplify_dir);
        }
        size_t pos = 0;
        const char *k;
        void *value;
        while (amp_strmap_next(&s->ws.files, &pos, &k, &value)) {
            const char *slash = strrchr(k, '/');
            if (k[0] == '/' && slash && ((amp_file *)value)->in_backend)
                add_dir(s, strndup(k, (size_t)(slash - k) ? (size_t)(slash - k) : 1));
        }
    }
    *count = s->watch_dir_count;
    return (const char *const *)s->watch_dirs;
}

void amp_session_on_disk_change(amp_session *s, const char *path)
{
    if (s->state != AMP_STATE_RUNNING || !path || path[0] != '/')
        return;
    struct stat st;
    bool deleted = stat(path, &st) != 0;
    if (!deleted && !S_ISREG(st.st_mode))
        return; /* a folder: its files report themselves */
    if (amp_sync_disk_change(s, path, deleted))
        amp_workspace_scan(&s->ws);
    amp_workspace_close_imports(&s->ws);
    amp_diags_schedule(s);
    if (s->opts.debounce_ms == 0)
        amp_diags_flush(s);
    else
        s->io.set_timer(s->io.ctx, s->opts.debounce_ms);
    amp_workspace_drop_stale(&s->ws);
}

void amp_session_free_watch(amp_session *s)
{
    free_dirs(s);
}
