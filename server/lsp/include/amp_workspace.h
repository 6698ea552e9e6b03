/*
 * amp_workspace.h: the files amplify-ls knows and the Amplify backends they
 * form. Shared by the LSP session and the `check` command.
 *
 * A backend is an amplify/ folder whose backend.ts calls defineBackend. Its
 * files are backend.ts and every file reached from it through relative
 * imports; the entry files of its functions, which Amplify bundles but the
 * model does not read, are its handler files. Files come from two sources:
 * the editor's open buffers (which always win) and the disk. Scanning walks
 * the workspace folders, skipping
 * node_modules, .amplify, .git and other hidden folders, never following a
 * symbolic link; reading refuses files outside the folders (after resolving
 * links) and files over the size cap, with a logged reason.
 *
 * This module does file I/O (it is not part of the pure core); it parses
 * through the core.
 */
#ifndef AMP_WORKSPACE_H
#define AMP_WORKSPACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "amp_diag.h"
#include "amp_doc.h"
#include "amp_strmap.h"

typedef struct amp_file {
    char *key;                 /* owned: absolute path for file URIs, else the URI */
    char *uri;                 /* owned: the URI used on the wire */
    amp_doc doc;               /* owned */
    bool open;                 /* open in the editor: its buffer wins over the disk */
    bool in_backend;           /* reached from a backend.ts (through imports, or as a handler) */
    bool handler;              /* in_backend only as the entry file of a defineFunction of
                                * backend: not in the model, checked by the handler rules alone */
    int backend;               /* index of the backend reaching it, or -1 */
    unsigned reach_gen;        /* generation of the last closure pass that reached it */
    bool diag_dirty;           /* diagnostics must be recomputed */
    bool published;            /* a non-empty diagnostic list was pushed for it */
    amp_diag_list diags;       /* owned: the last computed diagnostics */
    amp_diag_list model_diags; /* owned: what the backend's rules found in this file */
    char *import_sig;          /* owned: the relative imports at the last look, or NULL */
    bool stale;                /* read from disk, then left every backend while a request may
                                * hold it: freed by amp_workspace_drop_stale */
} amp_file;

typedef struct amp_model amp_model;

typedef struct amp_backend {
    char *root;                  /* owned: the folder holding amplify/ */
    char *amplify_dir;           /* owned */
    char *entry;                 /* owned: <amplify_dir>/backend.ts */
    amp_model *model;            /* owned: the last model built (see amp_analysis.h), or NULL */
    struct amp_project *project; /* owned: versions and amplify-ls.json (amp_project.h), or NULL */
    unsigned gen;                /* bumped when a file of this backend changes */
    unsigned model_gen;          /* the gen the model was built at */
    struct amp_nav_index *nav;   /* owned: the navigation index of model, or NULL (amp_analysis.h) */
    const struct amp_text **nav_texts; /* owned array: the texts nav indexes (borrowed from files) */
    char **handlers;                   /* owned: entry files of the model's functions (see below) */
    size_t handler_count;
} amp_backend;

typedef void (*amp_ws_log_fn)(void *ctx, int level, const char *message);
/* Called when a file leaves the store or stops being part of a backend
 * (the file is still valid during the call). */
typedef void (*amp_ws_drop_fn)(void *ctx, amp_file *file);

typedef struct amp_workspace {
    TSParser *parser;        /* borrowed */
    uint32_t parse_limit;    /* documents larger than this are not parsed */
    uint32_t max_file_bytes; /* files larger than this are not read */
    char **folders;          /* owned: workspace folders as given */
    char **folders_real;     /* owned: the same with links resolved */
    size_t folder_count;
    amp_backend *backends; /* owned */
    size_t backend_count;
    amp_strmap files; /* key -> amp_file* (owned by the workspace) */
    unsigned reach_gen;
    bool closure_dirty; /* imports may have changed */
    size_t stale_count; /* files marked stale, waiting for amp_workspace_drop_stale */
    unsigned gen;       /* bumped on every change of any file's text or the closure */
    /* Invariant: a change to a file bumps its backend's gen; a change of
     * which files belong where (the closure) bumps every backend's gen. */
    const struct amp_rule_config *rule_config; /* borrowed; may be NULL */
    amp_ws_log_fn log;                         /* may be NULL */
    amp_ws_drop_fn dropped;                    /* may be NULL */
    void *ctx;                                 /* for log and dropped */
} amp_workspace;

