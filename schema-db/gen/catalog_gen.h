/*
 * catalog_gen.h: shared state of the catalogue generator (a build-time host
 * tool, never linked into amplify-ls).
 *
 * The generator reads the data files (schema-db/data/NAME.json), resolves
 * `like` copies, `value.ref` references and inherited fields, validates
 * everything (any error fails the build with a message naming file and id),
 * then writes the C tables and a JSON index of the resolved catalogue.
 * Stages: load.c (files, ids, tree), validate.c (rules), emit.c (outputs).
 */
#ifndef AMP_CATALOG_GEN_H
#define AMP_CATALOG_GEN_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

/* Entry kinds, in the order of amp_cat_kind (amp_catalog.h). */
enum gen_kind { K_FUNCTION, K_NAMESPACE, K_TYPE, K_METHOD, K_OPTION, K_PROPERTY, K_VALUE, K_COUNT };

/* One entry as read from a data file. */
typedef struct gen_entry {
    json_t *obj;      /* owned reference; resolution adds fields to it */
    const char *file; /* borrowed from gen_ctx.files */
    const char *id;   /* borrowed from obj */
    char *name;       /* owned: last id segment, or the value literal */
    int kind;         /* enum gen_kind, or -1 when invalid */
    long parent;      /* declared-order index, -1 for top level */
    long *children;   /* owned; declared-order indexes */
    size_t child_count, child_cap;
    long sorted;       /* index in the id-sorted output table */
    int like_state;    /* 0 unresolved, 1 resolving, 2 done */
    int inherit_state; /* 0 not yet, 2 done */
} gen_entry;

/* The whole run. */
typedef struct gen_ctx {
    gen_entry *entries; /* owned, declared order (files sorted by name) */
    size_t count, cap;
    json_t *by_id;    /* owned object: id -> declared-order index */
    json_t *packages; /* owned object: npm package name -> version */
    const char *packages_file;
    char **files; /* owned copies of the data file paths */
    size_t file_count;
    long *sorted; /* owned: sorted position -> declared index */
    int errors;
} gen_ctx;

/* Prints "catalog: error: FILE: ID: message" to stderr and counts it. file
 * and id may be NULL. */
void gen_error(gen_ctx *ctx, const char *file, const char *id, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The kind code for a kind name, or -1. */
int gen_kind_code(const char *name);
/* The name of a kind code. */
const char *gen_kind_name(int kind);

/* The declared-order index of id, or -1. */
long gen_find(const gen_ctx *ctx, const char *id);

/* validate.c: the bit mask (amp_cat_type order) of a value's `type`, a
 * string or an array of strings; *bad receives the first unknown name or
 * NULL. */
unsigned gen_type_mask(json_t *type, const char **bad);

/* load.c: reads every file (in the order given) into ctx; checks JSON
 * syntax, the file-level keys, the entry fields' names and JSON types, id
 * syntax and duplicates. Returns the number of new errors. */
int gen_load(gen_ctx *ctx, char **paths, size_t count);

/* load.c: links parents and children, resolves `like`, `value.ref` and the
 * inherited since/package/url. Returns the number of new errors. */
int gen_resolve(gen_ctx *ctx);

/* validate.c: checks every semantic rule on the resolved entries. Returns
 * the number of new errors. */
int gen_validate(gen_ctx *ctx);

/* emit.c: sorts by id and writes the C tables to c_path and the resolved
 * index to index_path (either may be NULL). Returns 0 or -1 (I/O error,
 * already reported). */
int gen_emit(gen_ctx *ctx, const char *c_path, const char *index_path);

/* Frees everything ctx owns. */
void gen_free(gen_ctx *ctx);

#endif
