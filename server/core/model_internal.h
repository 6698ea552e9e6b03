/*
 * model_internal.h: shared by the model's source files.
 *
 *   model_eval.c    the evaluator: symbol tables, import resolution, values
 *   model_build.c   resources, backend keys, secrets, the build entry point
 *   model_schema.c  data schemas: types, fields, relationships, rules, operations
 */
#ifndef AMP_MODEL_INTERNAL_H
#define AMP_MODEL_INTERNAL_H

#include "amp_model.h"
#include "amp_fetch.h"
#include "amp_strmap.h"

/* Bounds that keep evaluation finite and the C stack shallow on any input. */
#define AMP_EVAL_MAX_DEPTH 200
#define AMP_EVAL_MAX_STEPS 4000000

/* What a top-level name of a file is bound to. */
typedef enum {
    AMP_BIND_NODE,      /* a declaration's initializer in this file */
    AMP_BIND_IMPORT,    /* import { name as local } from 'module' (name "default" for default imports) */
    AMP_BIND_NAMESPACE, /* import * as local from 'module' */
    AMP_BIND_LOCAL,     /* export { local as name }: another name of this file */
} amp_bind_kind;

typedef struct amp_binding {
    amp_bind_kind kind;
    TSNode node;        /* NODE: the initializer expression */
    TSNode name_node;   /* NODE: the declared name */
    int module;         /* IMPORT/NAMESPACE: file index, or -1 */
    bool builtin;       /* IMPORT/NAMESPACE: from an Amplify package */
    const char *name;   /* IMPORT: the imported name; LOCAL: the local name */
} amp_binding;

/* What amp_eval_index_files read of one file's top level. The model keeps
 * it (amp_model.file_index), and the next build takes it over while the
 * file's tree is the same and the backend's files are the same (by path,
 * in order: the module indexes say which file an import names). Its
 * bindings' nodes are of the tree amp_model.trees holds for the file,
 * which goes with it. */
typedef struct amp_file_index {
    amp_arena arena;    /* owns the bindings, their names, star and missing */
    amp_strmap locals;  /* top-level name -> amp_binding* */
    amp_strmap exports; /* exported name -> amp_binding* */
    int *star;          /* files re-exported with `export * from` */
    size_t star_count;
    amp_str *missing; /* relative imports that name no file of the backend */
    size_t missing_count;
    uint64_t sig;   /* import_sig */
    uint64_t paths; /* paths_hash of the build that read it */
    bool kept;      /* its nodes are of amp_model.trees' tree (else doc's): may be taken over */
} amp_file_index;

void amp_file_index_free(amp_file_index *ix);

typedef struct amp_mfile {
    const char *path;
    const amp_doc *doc;
    amp_file_index *ix; /* borrowed from amp_model.file_index (or the builder's empty one) */
    const TSTree *tree; /* what the build reads the file from: amp_model.trees' copy (the
                           index's tree), else doc's; NULL without a tree */
} amp_mfile;

typedef struct amp_scope {
    const char *name;
    const amp_value *value;
    const struct amp_scope *up;
} amp_scope;

/* The grammar fields the evaluator reads, looked up once per build
 * (tree-sitter's lookup by name is a linear string search). */
#define AMP_EVAL_FIELDS(X)                                                        \
    X(alias) X(body) X(declaration) X(key) X(left) X(name) X(operator)           \
    X(parameter) X(parameters) X(pattern) X(right) X(source) X(value)

typedef enum {
#define AMP_FIELD_ENUM(n) AMP_F_##n,
    AMP_EVAL_FIELDS(AMP_FIELD_ENUM)
#undef AMP_FIELD_ENUM
    AMP_F_COUNT
} amp_eval_field;

/* What the evaluator makes of a node, by its grammar symbol (a table
 * lookup instead of comparing type names). */
typedef enum {
    AMP_NC_OTHER = 0,
    AMP_NC_WRAPPER,        /* ( ), as, satisfies, ! : the value of the first named child */
    AMP_NC_TYPE_ASSERTION, /* <T>x: the value of the second named child */
    AMP_NC_STRING,
    AMP_NC_TEMPLATE_STRING,
    AMP_NC_NUMBER,
    AMP_NC_TRUE,
    AMP_NC_FALSE,
    AMP_NC_NULL,
    AMP_NC_UNDEFINED,
    AMP_NC_OBJECT,
    AMP_NC_ARRAY,
    AMP_NC_IDENTIFIER,
    AMP_NC_MEMBER,
    AMP_NC_CALL,
    AMP_NC_FUNCTION,
    AMP_NC_BINARY,
    AMP_NC_TEMPLATE_LITERAL,
    AMP_NC_PAIR,
} amp_node_class;

/* A binding an entry read that is not a builtin: an import of another
 * file's export, whose value the entry holds as is (not copied). */
typedef struct amp_entry_dep {
    const char *name;       /* the local name */
    const amp_value *value; /* what it resolved to */
    uint32_t file;          /* the file it was read in */
} amp_entry_dep;