/* Initialises an empty workspace parsing with parser (borrowed). */
/* Frees backend b's navigation index and its texts array (when its model is
 * replaced or freed). */
void amp_backend_drop_nav(amp_backend *b);

void amp_workspace_init(amp_workspace *ws, TSParser *parser, uint32_t parse_limit,
                        uint32_t max_file_bytes);

/* Frees every file, folder and backend. */
void amp_workspace_free(amp_workspace *ws);

/* Adds or removes a workspace folder (an absolute path). */
void amp_workspace_add_folder(amp_workspace *ws, const char *path);
void amp_workspace_remove_folder(amp_workspace *ws, const char *path);

/* Re-finds the backends under every folder. Returns how many there are. */
size_t amp_workspace_scan(amp_workspace *ws);

/* Registers the backend holding path when path lies in an amplify/ folder
 * with a backend.ts (for files opened outside every folder). */
void amp_workspace_adopt(amp_workspace *ws, const char *path);

/* Loads every file the backends reach through relative imports and marks
 * them, then marks each backend's handler files (amp_workspace_set_handlers);
 * files no longer reached are dropped (or unmarked when open). */
void amp_workspace_close_imports(amp_workspace *ws);

/* Makes paths (absolute, normalised; borrowed) the handler files of backend
 * b: each existing one that no import closure reaches is loaded (when not in
 * the store) and marked in_backend and handler; former handler files of b
 * not listed any more are unmarked (and marked stale unless open). The
 * closure passes keep the marks. Runs inside model builds, so it frees no
 * file: a caller may hold one. */
void amp_workspace_set_handlers(amp_workspace *ws, size_t b, const char *const *paths, size_t n);

/* Frees the stale files that are still in no backend and not open. Call it
 * only where no amp_file pointer is held: between messages. */
void amp_workspace_drop_stale(amp_workspace *ws);

/* The store key of a URI (owned string, normalised path for file URIs), or
 * NULL when the URI is unusable. */
char *amp_key_of_uri(const char *uri);

/* The file with this key, or NULL (borrowed until the file is removed). */
amp_file *amp_file_get(amp_workspace *ws, const char *key);

/* Creates or replaces a file's whole text. uri may be NULL (derived from the
 * key). Returns the file (borrowed) or NULL when out of memory. */
amp_file *amp_file_put(amp_workspace *ws, const char *key, const char *uri, const char *bytes,
                       uint32_t len, int64_t version, bool open);

/* Removes a file from the store. */
void amp_file_remove(amp_workspace *ws, const char *key);

/* After an edit of f: reparses it, marks its diagnostics dirty, and marks
 * the import closure dirty when the relative imports of a file of the
 * closure changed (a handler file's imports are not followed). */
void amp_file_note_edit(amp_workspace *ws, amp_file *f);

/* Reparses the file if its text changed since its last parse. */
void amp_file_parse(amp_workspace *ws, amp_file *f);

/* Reads a file from disk into the store unless it is open. Returns the file,
 * or NULL (missing, unreadable, not a regular file, outside the folders, over
 * the size cap), with the reason logged. */
amp_file *amp_file_load(amp_workspace *ws, const char *path);

/* True when path lies inside a workspace folder (links resolved); with no
 * folders at all, inside the project folder of a registered backend. */
bool amp_workspace_contains(amp_workspace *ws, const char *path);

/* The backend a file belongs to, or NULL. */
const amp_backend *amp_workspace_backend_of(const amp_workspace *ws, const amp_file *f);

#endif
