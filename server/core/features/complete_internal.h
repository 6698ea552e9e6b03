/*
 * complete_internal.h: the context engine shared by completion, hover and
 * signature help (see amp_complete.h).
 *
 *   complete_lex.c    a TypeScript lexer (strings, templates, comments, regex)
 *   complete_scan.c   the bracket stack: frames, expressions, keys, arrows
 *   complete_type.c   typing expressions and argument slots with the catalogue
 *   complete_doc.c    markdown documentation, type summaries, snippets
 *   complete_model.c  names from the backend's model
 *   complete.c        the completion entry point and catalogue items
 *   hover.c, signature.c
 *
 * Everything a request allocates lives in one arena freed at its end.
 */
#ifndef AMP_COMPLETE_INTERNAL_H
#define AMP_COMPLETE_INTERNAL_H

#include <stdarg.h>

#include "amp_complete.h"
#include "amp_strmap.h"

/* ---- lexer --------------------------------------------------------------- */

typedef enum {
    CX_TK_EOF,
    CX_TK_IDENT,    /* identifiers and keywords */
    CX_TK_STRING,   /* '...' or "..." (unterminated ones end at the line end) */
    CX_TK_TEMPLATE, /* a piece of a template literal */
    CX_TK_NUMBER,
    CX_TK_REGEX,
    CX_TK_COMMENT,
    CX_TK_PUNCT,
} cx_tk_kind;

/* Punctuator codes beyond single characters. */
enum {
    CX_P_ARROW = 'A',  /* => */
    CX_P_SPREAD = 'S', /* ... */
    CX_P_OP = 'o',     /* any other operator */
    CX_P_TOPEN = '$',  /* ${ inside a template */
    CX_P_TCLOSE = '%', /* the } closing a template expression */
};

typedef struct cx_tok {
    cx_tk_kind kind;
    char p;              /* PUNCT: the character or a CX_P_ code */
    bool unterminated;   /* STRING, TEMPLATE, COMMENT, REGEX */
    uint32_t start, end; /* bytes [start, end) */
} cx_tok;

#define CX_TMPL_MAX 32

typedef struct cx_lexer {
    const char *s;
    uint32_t len, pos;
    uint32_t braces;            /* open { (not template ones) */
    uint32_t tmpl[CX_TMPL_MAX]; /* brace depth at each open ${ */
    int tmpl_top;
    bool in_template; /* resume a template after a ${ } */
    cx_tok prev;      /* the last token that was not a comment */
} cx_lexer;

void cx_lex_init(cx_lexer *lx, const char *s, uint32_t len);
/* The next token; kind CX_TK_EOF at the end. */
cx_tok cx_lex_next(cx_lexer *lx);
/* True when the identifier token t spells word. */
bool cx_tok_is(const char *s, const cx_tok *t, const char *word);

/* ---- frames -------------------------------------------------------------- */

typedef enum {
    CX_SEG_IDENT,  /* a name starting the expression */
    CX_SEG_MEMBER, /* .name */
    CX_SEG_CALL,   /* (...) */
    CX_SEG_INDEX,  /* [...] */
    CX_SEG_GROUP,  /* a parenthesised group without callee: (x) */
    CX_SEG_VALUE,  /* a literal, object or array: ends typing */
} cx_seg_kind;

typedef struct cx_frame cx_frame;

typedef struct cx_seg {
    cx_seg_kind kind;
    uint32_t start, end; /* the name; CALL/INDEX/GROUP: the brackets */
    cx_frame *args;      /* CALL/GROUP/INDEX: the frame of the brackets */
} cx_seg;

typedef struct cx_chain {
    cx_seg *segs;
    uint32_t len, cap;
    bool dot; /* a '.' follows the last segment */
} cx_chain;

/* A member of an object literal. */
typedef struct cx_member {
    uint32_t key_start, key_end; /* the key text (quotes stripped) */
    cx_chain value;              /* the value expression as far as read (CX_SCAN_VALUES) */
    cx_frame *value_frame;       /* the first bracket frame of the value, or NULL */
} cx_member;

