/*
 * amp_position.h: LSP positions <-> byte offsets, the one place that converts.
 *
 * Inside amplify-ls every offset is a byte offset into UTF-8 text. On the wire
 * a position is (line, character) where character counts code units of the
 * negotiated encoding: UTF-8 bytes, UTF-16 code units (the LSP default) or
 * UTF-32 code points. This module converts between the two, given a view of a
 * document's bytes and line starts; nothing else in the server does.
 *
 * Lines end at "\n", "\r\n" or a lone "\r" (LSP 3.17). Out-of-range input is
 * clamped, never rejected: a character past the end of its line means the end
 * of the line (as the LSP specification says), a line past the last line
 * means the end of the document, and a position inside a multi-unit character
 * (for example between the two halves of a UTF-16 surrogate pair) is moved to
 * the start of that character. Invalid UTF-8 bytes count as one code unit
 * each in every encoding.
 */
#ifndef AMP_POSITION_H
#define AMP_POSITION_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    AMP_ENC_UTF8 = 1,
    AMP_ENC_UTF16 = 2,
    AMP_ENC_UTF32 = 3,
} amp_encoding;

/* A read-only view of a document; every pointer is borrowed. */
typedef struct amp_text_view {
    const char *bytes;
    uint32_t len;
    const uint32_t *line_starts; /* line_starts[0] == 0, ascending */
    uint32_t line_count;         /* >= 1 */
} amp_text_view;

typedef struct amp_lsp_pos {
    uint32_t line;
    uint32_t character;
} amp_lsp_pos;

/* The encoding named by an LSP PositionEncodingKind ("utf-8", "utf-16",
 * "utf-32"), or 0 when unknown. */
amp_encoding amp_encoding_from_name(const char *name);

/* The LSP name of an encoding (static string). */
const char *amp_encoding_name(amp_encoding enc);

/* Converts a wire position to a byte offset, clamping as described above.
 * When clamped is not NULL it is set to 1 if the position was out of range or
 * inside a character, else 0. */
uint32_t amp_pos_to_offset(amp_text_view view, amp_encoding enc, amp_lsp_pos pos, int *clamped);

/* Converts a byte offset (clamped to the text) to a wire position. An offset
 * inside a multi-byte character maps to the start of that character. */
amp_lsp_pos amp_offset_to_pos(amp_text_view view, amp_encoding enc, uint32_t offset);

/* The line holding a byte offset (binary search over line starts). */
uint32_t amp_line_of_offset(amp_text_view view, uint32_t offset);

/* Number of code units of `enc` in the UTF-8 bytes [s, s+len). */
uint32_t amp_count_units(const char *s, uint32_t len, amp_encoding enc);

#endif
