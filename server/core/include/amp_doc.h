/*
 * amp_doc.h: a document = its text plus an incrementally maintained
 * tree-sitter tree.
 *
 * Every edit updates the text and the tree together (ts_tree_edit with the
 * exact byte offsets and points); amp_doc_reparse then reparses with the old
 * tree, so a keystroke costs work proportional to what changed. Several
 * edits may be applied before one reparse (one didChange with several
 * changes). Texts larger than the parse limit are kept but not parsed: their
 * tree is NULL and `too_large` says why.
 *
 * Texts that nest or chain too much are not parsed either (`too_complex`):
 * tree-sitter 0.20.7, Debian bookworm's libtree-sitter, keeps a node's
 * child count in 16 bits (a uint16_t in SubtreeHeapData; widened in 0.20.8,
 * upstream commit 67d13cf5). A node with 65,536 children or more gets a
 * truncated count, and releasing it frees a pointer inside its children
 * array: a crash during the parse or when the tree is deleted. Such nodes
 * come from a run of comments between two tokens (they all become children
 * of one node, the root for leading or trailing ones), and from error
 * recovery, which wraps the whole parse stack into one ERROR node at the
 * end of the file (70,000 unclosed `(`, `a=a=a=...`, `if(a)if(a)...`) or
 * merges adjacent errors into one. amp_doc_run_bound bounds all of them
 * from the text before tree-sitter sees it.
 *
 * The document never does I/O; the parser is borrowed from the caller (one
 * per server), because a TSParser is expensive and not shareable across
 * threads.
 */
#ifndef AMP_DOC_H
#define AMP_DOC_H

#include <stdbool.h>
#include <stdint.h>
#include <tree_sitter/api.h>

#include "amp_text.h"

typedef struct amp_doc {
    amp_text text;      /* owned */
    TSTree *tree;       /* owned; NULL before the first parse or when too large */
    bool tree_stale;    /* edits applied since the last parse */
    bool too_large;     /* text over the parse limit: no tree */
    bool too_complex;   /* a run over AMP_DOC_MAX_RUN (amp_doc_run_bound): no tree */
    uint32_t run_start; /* when too_complex: the bytes where the run passed the limit */
    uint32_t run_end;
    uint32_t parse_limit; /* bytes; larger texts are not parsed */
    int64_t version;      /* the editor's version, or -1 for files read from disk */
} amp_doc;

/* The tree-sitter TypeScript language (static; never freed). */
const TSLanguage *amp_typescript_language(void);

/* Returns an owned parser set to TypeScript (free with ts_parser_delete). */
TSParser *amp_parser_new(void);

/* Initialises doc with a copy of the bytes. Returns 0 or -1 (out of memory). */
int amp_doc_init(amp_doc *doc, const char *bytes, uint32_t len, int64_t version,
                 uint32_t parse_limit);

/* Frees what the document owns. */
void amp_doc_free(amp_doc *doc);

/* Replaces the whole text (a full-sync change). The tree is dropped, unless
 * the text is the same as before (then nothing changes). */
int amp_doc_set_text(amp_doc *doc, const char *bytes, uint32_t len);

/* Replaces bytes [start, end) with ins (clamped to the text) and edits the
 * tree to match. Returns 0 or -1 (out of memory; nothing changed). */
int amp_doc_edit(amp_doc *doc, uint32_t start, uint32_t end, const char *ins, uint32_t ins_len);

/* Brings the tree up to date with the text, reusing the old tree. A text
 * over the parse limit or over AMP_DOC_MAX_RUN is not parsed (tree NULL,
 * too_large or too_complex set). Returns 0, or -1 when the parse failed (the
 * tree is then NULL). */
int amp_doc_reparse(amp_doc *doc, TSParser *parser);

/* The longest run amp_doc_reparse lets tree-sitter parse: a quarter of the
 * 65,535 children a node can safely have, for the margin below. */
#define AMP_DOC_MAX_RUN 16384u

/* An upper bound, from the text alone, on the children one tree-sitter node
 * can get from it: a linear scan that counts "units" (a word, a punctuation
 * byte, a comment, a string's or a comment's pieces, a closed bracket
 * group) and keeps, per open bracket, the units since the last `,` or `;`
 * at that level (a `;` before `else` does not end an if-else chain). The
 * bound is the largest sum over the open levels, each open bracket counted
 * too. Strings, templates, comments and regular expressions (guessed from
 * the previous token) count their pieces as units and never close or reset
 * a level, so guessing them wrong only raises the bound. Tested against an
 * instrumented tree-sitter on crafted and random inputs: the largest node
 * never exceeded the bound by more than a production's length (10).
 *
 * Stops early once the bound exceeds limit, and then sets *at, *at_end to
 * the piece that passed it. A text of at most limit bytes never exceeds
 * it (every unit holds a byte). Returns the bound (at most limit + 1), or
 * UINT32_MAX when out of memory. */
uint32_t amp_doc_run_bound(const char *bytes, uint32_t len, uint32_t limit, uint32_t *at,
                           uint32_t *at_end);

/* Debug invariant: the text's line index is exact and the tree (if any)
 * spans exactly the text. Returns 0 when they hold, else -1. */
int amp_doc_check(const amp_doc *doc);

#endif
