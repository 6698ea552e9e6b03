/*
 * amp_text.h: a document's UTF-8 bytes and its line index.
 *
 * The text is one contiguous buffer (always NUL-terminated past `len`, so it
 * can be handed to C string functions and tree-sitter alike) plus the byte
 * offset of every line start. Lines end at "\n", "\r\n" or a lone "\r", as in
 * LSP. A replace updates the line index incrementally: only the line starts
 * inside the edited span are recomputed; the ones after it are shifted.
 *
 * The text also knows the tree-sitter point (row, byte column) of an offset.
 * tree-sitter counts rows at "\n" only, so the LSP line index serves for
 * points exactly when the text has no lone "\r"; the text counts those to
 * know.
 */
#ifndef AMP_TEXT_H
#define AMP_TEXT_H

#include <stdint.h>
#include <tree_sitter/api.h>

#include "amp_position.h"

typedef struct amp_text {
    char *bytes;           /* owned; bytes[len] == '\0' */
    uint32_t len;          /* byte length */
    uint32_t cap;          /* allocated size of bytes */
    uint32_t *line_starts; /* owned; line_starts[0] == 0, ascending */
    uint32_t line_count;   /* >= 1 */
    uint32_t line_cap;
    uint32_t lone_cr; /* number of "\r" not followed by "\n" */
} amp_text;

/* Initialises text with a copy of len bytes. Returns 0, or -1 when out of
 * memory (text is then empty but valid). */
int amp_text_init(amp_text *text, const char *bytes, uint32_t len);

/* Frees what the text owns; the struct may be reused after amp_text_init. */
void amp_text_free(amp_text *text);

/* Replaces bytes [start, end) with ins_len bytes of ins. Offsets must satisfy
 * start <= end <= len (the caller clamps). Returns 0, or -1 when out of
 * memory or when the result would exceed UINT32_MAX - 1 bytes; the text is
 * unchanged on failure. */
int amp_text_replace(amp_text *text, uint32_t start, uint32_t end, const char *ins,
                     uint32_t ins_len);

/* The tree-sitter point of a byte offset (clamped to len). */
TSPoint amp_text_point(const amp_text *text, uint32_t offset);

/* A borrowed view for position conversion; valid until the next change. */
amp_text_view amp_text_view_of(const amp_text *text);

/* Recomputes the line index and lone-"\r" count from scratch and compares.
 * Returns 0 when they match the incremental ones, else -1. For debug checks
 * and tests. */
int amp_text_check(const amp_text *text);

#endif