/* A string literal read at a frame's top level. */
typedef struct cx_strlit {
    uint32_t start, end; /* the contents (quotes stripped) */
    uint32_t arg;        /* the frame's argument index when read */
} cx_strlit;

/* A parameter of an arrow function, in scope in its frame until the arrow
 * expression ends (a comma of the frame or its close). */
typedef struct cx_param {
    uint32_t start, end;         /* the name */
    uint32_t index;              /* position among the arrow's parameters */
    uint32_t arg;                /* the frame's argument index at the arrow */
    uint32_t key_start, key_end; /* object frames: the key whose value is the arrow */
    bool active;
} cx_param;

typedef enum { CX_KEY, CX_KEY_SEEN, CX_VALUE } cx_kstate;

/* What a position accepts: a parameter of a callable (owner, param), an
 * option (owner, param -1), or an element of either (item). */
typedef struct cx_slot {
    const amp_cat_entry *owner;
    int param;
    const amp_cat_value *value;
    bool item;
    bool known; /* the position was typed */
} cx_slot;

struct cx_frame {
    char open;           /* '(' '[' '{' '$' (template expression), 0: the file */
    bool block;          /* '{' of a body or block, not an object literal */
    bool index;          /* '[' of an element access */
    uint32_t start, end; /* the brackets; end is UINT32_MAX while open */
    cx_frame *parent;
    cx_chain callee;                       /* '(': the expression called (empty for a group) */
    cx_chain cur;                          /* the expression being read at top level */
    uint32_t arg;                          /* top-level commas so far */
    uint32_t open_arg;                     /* the parent's argument index when this frame opened */
    uint32_t open_key_start, open_key_end; /* the parent's pending key, if any */
    bool open_in_value;                    /* the parent was an object reading a value */
    cx_kstate kstate;                      /* object literals */
    uint32_t key_start, key_end;
    cx_member *members;
    uint32_t member_count, member_cap;
    cx_strlit *strings;
    uint32_t string_count, string_cap;
    cx_param *params;
    uint32_t param_count, param_cap;
    uint32_t *idents; /* groups: the first name of each comma part */
    uint32_t ident_count, ident_cap;
    bool ident_pending;    /* groups: the current part has no name yet */
    cx_frame *first_child; /* the first bracket frame opened inside */
    bool open_object;      /* an object literal had a spread */
    cx_frame *value_frame; /* objects: the first frame of the value being read */
    int32_t key_col;       /* objects: column of the first key when it starts a line, or -1 */
    /* memo for cx_frame_slot */
    bool slot_done;
    cx_slot slot;
};

/* An import specifier: `import { name as local } from 'module'`. */
typedef struct cx_import {
    uint32_t local_start, local_end;
    uint32_t name_start, name_end;
    uint32_t module_start, module_end; /* the module string's contents */
    bool amplify;                      /* from an @aws-amplify/ package */
} cx_import;

/* The state at the cursor. */
typedef struct cx_cursor {
    bool reached;
    cx_frame *frame;  /* the innermost open frame */
    cx_chain chain;   /* the frame's expression before the cursor (a copy) */
    cx_tok word;      /* the identifier holding the cursor (kind EOF: none) */
    cx_tok str;       /* the string literal holding the cursor (kind EOF: none) */
    cx_tok prev;      /* the last token before the word (kind EOF: none) */
    bool in_comment;  /* or in a number, regex or template */
    cx_kstate kstate; /* the frame's key state */
    uint32_t key_start, key_end;
    uint32_t arg; /* the frame's argument index */
} cx_cursor;

typedef struct cx_import_state {
    int state;                     /* 0 idle, 1 clause, 2 braces, 3 module */
    uint32_t first;                /* index of the statement's first import */
    uint32_t name_start, name_end; /* a name read in braces, waiting for `as` or `,` */
    bool has_name, after_as;
} cx_import_state;

#define CX_MAX_DEPTH 400

