/*
 * amp_model.h: the Amplify semantic model of one backend.
 *
 * Built from the parsed files of one backend (backend.ts first, then every
 * file it reaches), in two layers:
 *
 * 1. Values. A bounded evaluator reads TypeScript expressions into a graph
 *    of amp_value: literals, objects, arrays, functions, and calls of
 *    Amplify builders. Identifiers are resolved across files through
 *    imports, re-exports, namespace imports and const aliases; object and
 *    array spreads are merged. A builder chain such as
 *    `a.model({...}).identifier(['id']).authorization(cb)` becomes one CALL
 *    value with path "a.model", its arguments, and its methods in order.
 *    Names imported from Amplify packages are known by their exported name
 *    whatever they are called locally. A function's parameters are bound to
 *    role names "$0", "$1", ...: inside `.authorization((allow) => ...)`,
 *    `allow.owner()` is the call "$0.owner". Anything the evaluator does not
 *    understand (a ternary on process.env, a user function) is UNKNOWN, which
 *    every rule must treat as "could be anything": no false errors.
 *
 * 2. The model. Resources (every define* call, secret, referenceAuth), the
 *    defineBackend keys, and the data schemas interpreted into types, fields,
 *    relationships, identifiers, indexes, authorization rules and custom
 *    operations.
 *
 * Every element keeps its file (an index into model->files) and byte range.
 * The model is immutable once built and lives in one arena: every pointer
 * in it is borrowed from the model until amp_model_delete. Broken code is
 * input: a half-typed file yields a partial model, never a failure.
 */
#ifndef AMP_MODEL_H
#define AMP_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "amp_arena.h"
#include "amp_doc.h"
#include "amp_strmap.h"

/* A place in the backend's files. */
typedef struct amp_loc {
    uint32_t file; /* index into amp_model.files */
    uint32_t start, end;
} amp_loc;

/* ---- values -------------------------------------------------------------- */

typedef enum {
    AMP_VAL_UNKNOWN = 0, /* not understood: could be anything */
    AMP_VAL_STRING,
    AMP_VAL_TEMPLATE,    /* a template or concatenation whose text is not known */
    AMP_VAL_NUMBER,
    AMP_VAL_BOOL,
    AMP_VAL_NULL,
    AMP_VAL_UNDEFINED,
    AMP_VAL_OBJECT,
    AMP_VAL_ARRAY,
    AMP_VAL_FUNCTION,
    AMP_VAL_CALL,        /* a call of an Amplify builder, with its method chain */
    AMP_VAL_BUILTIN,     /* an Amplify export or a parameter role, not called */
} amp_val_kind;

typedef struct amp_value amp_value;

typedef struct amp_prop {
    const char *key;
    amp_loc key_loc;
    const amp_value *value;
} amp_prop;

typedef struct amp_method {
    const char *name;       /* e.g. "required" */
    amp_loc name_loc;       /* the method name */
    amp_loc loc;            /* from the name to the closing parenthesis */
    const amp_value **args;
    size_t arg_count;
} amp_method;

struct amp_value {
    amp_val_kind kind;
    amp_loc loc;
    const char *str;        /* STRING: the text; CALL/BUILTIN: the path ("a.model", "$0.owner") */
    double num;             /* NUMBER */
    bool b;                 /* BOOL */
    bool open;              /* OBJECT/ARRAY: had a spread or computed key not understood */
    bool closed;            /* known whole: it and all it holds read nothing but their own text
                               and builtins, so hold no resource, no UNKNOWN, nothing open (set
                               on schema entries; false says nothing) */
    uint32_t origin;        /* the root value of a remembered schema entry: a number that stands
                               for the entry's text and the imports it read, shared by every copy
                               of it in this model's line of rebuilds (amp_model.origin_count);
                               values of one origin hold the same, their locations shifted.
                               0: none */
    amp_prop *props;        /* OBJECT, in source order (later duplicates override earlier) */
    size_t prop_count;
    const amp_value **items; /* ARRAY items; CALL arguments of the base call */
    size_t item_count;
    amp_loc callee_loc;     /* CALL: the base callee (e.g. "a.model") */
    amp_method *methods;    /* CALL: the chained method calls, in order */
    size_t method_count;
    const amp_value *body;  /* FUNCTION: the returned expression (NULL when not found) */
    size_t param_count;     /* FUNCTION */
    int binding;            /* where this value was defined (see amp_model_binding_name), or -1 */
};

/* The property named key of an OBJECT value (the last one), or NULL. */
const amp_prop *amp_value_prop(const amp_value *v, const char *key);

/* The first method named name of a CALL value, or NULL. */
const amp_method *amp_value_method(const amp_value *v, const char *name);

