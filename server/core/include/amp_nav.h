/*
 * amp_nav.h: navigation over one backend's semantic model.
 *
 * The occurrence index lists every definition and use of every model symbol
 * across the backend's files, strings included:
 *
 *   types      models, custom types, enums and custom operations. Defined by
 *              their a.schema key; used by relationship targets, a.ref(...)
 *              strings (fields, arguments, .returns, .for, handler
 *              dataSource, ai dataTool model/query), SQL renameModels names
 *              and `models.X` in setRelationships/setAuthorization.
 *   fields     defined by their key; used by relationship references (on the
 *              child model), .identifier([...]), secondary index partition
 *              and sort keys, and ownerDefinedIn/groupDefinedIn (and the
 *              plural forms) field strings.
 *   resources  every define* call. Defined by its const (or, without one,
 *              the call); used by every identifier that resolves to it
 *              (allow.resource(fn), a.handler.function(fn), triggers,
 *              lambdaAuthorizationMode, defineBackend values, imports ...),
 *              defineBackend keys, defineData `functions` keys and the
 *              strings of a.handler.function('key').
 *   groups     defined by the defineAuth `groups` strings; used by
 *              allow.group(s) strings in data and storage rules.
 *
 * Types and fields live in a schema's namespace: the schemas of one
 * a.combine share one. On top of the index: definition, references,
 * highlights, rename, document and workspace symbols, hover text, inlay
 * hints (implicit fields) and semantic tokens (names inside strings).
 *
 * Pure: no I/O, no JSON. Every place is a byte range in one of the model's
 * files (an amp_loc; for a string, the text inside the quotes); callers
 * convert to wire positions. Everything an index hands out (symbols,
 * occurrences, edits, labels, markdown) is borrowed from it until
 * amp_nav_index_delete; answers (edits, labels, markdown) only until
 * amp_nav_index_reset: the functions that build them take the index mutable
 * because they allocate them in its scratch arena.
 */
#ifndef AMP_NAV_H
#define AMP_NAV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "amp_arena.h"
#include "amp_model.h"
#include "amp_strmap.h"
#include "amp_text.h"

/* ---- the index ---------------------------------------------------------- */

typedef enum {
    AMP_SYM_TYPE,     /* a model, custom type, enum or custom operation */
    AMP_SYM_FIELD,    /* a field of a model or custom type, or an argument */
    AMP_SYM_RESOURCE, /* a define* resource (function, auth, data, storage ...) */
    AMP_SYM_GROUP,    /* a user-pool group */
} amp_sym_kind;

typedef struct amp_sym {
    amp_sym_kind kind;
    const char *name;
    const amp_type *type;   /* TYPE: the type; FIELD: the type holding the field */
    const amp_field *field; /* FIELD: the field */
    int resource;           /* RESOURCE: index into model->resources, else -1 */
    int space;              /* TYPE/FIELD: the schema namespace, else -1 */
    bool has_def;           /* false for a group no defineAuth declares */
    amp_loc def;            /* the name at the definition */
    amp_loc def_full;       /* the whole definition (holds def) */
} amp_sym;

enum {
    AMP_OCC_DEF = 1u << 0,       /* the definition */
    AMP_OCC_STRING = 1u << 1,    /* inside a string literal */
    AMP_OCC_RENAMABLE = 1u << 2, /* its text is the symbol's name: rename rewrites it */
    AMP_OCC_SHORTHAND = 1u << 3, /* a shorthand property `{ Post }`: rename writes `New: Post` */
    AMP_OCC_NAMING = 1u << 4,    /* names the symbol without being its definition
                                    (the new name of a SQL renameModels pair) */
};

typedef struct amp_occ {
    uint32_t sym;   /* index into syms */
    unsigned flags; /* AMP_OCC_* */
    amp_loc loc;    /* the name; for a string, its content */
} amp_occ;

/* A string that names a file: defineFunction `entry`, a.handler.custom
 * `entry`, a.handler.sqlReference. */