/* A name site an entry recorded, relative to the entry's start. */
typedef struct amp_entry_site {
    amp_site_kind kind;
    uint32_t start, end; /* bytes from the entry's start */
    uint32_t file;       /* the file it was recorded in */
    const amp_value *value;
    bool defines;
} amp_entry_site;

/* A schema entry remembered for the next build (see eval_entry in
 * model_eval.c): the value of a `key: a.model(...)...` pair whose
 * evaluation read nothing but its own text, builtin imports, its own
 * callback parameters and imports of other files' exports (its deps), so
 * the same text gives the same value anywhere its deps resolve alike (its
 * locations shifted). A freshly evaluated entry lives in the arena of
 * its file's values (own is empty); the first build that reuses it copies
 * it into an arena of its own (own: the entry, its text and its values;
 * only its deps' values stay outside), which later builds take over and
 * shift in place. */
typedef struct amp_entry {
    const amp_value *value;
    const char *text;    /* the pair value's text (end - start bytes) */
    uint32_t file;       /* where it was evaluated (for carrying it over with its file) */
    uint32_t start, end; /* the pair value's bytes when it was evaluated */
    uint32_t steps;      /* evaluation steps it took (AMP_EVAL_MAX_STEPS) */
    uint32_t depth;      /* how far below its own depth the evaluation went (AMP_EVAL_MAX_DEPTH) */
    uint32_t serial;     /* the model->serial of the build that remembered it */
    amp_arena own;       /* owned when not empty: holds this struct, text and value */
    /* The imports it read (the entry stands while each still resolves to
     * the same value) and the name sites it recorded (replayed on reuse). */
    const amp_entry_dep *deps;
    const amp_entry_site *sites;
    uint32_t dep_count, site_count;
    struct amp_entry *next; /* the next entry of the same key and text (a schema may hold the
                               same entry text many times), in the same map */
    /* The schema type read from value (in own, its locations shifted with
     * the value's), for a key of type_name, or NULL: model_schema.c reads
     * a type once per entry, and copies it while the entry stands. */
    amp_type *type;
    const char *type_name;
    uint32_t retypes; /* times type was read again for another key */
    /* Every location of value and of fix_type that moves with the entry (in
     * own), listed by the first walk that shifted them: later shifts in the
     * same file add to these and walk nothing. NULL until then, and again
     * when the type is no longer fix_type. */
    amp_loc **fix;
    uint32_t fix_count;
    const amp_type *fix_type;
} amp_entry;


/* A schema pair whose value a build took from an entry (or remembered as
 * one), noted under its value node's id (TSNode.id: the same while the
 * node is unchanged and its old tree lives, amp_model.trees): the next
 * build finds the entry from the note, without hashing the value's text
 * or reading its key. */
typedef struct amp_pair_note {
    const void *id;     /* the value node's; NULL for an empty slot */
    const void *key_id; /* the key node's */
    const char *key;    /* the key's text, in the noting build's arena */
    uint64_t hash;      /* the value text's hash, as entry keys take it */
    uint64_t sig;       /* the file's builtin import hash then (entry keys hold it) */
    /* The entry the pair's value came from, or NULL (evaluated): it lives
     * through the next build's evaluation, which frees no entry before its
     * end (amp_builder.buried), and that build takes it first. */
    struct amp_entry *entry;
    uint32_t file;
} amp_pair_note;

typedef struct amp_pair_ids {
    amp_pair_note *slots; /* owned: open addressing by id, cap a power of two */
    size_t cap, count;
} amp_pair_ids;

void amp_pair_ids_free(amp_pair_ids *ids);

/* A child of an object outside functions, as a build read it, for the
 * next build's splice_object. */
typedef enum {
    AMP_SPLICE_ENTRY,   /* a pair whose value text is an entry's (hash, sig, entry) */
    AMP_SPLICE_COMMENT, /* a comment: nothing to read */
    AMP_SPLICE_OTHER    /* anything else: read again from the tree */
} amp_splice_kind;

typedef struct amp_splice_item {
    uint32_t start, end;         /* the child's bytes (for a pair, from its key to its value's end) */
    uint32_t key_end;            /* a pair's key is bytes [start, key_end) */
    uint32_t value_start;        /* its value, bytes [value_start, end) */
    uint32_t kind;               /* amp_splice_kind */
    const char *key;             /* an ENTRY pair's key text, in the splice's arena */
    uint64_t hash, sig;          /* the value text's hash and the file's builtin import hash */
    struct amp_entry *entry;     /* the entry the value came from, or NULL: as amp_pair_note's */
} amp_splice_item;

/* An object of at least AMP_SPLICE_MIN named children, with each child. */
typedef struct amp_splice {
    uint32_t file, start, end; /* the object's bytes */
    amp_splice_item *items;    /* owned: count, one per named child, in order */
    size_t count;
    amp_arena keys;            /* owns the keys of the items */
} amp_splice;

#define AMP_SPLICE_MIN 16

/* Frees what a splice owns. */
void amp_splice_free(amp_splice *sp);