/* True when v is a CALL whose path equals path. */
bool amp_value_is_call(const amp_value *v, const char *path);

/* ---- authorization ------------------------------------------------------- */

typedef struct amp_str {
    const char *s;
    amp_loc loc;
} amp_str;

typedef struct amp_rule {
    const char *strategy;   /* "owner", "publicApiKey", "groups", "resource", ... */
    amp_loc loc;            /* the whole rule expression */
    amp_loc strategy_loc;   /* the strategy name */
    const amp_value *call;  /* the rule's CALL value */
    amp_str provider;       /* s == NULL when not given */
    amp_str field;          /* ownerDefinedIn and the like */
    amp_str *groups;        /* group(s) */
    size_t group_count;
    amp_str *operations;    /* .to([...]) */
    size_t operation_count;
    bool has_to;
    const amp_value *resource; /* allow.resource(fn): the function's value */
} amp_rule;

/* ---- data schema --------------------------------------------------------- */

typedef enum {
    AMP_TYPE_MODEL,
    AMP_TYPE_CUSTOM,
    AMP_TYPE_ENUM,
    AMP_TYPE_QUERY,
    AMP_TYPE_MUTATION,
    AMP_TYPE_SUBSCRIPTION,
    AMP_TYPE_GENERATION,
    AMP_TYPE_CONVERSATION,
    AMP_TYPE_UNKNOWN,
} amp_type_kind;

typedef enum {
    AMP_FIELD_SCALAR,
    AMP_FIELD_REF,
    AMP_FIELD_ENUM,    /* inline a.enum */
    AMP_FIELD_CUSTOM,  /* inline a.customType */
    AMP_FIELD_HAS_MANY,
    AMP_FIELD_HAS_ONE,
    AMP_FIELD_BELONGS_TO,
    AMP_FIELD_UNKNOWN,
} amp_field_kind;

typedef struct amp_type amp_type;

typedef struct amp_field {
    const char *name;
    amp_loc name_loc;
    const amp_value *value;  /* the field's CALL value (or whatever it was) */
    amp_field_kind kind;
    const char *scalar;      /* SCALAR: the builder name, e.g. "string" */
    amp_str target;          /* REF and relationships: the named type */
    amp_str *references;     /* relationships */
    size_t reference_count;
    amp_loc references_loc;  /* the references argument */
    bool required;           /* .required() before .array() (element) or on a scalar */
    bool array;
    bool array_required;     /* .required() after .array() */
    bool value_required;     /* hasMany().valueRequired() */
    const amp_value *default_value; /* .default(x): x (NULL: no default) */
    bool has_default;
    amp_rule *rules;         /* field-level .authorization */
    size_t rule_count;
    bool has_auth;
    bool rules_known;        /* the authorization callback was fully understood */
    amp_str *enum_values;    /* ENUM */
    size_t enum_count;
    amp_type *inline_type;   /* CUSTOM */
} amp_field;

typedef struct amp_index {
    amp_str pk;
    amp_str *sort_keys;
    size_t sort_key_count;
    amp_str name;
    amp_str query_field;
    bool query_field_null;
    amp_loc loc;
    const amp_value *call;     /* the index(...) CALL with its method chain */
} amp_index;

typedef struct amp_handler {
    const char *kind;          /* "function", "custom", "inlineSql", "sqlReference" */
    amp_loc loc;
    const amp_value *call;
    const amp_value *function; /* function handlers: the defineFunction value, or a STRING name */
    bool async;
    amp_str entry;             /* custom: entry; sqlReference: path */
    amp_str data_source;       /* custom: dataSource (string or ref target) */
} amp_handler;

struct amp_type {
    amp_type_kind kind;
    const char *name;
    amp_loc name_loc;          /* the schema key */
    const amp_value *value;
    int schema;                /* index into amp_model.schemas */
    amp_field *fields;         /* model/custom type fields; custom-op arguments */
    size_t field_count;
    bool fields_open;          /* the fields object had something not understood */
    amp_str *identifier;
    size_t identifier_count;
    bool has_identifier;
    amp_index *indexes;
    size_t index_count;
    amp_rule *rules;
    size_t rule_count;
    bool has_auth;             /* .authorization was called */
    bool rules_known;          /* ... and its callback was fully understood */
    amp_str *disabled_ops;
    size_t disabled_op_count;
    amp_str *enum_values;      /* ENUM */
    size_t enum_count;
    amp_field *returns;        /* custom operations: the return type (NULL: none) */
    amp_handler *handlers;
    size_t handler_count;
    bool has_handler;
    amp_str *sources;          /* subscription .for(): the referenced names */
    size_t source_count;
    bool has_for;
    bool legacy_form;          /* it or a field uses a form only data-schema 0.x accepts */
};