typedef struct amp_nav_link {
    amp_loc loc;      /* the string's content */
    const char *path; /* the path it names, resolved against the file holding the call */
} amp_nav_link;

typedef struct amp_nav_index {
    const amp_model *model;       /* borrowed */
    const amp_text *const *texts; /* borrowed: texts[i] is the text of model->files[i] */
    amp_sym *syms; /* owned (malloc): sym_count of sym_cap */
    size_t sym_count, sym_cap;
    amp_occ *occs; /* owned (malloc), sorted by file, then start: occ_count of occ_cap */
    size_t occ_count, occ_cap;
    amp_arena arena; /* owns everything below */
    amp_nav_link *links;
    size_t link_count;
    /* Lookups (type by namespace and name, field by type and name, group
     * by name): open addressing over the symbols, by a hash of kind, scope
     * and name; a slot holds the hash and its symbol + 1 (0: empty). */
    struct amp_nav_name *names; /* owned (malloc), name_cap slots, a power of two */
    size_t name_cap, name_count;
    int *resource_syms; /* the symbol of each of model->resources */
    amp_arena scratch;  /* owns the answers (edits, labels, markdown) until amp_nav_index_reset */
} amp_nav_index;

/* Builds the index of model m, whose files have the texts texts (both
 * borrowed for the index's life). Returns an owned index (free with
 * amp_nav_index_delete), or NULL when out of memory. */
amp_nav_index *amp_nav_index_build(const amp_model *m, const amp_text *const *texts);

/* Frees the index. Accepts NULL. */
void amp_nav_index_delete(amp_nav_index *ix);

/* Frees the answers earlier requests built (everything borrowed from
 * ix->scratch), so that one index can serve request after request while the
 * model it indexes stays the same. Accepts NULL. */
void amp_nav_index_reset(amp_nav_index *ix);

/* The narrowest occurrence in file that holds offset (its end included; for
 * a string, its opening quote too), or NULL. */
const amp_occ *amp_nav_occ_at(const amp_nav_index *ix, uint32_t file, uint32_t offset);

/* The file link holding offset, or NULL. */
const amp_nav_link *amp_nav_link_at(const amp_nav_index *ix, uint32_t file, uint32_t offset);

/* The short word for a symbol: "model", "custom type", "enum", "query",
 * "field", "function", "group" ... (static). */
const char *amp_nav_sym_word(const amp_nav_index *ix, const amp_sym *sym);

/* ---- definition and rename --------------------------------------------- */

typedef struct amp_nav_target {
    bool is_file;      /* a file link: path names the file, the ranges are empty */
    const char *path;  /* is_file: the file */
    amp_loc origin;    /* what the cursor was on */
    amp_loc range;     /* !is_file: the whole definition */
    amp_loc selection; /* !is_file: its name */
} amp_nav_target;

/* The definition of what is at offset of file. Returns true and fills out,
 * or false when there is nothing to go to. */
bool amp_nav_definition(const amp_nav_index *ix, uint32_t file, uint32_t offset,
                        amp_nav_target *out);

typedef struct amp_nav_edit {
    amp_loc loc;
    const char *text;
} amp_nav_edit;

/* Whether the symbol at offset can be renamed. Returns 0 with the range to
 * rename and the current name (placeholder); 1 when nothing amplify-ls
 * renames is there (functions are the TypeScript server's); -1 when the
 * symbol there cannot be renamed, with the reason in err. */
int amp_nav_prepare_rename(const amp_nav_index *ix, uint32_t file, uint32_t offset, amp_loc *range,
                           const char **placeholder, char *err, size_t err_size);

/* Renames the symbol at offset to new_name. Returns 0 with the edits (in
 * file and position order; empty when the name does not change), 1 when
 * there is nothing to rename there, -1 when the new name is refused
 * (invalid, reserved or already taken) or the symbol cannot be renamed,
 * with the reason in err. */
int amp_nav_rename(amp_nav_index *ix, uint32_t file, uint32_t offset, const char *new_name,
                   amp_nav_edit **edits, size_t *count, char *err, size_t err_size);