typedef struct cx_scan {
    amp_arena *arena;
    const amp_feature_env *env;
    const char *s;
    uint32_t len;
    uint32_t offset; /* the cursor */
    bool hover;      /* CX_SCAN_HOVER */
    bool values;     /* CX_SCAN_VALUES */
    cx_lexer lx;
    cx_frame *root;
    cx_frame *top;
    uint32_t depth, overflow; /* open frames; brackets ignored past CX_MAX_DEPTH */
    cx_tok prev;              /* the previous significant token */
    cx_tok held;              /* the token at the cursor, not yet stepped */
    bool has_held;
    cx_cursor at;
    cx_import_state imp;
    cx_import *imports;
    uint32_t import_count, import_cap;
    uint32_t last_import_end; /* the end of the last import statement's line, or 0 */
    uint32_t double_quotes, single_quotes;
    cx_frame **schemas; /* the types objects of `.schema({ ... })` calls, in order */
    uint32_t schema_count, schema_cap;
    bool oom;
    /* the model, fetched once */
    bool model_done;
    const amp_model *model;
    struct cx_scan *full; /* a scan of the whole text (see cx_scan_full), or NULL */
} cx_scan;

enum {
    /* The token holding the byte at offset is the cursor's (its first byte
     * included); without it the cursor sits between bytes, as in completion. */
    CX_SCAN_HOVER = 1,
    /* Object members keep their value expressions (cx_member.value). */
    CX_SCAN_VALUES = 2,
};

/* Scans env->text up to offset (clamped) and fills sc->at (flags: CX_SCAN_*).
 * Returns 0, or -1 when out of memory. */
int cx_scan_run(cx_scan *sc, amp_arena *arena, const amp_feature_env *env, uint32_t offset,
                unsigned flags);
/* Continues the scan until the cursor's frame closes (or the text ends), so
 * the frame's keys and strings after the cursor are known too. */
void cx_scan_finish(cx_scan *sc);
/* A second scan of sc's whole text (made once, in sc's arena), whose
 * frames are all closed: the schema literals with every member, also after
 * the cursor. NULL when out of memory. */
cx_scan *cx_scan_full(cx_scan *sc);
/* The text of [start, end) as an arena string. */
const char *cx_str(cx_scan *sc, uint32_t start, uint32_t end);
/* True when [start, end) of the text spells word. */
bool cx_text_is(const cx_scan *sc, uint32_t start, uint32_t end, const char *word);
/* The model (fetched on first use), or NULL. */
const amp_model *cx_model(cx_scan *sc);
/* Appends to an arena array (count/cap in elements); the new slot or NULL. */
void *cx_push(cx_scan *sc, void **array, uint32_t *count, uint32_t *cap, size_t size);

/* ---- typing -------------------------------------------------------------- */

#define CX_REMOVED_MAX 24

/* The type of an expression. */
typedef struct cx_type {
    bool ok;
    const amp_cat_entry *entry; /* the last member named (function, method, property) */
    const amp_cat_entry *type;  /* the type or namespace whose members follow, or NULL */
    const amp_cat_entry *root;  /* the builder function that started the chain (a.string) */
    const char *removed[CX_REMOVED_MAX]; /* members taken away by chain typing */
    size_t removed_count;
    const cx_param *param; /* the chain starts with this arrow parameter */
} cx_type;

/* Types chain read in frame scope (names resolve through the parameters of
 * the arrows around it, Amplify imports and the catalogue's top level). */
cx_type cx_resolve(cx_scan *sc, cx_frame *scope, const cx_chain *chain);
/* The type of a callback parameter declared in frame f. */
const amp_cat_entry *cx_param_type(cx_scan *sc, cx_frame *f, const cx_param *p);
/* The callable a call frame's callee names, or NULL. */
const amp_cat_entry *cx_callee(cx_scan *sc, cx_frame *f, cx_type *type);
/* What frame f's contents are (objects: the object; arrays: the elements). */
cx_slot cx_frame_slot(cx_scan *sc, cx_frame *f);
/* What a position of frame f accepts: argument arg, or in an object the
 * value of the key [key_start, key_end). */
cx_slot cx_position_slot(cx_scan *sc, cx_frame *f, uint32_t arg, bool in_value, uint32_t key_start,
                         uint32_t key_end);