typedef struct amp_schema {
    amp_loc loc;
    const amp_value *value;
    bool sql;                  /* configure({ database: { engine: 'mysql'|'postgresql' } }) */
    const char *engine;        /* "dynamodb" (a.schema), configure's engine, or NULL when not known */
    int combine;               /* index of the a.combine group, or -1 */
    amp_type *types;
    size_t type_count;
    amp_rule *rules;           /* schema-level .authorization */
    size_t rule_count;
    bool has_auth;
    bool rules_known;
    bool open;                 /* the types object had something not understood */
    bool legacy_form;          /* uses a form only data-schema 0.x accepts (a.manyToMany, ...) */
} amp_schema;

/* ---- resources and the backend ------------------------------------------- */

typedef enum {
    AMP_RES_AUTH,
    AMP_RES_REFERENCE_AUTH,
    AMP_RES_DATA,
    AMP_RES_STORAGE,
    AMP_RES_FUNCTION,
    AMP_RES_OTHER,
} amp_res_kind;

typedef struct amp_resource {
    amp_res_kind kind;
    const char *define;        /* "defineAuth", "defineFunction", ... */
    const char *var;           /* the const it is assigned to, or NULL */
    amp_loc loc;               /* the call */
    const amp_value *value;    /* the CALL */
    const amp_value *props;    /* the first argument (an OBJECT, a FUNCTION, or NULL) */
    const char *name;          /* props.name when a string, else var */
    const char *backend_key;   /* the defineBackend key naming it, or NULL */
    int schema;                /* AMP_RES_DATA: index of its schema, or -1 */
} amp_resource;

typedef struct amp_backend_key {
    const char *name;
    amp_loc loc;
    const amp_value *value;
    int resource;              /* index into resources, or -1 */
} amp_backend_key;

/* ---- names of values ------------------------------------------------------ */

typedef enum {
    AMP_SITE_DECL,   /* `const x = <value>`: the declared name */
    AMP_SITE_USE,    /* an identifier (or a namespace member) that resolved to the value */
    AMP_SITE_IMPORT, /* a name in an import or export specifier */
} amp_site_kind;

/* A place where a name in the source stands for an Amplify CALL value (a
 * resource, a schema, a model ...). The rules do not need these; navigation
 * uses them to find every use of a resource. A site may be recorded twice
 * when its node was evaluated twice. */
typedef struct amp_name_site {
    amp_site_kind kind;
    amp_loc loc;             /* the identifier */
    const amp_value *value;  /* the CALL it names */
    bool defines;            /* DECL: the initializer is the call itself, not an alias */
} amp_name_site;

/* ---- the backend script ---------------------------------------------------- */

/* A chain rooted at the defineBackend result in the file that calls it, e.g.
 * `backend.data.resources.tables['Post'].tableName`, also through const
 * aliases (`const table = backend.data.resources.tables.Post`). Read from the
 * syntax (rules_backend_script.c): these are the CDK escape hatches whose
 * effects (cross-stack tokens, custom stacks) the rules check. */
typedef struct amp_backend_ref {
    const char *key;  /* the defineBackend key, or NULL for the backend itself (backend.stack) */
    int resource;     /* index into resources, or -1 */
    const char *path; /* the members after the key joined by '.' ("" when none) */
    amp_loc loc;
} amp_backend_ref;

/* What the value of a key written by a backend call certainly is. */
typedef enum {
    AMP_WRITE_OTHER,  /* anything else: an identifier, a call, an array, a falsy literal ... */
    AMP_WRITE_SCALAR, /* a non-empty string, a non-zero number or true, written literally */
    AMP_WRITE_OBJECT, /* an object literal (its keys are writes of their own) */
} amp_write_kind;

/* A key of the object literal given to `backend.addOutput({...})`, at any
 * depth: `{ custom: { apiUrl: 'x' } }` writes "custom" and "custom.apiUrl". */
typedef struct amp_backend_write {
    const char *path;       /* the keys from the argument's root, joined by '.' */
    const char *key;        /* the last key */
    amp_loc loc;            /* the key */
    amp_write_kind kind;
    bool sure;              /* no enclosing object literal has a spread or a computed key */
    uint32_t object;        /* which object literal of the call holds the key (0: the argument) */
} amp_backend_write;

/* A method called on such a chain: `backend.fn.addEnvironment(k, v)`,
 * `backend.createStack('x')`, `table.grantReadData(backend.fn.resources.lambda)`. */