/* ---- symbols ------------------------------------------------------------- */

/* LSP SymbolKind values. */
typedef enum {
    AMP_SK_MODULE = 2,
    AMP_SK_NAMESPACE = 3,
    AMP_SK_CLASS = 5,
    AMP_SK_METHOD = 6,
    AMP_SK_PROPERTY = 7,
    AMP_SK_FIELD = 8,
    AMP_SK_ENUM = 10,
    AMP_SK_FUNCTION = 12,
    AMP_SK_VARIABLE = 13,
    AMP_SK_CONSTANT = 14,
    AMP_SK_KEY = 20,
    AMP_SK_ENUM_MEMBER = 22,
    AMP_SK_STRUCT = 23,
    AMP_SK_EVENT = 24,
} amp_symbol_kind;

typedef struct amp_nav_docsym {
    const char *name;
    const char *detail; /* may be NULL */
    amp_symbol_kind kind;
    amp_loc range;         /* the whole element */
    amp_loc selection;     /* its name (inside range) */
    int parent;            /* document symbols: the enclosing symbol's index, or -1 */
    const char *container; /* the enclosing symbol's name (a field's type ...), or NULL */
} amp_nav_docsym;

/* The symbols of file, parents before their children, each level in source
 * order. Returns an array borrowed from the index (count in *count; NULL
 * when empty). */
amp_nav_docsym *amp_nav_document_symbols(amp_nav_index *ix, uint32_t file, size_t *count);

/* The backend's types, fields and resources whose name matches query (see
 * amp_nav_query_matches), with their containers (a field's type); parent is
 * -1. Borrowed from the index. */
amp_nav_docsym *amp_nav_workspace_symbols(amp_nav_index *ix, const char *query, size_t *count);

/* True when the characters of query appear in name in order, ignoring ASCII
 * case (an empty query matches everything). */
bool amp_nav_query_matches(const char *query, const char *name);

/* ---- hover, inlay hints, semantic tokens ------------------------------- */

/* Markdown describing the model symbol at offset (a model, type, field,
 * reference field, function or other resource, group, storage path), with
 * the range it describes in *range; NULL when there is none. */
const char *amp_nav_hover(amp_nav_index *ix, uint32_t file, uint32_t offset, amp_loc *range);

typedef struct amp_nav_hint {
    uint32_t offset;   /* where the hint goes (after a model's field list) */
    const char *label; /* e.g. "id: ID!, createdAt: AWSDateTime!, ..." */
    const char *tooltip;
} amp_nav_hint;

/* Hints for the fields Amplify adds to each model implicitly (id,
 * createdAt, updatedAt, owner and other fields its rules imply), for the
 * models whose field list ends in [start, end] of file. Borrowed. */
amp_nav_hint *amp_nav_inlay_hints(amp_nav_index *ix, uint32_t file, uint32_t start, uint32_t end,
                                  size_t *count);

/* The semantic token legend (standard LSP names). */
enum {
    AMP_TOK_TYPE,
    AMP_TOK_STRUCT,
    AMP_TOK_ENUM,
    AMP_TOK_FUNCTION,
    AMP_TOK_PROPERTY,
    AMP_TOK_COUNT
};
enum { AMP_TOKMOD_DECLARATION = 1u << 0 };
/* The names of the token types (AMP_TOK_COUNT) and modifiers (1), static. */
const char *amp_nav_token_type_name(unsigned type);
const char *amp_nav_token_modifier_name(unsigned bit);

typedef struct amp_nav_token {
    uint32_t start, end; /* bytes, on one line */
    unsigned type;       /* AMP_TOK_* */
    unsigned modifiers;  /* AMP_TOKMOD_* */
} amp_nav_token;

/* Tokens for the model, type and field names inside the string literals of
 * file, in source order, none overlapping. Borrowed. */
amp_nav_token *amp_nav_semantic_tokens(amp_nav_index *ix, uint32_t file, size_t *count);

#endif
