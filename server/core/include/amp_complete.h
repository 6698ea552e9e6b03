/*
 * amp_complete.h: what to complete, hover and signature-help at a byte
 * offset of a backend file. Pure: text and model in, answers out (no JSON,
 * no I/O); server/lsp/feat_completion.c turns them into LSP messages.
 *
 * The context engine reads the text itself, not only the tree: a file being
 * typed is usually broken (an unterminated string, a missing parenthesis),
 * and tree-sitter's error recovery then moves the enclosing call into an
 * ERROR node. A small TypeScript lexer walks the text up to the cursor
 * keeping a stack of open brackets; each bracket remembers the expression
 * before it (`a.model({...}).identifier`), its argument index, the keys of
 * an object literal and the parameters of arrow functions. The catalogue
 * (amp_catalog.h) types those expressions (`allow` in `.authorization` of a
 * model is AllowModel; `.to` of `allow.owner()` takes the owner operations),
 * the backend's model supplies the names (models of every schema of the
 * backend, fields, groups, functions, resources).
 *
 * Offsets are UTF-8 byte offsets into the text; the caller converts them to
 * wire positions with the session's encoding.
 */
#ifndef AMP_COMPLETE_H
#define AMP_COMPLETE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "amp_arena.h"
#include "amp_catalog.h"
#include "amp_doc.h"
#include "amp_model.h"
#include "amp_text.h"

/* What an item is; the LSP layer maps these to CompletionItemKind. */
typedef enum {
    AMP_CI_METHOD,
    AMP_CI_FUNCTION,
    AMP_CI_PROPERTY,
    AMP_CI_NAMESPACE,
    AMP_CI_OPTION, /* a key of an options object */
    AMP_CI_VALUE,  /* a literal of a closed set */
    AMP_CI_MODEL,
    AMP_CI_ENUM,
    AMP_CI_TYPE,      /* custom type */
    AMP_CI_OPERATION, /* custom query / mutation / subscription */
    AMP_CI_FIELD,
    AMP_CI_GROUP,
    AMP_CI_RESOURCE, /* a define* result: function, auth, data, storage */
} amp_citem_kind;

/* One completion item. Strings are borrowed from the completion's arena or
 * from the catalogue, valid until amp_completion_free. */
typedef struct amp_citem {
    const char *label;
    amp_citem_kind kind;
    const char *detail;         /* one line: a signature, a type or where it is from; or NULL */
    const char *doc;            /* markdown, or NULL (see entry) */
    const amp_cat_entry *entry; /* the catalogue entry described, or NULL */
    const char *insert;         /* plain text that replaces [start, end) */
    const char *snippet;        /* the same as a snippet, or NULL (only with env.snippets) */
    const char *filter;         /* filter text when it differs from the label, or NULL */
    const char *sort;           /* sort text */
    bool deprecated;
    /* A schema type whose description resolve adds (amp_type_markdown), or NULL. */
    const char *resolve_type;
    /* An import to add for the item (NULL: none): `text` inserted at byte
     * offset `import_at`. */
    const char *import_text;
    uint32_t import_at;
} amp_citem;

/* The answer of amp_complete. */
typedef struct amp_completion {
    amp_arena arena; /* owns the items and their strings */
    amp_citem *items;
    size_t count;
    uint32_t start, end; /* the byte range every item replaces */
    const char *context; /* the context found, for logs and tests ("member", "key", ...) */
} amp_completion;

/* Gives the backend's model on demand (NULL when there is none); called at
 * most once per request, only when names from the model are needed. */
typedef const amp_model *(*amp_model_fn)(void *ctx);

/* What a request reads. Everything is borrowed for the call. */
typedef struct amp_feature_env {
    const amp_text *text; /* the file's current text */
    const char *path;     /* the file's key (as in amp_model.files), or NULL */
    amp_model_fn model;   /* may be NULL: no model names */
    void *model_ctx;
    bool snippets; /* the client accepts snippets */
    /* The parsed document of text, or NULL. With a current tree, requests
     * read only the import statements and the top-level statement holding
     * the offset (when no ERROR node precedes it at the top level). */
    const amp_doc *doc;
} amp_feature_env;

/* Computes the completion at offset (clamped to the text) into *out, which
 * the caller frees with amp_completion_free. Returns the number of items (0:
 * not an Amplify context, or nothing to offer), or -1 when out of memory. */
int amp_complete(const amp_feature_env *env, uint32_t offset, amp_completion *out);

/* Frees what the completion owns (accepts a zeroed struct). */
void amp_completion_free(amp_completion *c);

/* The most items a completion answer carries (amp_completion_narrow). */
#define AMP_COMPLETION_MAX 200

/* Narrows a long list for the wire: when c has more than max items, keeps
 * those whose filter text (or label) holds what was typed of the word
 * (text[c->start, offset)) as a case-insensitive subsequence, and of those
 * the first max by sort text. Editors filter at least that strictly, so
 * only items past max are lost. Returns true when items were dropped: the
 * answer is then incomplete, and the client asks again as the user types. */
bool amp_completion_narrow(amp_completion *c, const amp_text *text, uint32_t offset, size_t max);

/* The full markdown documentation of a catalogue entry: signature, doc,
 * allowed values, default, range, example, version and docs link. Owned
 * string (free with free), or NULL when e is NULL or out of memory. */
char *amp_cat_markdown(const amp_cat_entry *e);

/* The markdown description of the schema type `name` (a model, custom type,
 * enum or operation: its fields or values) for completionItem/resolve; the
 * schemas file `path` can name come first. Owned string (free with free), or
 * NULL when the model has no such type. */
char *amp_type_markdown(const amp_model *m, const char *path, const char *name);

/* ---- hover --------------------------------------------------------------- */

typedef struct amp_hover {
    char *markdown;      /* owned (free with free), or NULL */
    uint32_t start, end; /* the hovered token */
} amp_hover;

/* The token at offset when it may carry a hover: an identifier or a string
 * literal (quotes included). Returns true and its range, else false. */
bool amp_hover_token(const amp_text *text, uint32_t offset, uint32_t *start, uint32_t *end);

/* The catalogue hover at offset: a define* call, an a.* / allow.* member, an
 * option key, a documented literal, or a callback parameter. Returns true
 * with out filled (out->markdown owned), false when there is nothing. */
bool amp_hover_at(const amp_feature_env *env, uint32_t offset, amp_hover *out);

/* ---- signature help ------------------------------------------------------ */

typedef struct amp_sighelp {
    const amp_cat_entry *entry; /* the callee: a function, method or callable type */
    size_t active_param;        /* top-level commas before the cursor in its arguments */
    size_t active_signature;    /* 0: the primary signature; i: overload i - 1 */
} amp_sighelp;

/* The innermost call around offset whose callee the catalogue knows (its
 * arguments contain the offset). Returns true with out filled. */
bool amp_signature_at(const amp_feature_env *env, uint32_t offset, amp_sighelp *out);

/* The byte range of parameter `name` inside a signature label (the first
 * whole-word occurrence after the first '('). Returns true when found. */
bool amp_signature_param_range(const char *signature, const char *name, uint32_t *start,
                               uint32_t *end);

#endif