typedef struct amp_backend_call {
    amp_backend_ref on;     /* what the method is called on */
    const char *method;
    amp_loc loc;            /* the whole call */
    amp_str first_arg;      /* the first argument when a string literal ({NULL} otherwise) */
    amp_str first_arg_src;  /* the first argument's source text, whatever it is ({NULL}: none) */
    amp_backend_ref *uses;  /* the chains mentioned anywhere in the arguments */
    size_t use_count;
    amp_backend_write *writes; /* addOutput: the keys its object literal writes, in source order */
    size_t write_count;
    bool conditional;       /* inside an if, a loop, a function, a ternary ...: may not run */
} amp_backend_call;

typedef struct amp_model_file {
    const char *path;          /* the file key */
} amp_model_file;

/* Two files of a model, by index. */
typedef struct amp_file_pair {
    uint32_t from, to;
} amp_file_pair;

typedef struct amp_model {
    amp_arena arena;           /* owns everything below */
    amp_model_file *files;
    size_t file_count;
    bool has_backend;          /* a defineBackend call was found */
    amp_loc backend_loc;
    amp_backend_key *keys;
    size_t key_count;
    amp_resource *resources;
    size_t resource_count;
    amp_schema *schemas;
    size_t schema_count;
    amp_str *secrets;          /* secret('NAME') calls */
    size_t secret_count;
    const char **binding_names; /* names of the consts values were bound to */
    size_t binding_count;
    amp_name_site *sites;      /* names standing for CALL values, in evaluation order */
    size_t site_count;
    const amp_value *backend_arg; /* the object given to (the first) defineBackend, or NULL */
    amp_loc *backend_calls;    /* the callee of every defineBackend call (more than one is an error) */
    size_t backend_call_count;
    amp_str *missing_imports;  /* relative import/export specifiers naming no file of the backend */
    size_t missing_import_count;
    amp_backend_call *backend_uses; /* methods called on the defineBackend result, in source order */
    size_t backend_use_count;
        const amp_type **type_slots; /* owned: open addressing by lookup scope and type name, the
                                    first type of each (see amp_model_find_type); NULL slots
                                    are empty */
    size_t type_cap;             /* a power of two, or 0 */
    struct amp_name_memo *name_memo; /* owned, or NULL: answers computed from names alone, which
                                        rules fill in through a const model (a cache: the same
                                        name gives the same answer); carried to the rebuild */
    /* What amp_model_rebuild carries into the next build. */
    const amp_value **roots;   /* define*, secret, a.schema, a.combine, configure calls, by place */
    size_t root_count;
    amp_strmap memo;           /* owned: declaration node key -> value */
    amp_strmap entries;        /* owned: builtin-import hash + schema entry text -> amp_entry* */
    uint64_t *file_hash;       /* owned: per file, its text's hash, 0 when it had no tree */
    uint32_t *file_home;       /* owned: per file, the arena of its values: 0 this build's, k kept[k - 1] */
    amp_arena *kept;           /* owned: earlier builds' arenas holding values of reused files */
    size_t kept_count;
    size_t reused_count;       /* files whose values this build took from the previous one */
    size_t cloned_count;       /* schema entries this build cloned instead of evaluating */
    size_t noted_count;        /* of those, pairs found by prev's note without being read */
    size_t spliced_count;      /* objects filled from prev's splice, reading one pair */
    uint32_t serial;           /* builds since the last one without a previous model */
    uint32_t warmth;           /* 0: entries evaluated afresh; each amp_model_warm adds 1;
                                  AMP_MODEL_WARM once a rebuild found pairs by prev's notes;
                                  else prev's */
    uint32_t origin_count;     /* entry origins handed out since then (amp_value.origin) */
    struct amp_lookup_log *lookup_log; /* borrowed, or NULL: where amp_model_find_type notes
                                          each lookup while a rule check is recorded
                                          (rules_memo.c) */
    struct amp_rule_memo *rule_memo; /* owned, or NULL: findings of per-type rule checks by entry
                                        origin (rules_memo.c, freed by amp_rule_memo_free);
                                        carried to the rebuild like name_memo */
    /* What lets the next build find an unchanged schema pair without
     * reading it: each file's tree as this build read it (owned copies,
     * NULL without a tree), which keeps its nodes alive, so that a node id
     * this build noted names the same unchanged node in the next build's
     * tree; and the pairs it noted, by their key node's id. */
    TSTree **trees;
    struct amp_pair_ids *pair_ids; /* owned, or NULL */
    struct amp_model *dead;        /* owned, or NULL: the model this one was rebuilt from, left
                                      for amp_model_collect */
    /* What lets the next build take a large object over after an edit
     * inside one of its pairs, without reading its other pairs: each
     * file's text as this build read it (amp_doc.gen) and the pairs of each
     * object of many pairs, in order (model_eval.c, splice_object). */
    uint64_t *file_gen;              /* owned: per file */
    struct amp_splice **splices;     /* owned, each owned: splice_count of splice_cap (apart, so
                                        that growing the array moves none a build fills) */
    size_t splice_count, splice_cap;
    struct amp_file_index **file_index; /* owned array of file_count owned indexes (or NULL):
                                           each file's imports and top-level names */
    size_t fresh_binding_count; /* binding_count of the last build that reused nothing */
    amp_file_pair *namings;    /* a const of `from` gave the name to a value of `to` */
    size_t naming_count;
} amp_model;

