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
    amp_text text;        /* owned */
    TSTree *tree;         /* owned; NULL before the first parse or when too large */
    bool tree_stale;      /* edits applied since the last parse */
    bool too_large;       /* text over the parse limit: no tree */
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

/* Brings the tree up to date with the text, reusing the old tree. Returns 0,
 * or -1 when the parse failed (the tree is then NULL). */
int amp_doc_reparse(amp_doc *doc, TSParser *parser);

/* Debug invariant: the text's line index is exact and the tree (if any)
 * spans exactly the text. Returns 0 when they hold, else -1. */
int amp_doc_check(const amp_doc *doc);

#endif
