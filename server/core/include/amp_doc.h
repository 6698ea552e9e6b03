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
 * from the text before tree-sitter sees it, except one: error recovery that
 * keeps failing over a long region with no lexical sign of trouble (`class`
 * followed by 80,000 tokens of soup with a `;` every few tokens) merges its
 * errors into one ERROR node across the separators. For that one the parse
 * itself is watched (the "error watch" in doc.c): through tree-sitter's
 * logger, a parse is cancelled once one error region has taken
 * AMP_DOC_WATCH_ERROR_TOKENS tokens, and the text is then `too_complex`.
 * The logger makes a parse about 2.5 times slower, so the watch runs only
 * when the text may hold that many tokens and no clean tree is reused (a
 * first parse, a tree with errors, or a paste since the last parse), and
 * even then the logger is off until tree-sitter first lexes in error
 * recovery: each parser has its own copy of the language whose external
 * scanner reports that (lang_hook.h). An episode begins with such a lex
 * within a few tokens of its first error (at most 16 tokens on random
 * soups); the watch then counts it as AMP_DOC_WATCH_LATE tokens old. A
 * valid file is parsed at full speed.
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

/* One edit of the change log: bytes [start, old_end) of the text named by
 * `before` became bytes [start, new_end) of the text named by `after`. */
typedef struct amp_doc_change {
    uint64_t before, after;
    uint32_t start, old_end, new_end;
} amp_doc_change;

/* How many of the last edits a document keeps (amp_doc_changed_since). */
#define AMP_DOC_CHANGE_LOG 16

typedef struct amp_doc {
    amp_text text;      /* owned */
    TSTree *tree;       /* owned; NULL before the first parse or when too large */
    bool tree_stale;    /* edits applied since the last parse */
    bool too_large;     /* text over the parse limit: no tree */
    bool too_complex;   /* a run over AMP_DOC_MAX_RUN (amp_doc_run_bound): no tree */
    bool error_region;  /* too_complex because the error watch stopped the parse */
    bool watch_logged;  /* the last parse was watched and met error recovery (tests, logs) */
    uint32_t run_start; /* when too_complex: the bytes where the run passed the limit */
    uint32_t run_end;
    uint32_t tokens;      /* the last parse's token bound (0 for texts of at most AMP_DOC_MAX_RUN) */
    uint32_t run_bound;   /* the last parse's run bound (amp_doc_run_bound), or 0 as for tokens */
    uint32_t slack;       /* bytes typed since then by edits that keep the lexing (see below), or
                           * UINT32_MAX when an edit may have changed it */
    uint32_t scans;       /* full run-bound scans so far (tests and logs) */
    uint32_t inserted;    /* bytes inserted by edits since the last parse */
    uint32_t parse_limit; /* bytes; larger texts are not parsed */
    int64_t version;      /* the editor's version, or -1 for files read from disk */
    /* Names the text (never 0): a hash of the text it started from, then
     * of each edit in turn, so two documents with the same gen hold the
     * same text (unless 64-bit hashes collide). */
    uint64_t gen;
    amp_doc_change changes[AMP_DOC_CHANGE_LOG]; /* the last edits, changes[k % LOG] the k-th */
    uint32_t change_count;                      /* edits logged since gen was last reset */
} amp_doc;

/* The tree-sitter TypeScript language (static; never freed). */
const TSLanguage *amp_typescript_language(void);

/* Returns an owned parser set to its own copy of TypeScript (see the
 * error watch below); free it with amp_parser_delete once no tree it made
 * is left (a tree refers to the parser's language). */
TSParser *amp_parser_new(void);
void amp_parser_delete(TSParser *parser);

/* Initialises doc with a copy of the bytes. Returns 0 or -1 (out of memory). */
int amp_doc_init(amp_doc *doc, const char *bytes, uint32_t len, int64_t version,
                 uint32_t parse_limit);

/* Frees what the document owns. */
void amp_doc_free(amp_doc *doc);