/* One input file: its key and its parsed document (both borrowed for the
 * duration of amp_model_build). */
typedef struct amp_source {
    const char *path;
    const amp_doc *doc;
} amp_source;

/* Builds the model of one backend. sources[0] should be backend.ts. Returns
 * an owned model (free with amp_model_delete), or NULL when out of memory. */
amp_model *amp_model_build(const amp_source *sources, size_t count);

/* Builds the model again after edits, reusing what prev (consumed: freed or
 * taken apart, accepts NULL) evaluated for files whose text is the same and
 * that import nothing that changed; the result equals amp_model_build's
 * (unless a fresh build would run out of AMP_EVAL_MAX_STEPS).
 * The reused values stay in prev's arena, which the new model keeps: it
 * reuses only when the files are the same list, and builds afresh once it
 * keeps AMP_MODEL_MAX_KEPT arenas, or once the binding names (which keep
 * the entries of files evaluated again, a few bytes each) have grown
 * sixteenfold, so memory stays bounded. */
amp_model *amp_model_rebuild(const amp_source *sources, size_t count, amp_model *prev);

/* Builds the same model as amp_model_rebuild from the same texts, but
 * evaluates every file again, so that its schema entries are taken over
 * from prev (the first time copied into arenas of their own, the second
 * time listed for shifting): what a first keystroke would do, done ahead
 * while the editor is idle (the model's warmth tells when it is done). */
amp_model *amp_model_warm(const amp_source *sources, size_t count, amp_model *prev);

/* The warmth at which a model's schema entries are ready for keystrokes. */
#define AMP_MODEL_WARM 2
#define AMP_MODEL_MAX_KEPT 4

/* Frees the model (and what amp_model_collect has not). Accepts NULL. */
void amp_model_delete(amp_model *model);

/* Frees the model m was rebuilt from: amp_model_rebuild and amp_model_warm
 * leave it for later (at most one: the next rebuild frees it first), so
 * that an editor gets a keystroke's diagnostics before megabytes are
 * freed. Accepts NULL. */
void amp_model_collect(amp_model *m);

/* Answers computed from a name alone, kept from build to build (see
 * amp_model.name_memo). */
typedef struct amp_name_memo {
    amp_strmap plurals; /* name -> owned copy of its plural ("" when it has none) */
} amp_name_memo;

/* The memo of the model, created on first use; NULL when out of memory. */
amp_name_memo *amp_model_name_memo(const amp_model *model);

/* The types a rule check looked up while it was recorded: it stands
 * while each lookup finds the same (see amp_model.lookup_log). */
typedef struct amp_type_lookup {
    int schema;
    const char *name;        /* borrowed from the caller */
    const struct amp_type *found;
} amp_type_lookup;
#define AMP_LOOKUP_LOG_MAX 64
typedef struct amp_lookup_log {
    amp_type_lookup items[AMP_LOOKUP_LOG_MAX];
    size_t count;
    bool overflow; /* more lookups than items holds */
} amp_lookup_log;

/* Frees a rule memo (rules_memo.c). Accepts NULL. */
void amp_rule_memo_free(struct amp_rule_memo *memo);

/* The resource whose value is v (same CALL), or -1. */
int amp_model_resource_of(const amp_model *model, const amp_value *v);

/* The type named `name` that schema `schema` can see: its own types, or those
 * of every schema of its a.combine group (the first in schema order). NULL
 * when there is none. Constant time. */
const amp_type *amp_model_find_type(const amp_model *model, int schema, const char *name);

/* The name of the const a value was bound to (e.g. "schema"), or NULL. */
const char *amp_model_binding_name(const amp_model *model, const amp_value *v);

/* The index in model->files of the file with this path, or -1. */
int amp_model_file_index(const amp_model *model, const char *path);

/* Counts for tests and summaries. */
size_t amp_model_count_types(const amp_model *model, amp_type_kind kind);

#endif