/* The catalogue entry of object key `key` in an object slot, or NULL. */
const amp_cat_entry *cx_key_entry(const cx_slot *obj, const char *key);
/* True when a member of type parent may be offered in the contexts around
 * the cursor (catalogue contexts). */
bool cx_context_allows(cx_scan *sc, cx_frame *f, const amp_cat_entry *parent,
                       const amp_cat_entry *member);
/* True when member is still offered after the chain typing of t. */
bool cx_member_allowed(const cx_type *t, const amp_cat_entry *member);
/* The parameter of callable e at argument index arg (rest parameters
 * repeat), or NULL. */
const amp_cat_param *cx_param_at(const amp_cat_entry *e, uint32_t arg);

/* ---- special slots ------------------------------------------------------- */

typedef enum {
    CX_SP_NONE,
    CX_SP_MODELS,     /* a.hasMany / hasOne / belongsTo: the related model */
    CX_SP_REFERENCES, /* their reference fields */
    CX_SP_REF_TARGET, /* a.ref */
    CX_SP_ID_FIELDS,  /* .identifier([...]) */
    CX_SP_INDEX_PK,   /* index('...') */
    CX_SP_SORT_KEYS,  /* .sortKeys([...]) */
    CX_SP_GROUPS,     /* allow.groups / allow.group / storage groups */
    CX_SP_FUNCTIONS,  /* a defineFunction result */
    CX_SP_RESOURCES,  /* defineBackend({ ... }) */
} cx_special;

cx_special cx_slot_special(const cx_slot *slot);

/* ---- documentation and snippets ------------------------------------------ */

/* A growable string (malloc'd). */
typedef struct cx_buf {
    char *s;
    size_t len, cap;
    bool oom;
} cx_buf;

void cx_buf_add(cx_buf *b, const char *s);
void cx_buf_addn(cx_buf *b, const char *s, size_t n);
void cx_buf_printf(cx_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Returns the owned string (or NULL when out of memory) and resets b. */
char *cx_buf_take(cx_buf *b);

/* A one-line summary of what a value accepts ("'OFF' | 'OPTIONAL'", "integer
 * 1..900", "object"). Arena string. */
const char *cx_value_summary(cx_scan *sc, const amp_cat_value *v);
/* The snippet and plain texts inserting key `name: <value>` for an option. */
const char *cx_key_snippet(cx_scan *sc, const char *name, const amp_cat_entry *option, char quote);
/* A short detail line for an entry (its signature, or its value summary). */
const char *cx_entry_detail(cx_scan *sc, const amp_cat_entry *e);
/* The documentation a completion item carries inline: the entry's doc
 * (completionItem/resolve adds signature, values, example and links). */
const char *cx_item_doc(const amp_cat_entry *e);

/* ---- items --------------------------------------------------------------- */

typedef struct cx_items {
    cx_scan *sc;
    amp_completion *out;
    size_t cap;
    amp_strmap labels; /* the labels offered (owned keys) */
    char quote;        /* quote for string values outside a string */
    bool quoted;       /* insert string values with quotes */
    bool in_array;     /* ... inside an array literal: the argument takes an array */
} cx_items;

/* Appends an item (label copied into the arena); returns it or NULL. */
amp_citem *cx_item(cx_items *it, const char *label, amp_citem_kind kind, int rank);
/* True when an item with this label exists already. */
bool cx_has_item(const cx_items *it, const char *label);
/* A string value item: quoted when it->quoted. */
amp_citem *cx_value_item(cx_items *it, const char *literal, amp_citem_kind kind, int rank);
/* True when the string literal text appears in frame f (already listed). */
bool cx_frame_lists(cx_scan *sc, cx_frame *f, const char *text);

/* complete_model.c: items from the backend's model for a special slot.
 * f is the frame holding the cursor. */
void cx_model_items(cx_items *it, cx_special sp, const cx_slot *slot, cx_frame *f);
/* Resources imported into the file, offered as defineBackend keys (obj:
 * the object literal, whose keys are left out; NULL: as values). */
void cx_resource_key_items(cx_items *it, cx_frame *obj);

#endif