/* Replaces the whole text (a full-sync change). The tree is dropped, unless
 * the text is the same as before (then nothing changes). */
int amp_doc_set_text(amp_doc *doc, const char *bytes, uint32_t len);

/* Replaces bytes [start, end) with ins (clamped to the text) and edits the
 * tree to match. Returns 0 or -1 (out of memory; nothing changed).
 *
 * Typing keeps the lexing: an edit that removes and inserts only letters,
 * digits, '_', spaces and tabs, between characters that cannot join with
 * them into another token (not / * \ $ ` ' " on either side, past the
 * letters and blanks next to the edit, nor a ';' before, which a following
 * `else` turns from a separator into a token), only splits, joins,
 * lengthens or shortens words. The run bound and the token bound then grow by at most
 * one per inserted byte, so amp_doc_reparse adds the typed bytes to the
 * last bounds instead of scanning the whole text again (a 50,000-line file
 * costs what a small one does), as long as the sum stays under
 * AMP_DOC_MAX_RUN. test_parse_guard checks the bounds on random edits. */
int amp_doc_edit(amp_doc *doc, uint32_t start, uint32_t end, const char *ins, uint32_t ins_len);

/* What changed since the text named gen (an earlier doc->gen): true, with
 * *start, *old_end and *new_end, when the log reaches back to it: bytes
 * [*start, *old_end) of that text are now bytes [*start, *new_end), and
 * every byte around them is the same (at the same offset before, shifted
 * by *new_end - *old_end after); when gen is the current text, true with
 * an empty change at the end of the text. False when the log holds no
 * path from gen (more than AMP_DOC_CHANGE_LOG edits since, the text set
 * whole, or another text). */
bool amp_doc_changed_since(const amp_doc *doc, uint64_t gen, uint32_t *start, uint32_t *old_end,
                           uint32_t *new_end);

/* Brings the tree up to date with the text, reusing the old tree. A text
 * over the parse limit or over AMP_DOC_MAX_RUN is not parsed (tree NULL,
 * too_large or too_complex set). Returns 0, or -1 when the parse failed (the
 * tree is then NULL). */
int amp_doc_reparse(amp_doc *doc, TSParser *parser);

/* A fresh parse (no old tree) of a text amp_doc_reparse has parsed, with the
 * error watch when the text needs it; NULL when the document has no tree or
 * the watch stopped the parse. The caller owns the tree. */
TSTree *amp_doc_parse_fresh(const amp_doc *doc, TSParser *parser);

/* The error watch: a parse is cancelled once one error region has this many
 * tokens (half of the 65,536 children that overflow, for the zero-width
 * tokens recovery adds and the parse actions before tree-sitter looks at
 * the flag); a region ends after AMP_DOC_WATCH_QUIET tokens with no error.
 * Texts whose token bound is under AMP_DOC_WATCH_MIN_TOKENS are never
 * watched: no node has ever had more children than the text's token bound
 * (test_parse_guard checks it on random token soups), and this keeps a 9%
 * margin under 65,536. Nor are reparses of a clean tree after edits that
 * inserted at most AMP_DOC_WATCH_INSERT bytes. */
#define AMP_DOC_WATCH_ERROR_TOKENS 32768u
#define AMP_DOC_WATCH_MIN_TOKENS   60000u
#define AMP_DOC_WATCH_QUIET        1024u
#define AMP_DOC_WATCH_INSERT       4096u
#define AMP_DOC_WATCH_LATE         1024u

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
 * UINT32_MAX when out of memory. When tokens is not NULL and the scan ran to
 * the end, *tokens is an upper bound on the text's tokens (every unit,
 * bracket and separator, plus one per line for automatic semicolons). */
uint32_t amp_doc_run_bound(const char *bytes, uint32_t len, uint32_t limit, uint32_t *at,
                           uint32_t *at_end, uint32_t *tokens);

/* Debug invariant: the text's line index is exact and the tree (if any)
 * spans exactly the text. Returns 0 when they hold, else -1. */
int amp_doc_check(const amp_doc *doc);

#endif