/* Frees an entry's own arena (when it has one). */
void amp_entry_free(amp_entry *entry);

/* Removes every entry of map, freeing those with their own arena. */
void amp_entries_free(amp_strmap *map);

/* Unlinks entry from the chain under key in map. */
void amp_entry_unlink(amp_strmap *map, const char *key, amp_entry *entry);

/* Which value of a remembered entry became which clone, for the entry being
 * cloned: a slot is in use when its stamp is gen (bumped per entry). */
typedef struct amp_clone_map {
    const amp_value **from; /* owned */
    amp_value **to;         /* owned */
    uint32_t *stamp;        /* owned */
    size_t cap, count;
    uint32_t gen;
} amp_clone_map;
void amp_clone_map_free(amp_clone_map *cm);

typedef struct amp_builder {
    TSFieldId fid[AMP_F_COUNT]; /* field ids of the TypeScript grammar */
    uint8_t *node_class;        /* owned: amp_node_class of every grammar symbol */
    uint32_t symbol_count;
    amp_model *m;
    amp_arena *a;
    amp_mfile *files;
    size_t file_count;
    amp_strmap memo;      /* node key -> amp_value* */
    amp_strmap paths;     /* file path -> its index + 1 (import resolution) */
    amp_file_index no_index; /* empty: the index of a file whose own could not be made */
    int depth;
    int peak;             /* the largest depth any evaluation has started at */
    size_t steps;
    size_t impure;        /* bumped when a value depends on more than its text (see amp_entry) */
    amp_model *prev; /* borrowed: the previous build, whose entries may be cloned or taken, or NULL */
    const bool *reuse;    /* borrowed: per file, whether its values come from prev (or NULL) */
    uint64_t *import_sig; /* owned: per file, a hash of its builtin imports (entry keys) */
    amp_clone_map clones; /* owned: scratch for cloning entries */
    amp_loc **fix;        /* owned: what a walk shifted (fix_count of fix_cap) */
    size_t fix_count, fix_cap;
    struct amp_entry **buried; /* owned, with the entries: dropped while evaluating, freed after */
    size_t buried_count, buried_cap;
    bool adopted;         /* the entries map moved over from prev (adopt) */
    bool notes_off;       /* prev's pair notes are not to be read (an entry freed early) */
    /* While entries are evaluated (recording > 0), the imports they read and
     * the sites they record, for eval_entry to keep with them. */
    int recording;
    amp_entry_dep *dep_log;   /* owned */
    size_t dep_count, dep_cap;
    amp_entry_site *site_log; /* owned */
    size_t site_count, site_cap;
    const amp_value **roots; /* CALL values of define*, a.schema, a.combine, configure */
    size_t root_count, root_cap;
    const amp_value **bound; /* values given a binding name, by index */
    amp_entry **held;        /* owned: open addressing by value: the entries with arenas of their
                                own this build took over or copied (amp_eval_entry_of) */
    size_t held_cap, held_count;
} amp_builder;

/* model_eval.c */
/* The entry with an arena of its own whose value this build holds as v
 * (taken over or copied for this build), or NULL. */
amp_entry *amp_eval_entry_of(const amp_builder *b, const amp_value *v);
/* Fetches (amp_fetch) where amp_eval_entry_of(b, v) will look. */
void amp_eval_fetch_entry_of(const amp_builder *b, const amp_value *v);
/* Fills b->fid and b->node_class for the TypeScript grammar; returns -1
 * when out of memory. amp_eval_free_files frees them. */
int amp_eval_init(amp_builder *b);
/* Indexes each file's top level (into b->m->file_index), taking prev's
 * index of a file over where it holds (prev may be NULL). */
void amp_eval_index_files(amp_builder *b, amp_model *prev);
void amp_eval_free_files(amp_builder *b);
const amp_value *amp_eval(amp_builder *b, uint32_t file, TSNode node, const amp_scope *scope);
/* Evaluates every top-level statement of every file (filling roots), but
 * those of files whose skip[] is true (their values and sites are reused;
 * skip may be NULL). */
void amp_eval_all(amp_builder *b, const bool *skip);
/* A value that is not understood, located at node. */
const amp_value *amp_eval_unknown(amp_builder *b, uint32_t file, TSNode node);

/* rules_backend_script.c: reads m->backend_uses from the syntax of the file
 * calling defineBackend (needs m->backend_calls and m->keys). */
void amp_backend_script_read(amp_model *m, const amp_source *sources, size_t count);

/* model_schema.c */
void amp_schema_interpret(amp_builder *b, const amp_value *schema_value, int combine);
/* Reads the rules an authorization callback returns; returns true when the
 * callback and every rule in it were understood. */
bool amp_rules_read(amp_builder *b, const amp_value *fn, amp_rule **out, size_t *count);
/* A string value's text with its location, or {NULL} when v is not a string. */
amp_str amp_str_of(const amp_value *v);
/* Appends to an arena array of elements of size bytes; returns the new slot. */
void *amp_push(amp_arena *a, void **array, size_t *count, size_t size);

#endif
