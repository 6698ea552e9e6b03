/*
 * position.c: conversion between LSP positions and byte offsets (see
 * amp_position.h). Decoding is deliberately forgiving: a byte that does not
 * start a well-formed UTF-8 sequence is one character of one unit.
 */
#include "amp_position.h"

#include <string.h>

amp_encoding amp_encoding_from_name(const char *name)
{
    if (!name)
        return 0;
    if (strcmp(name, "utf-8") == 0)
        return AMP_ENC_UTF8;
    if (strcmp(name, "utf-16") == 0)
        return AMP_ENC_UTF16;
    if (strcmp(name, "utf-32") == 0)
        return AMP_ENC_UTF32;
    return 0;
}

const char *amp_encoding_name(amp_encoding enc)
{
    switch (enc) {
    case AMP_ENC_UTF8:
        return "utf-8";
    case AMP_ENC_UTF32:
        return "utf-32";
    case AMP_ENC_UTF16:
    default:
        return "utf-16";
    }
}

/* Length in bytes of the well-formed UTF-8 sequence at s (at most avail
 * bytes), or 1 for a byte that does not begin one. */
static uint32_t utf8_seq_len(const unsigned char *s, uint32_t avail)
{
    unsigned char c = s[0];
    uint32_t n;
    if (c < 0x80)
        return 1;
    else if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4;
    else
        return 1;
    if (n > avail)
        return 1;
    for (uint32_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 1;
    /* Reject overlong and surrogate encodings, as a strict decoder does. */
    if (n == 3 && ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0)))
        return 1;
    if (n == 4 && ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90)))
        return 1;
    return n;
}

/* Code units of `enc` taken by a character encoded in n UTF-8 bytes. */
static uint32_t units_of(uint32_t n, amp_encoding enc)
{
    if (enc == AMP_ENC_UTF8)
        return n;
    if (enc == AMP_ENC_UTF16)
        return n == 4 ? 2 : 1;
    return 1;
}

uint32_t amp_count_units(const char *s, uint32_t len, amp_encoding enc)
{
    if (enc == AMP_ENC_UTF8)
        return len;
    uint32_t units = 0;
    for (uint32_t i = 0; i < len;) {
        uint32_t n = utf8_seq_len((const unsigned char *)s + i, len - i);
        units += units_of(n, enc);
        i += n;
    }
    return units;
}

uint32_t amp_line_of_offset(amp_text_view view, uint32_t offset)
{
    uint32_t lo = 0, hi = view.line_count;
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (view.line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* The end of a line's content: before its "\n", "\r\n" or "\r". */
static uint32_t line_content_end(amp_text_view view, uint32_t line)
{
    uint32_t end = line + 1 < view.line_count ? view.line_starts[line + 1] : view.len;
    if (end > view.line_starts[line] && view.bytes[end - 1] == '\n')
        end--;
    if (end > view.line_starts[line] && view.bytes[end - 1] == '\r')
        end--;
    return end;
}

uint32_t amp_pos_to_offset(amp_text_view view, amp_encoding enc, amp_lsp_pos pos, int *clamped)
{
    if (clamped)
        *clamped = 0;
    if (pos.line >= view.line_count) {
        if (clamped)
            *clamped = 1;
        return view.len;
    }
    uint32_t start = view.line_starts[pos.line];
    uint32_t end = line_content_end(view, pos.line);
    uint32_t i = start, units = 0;
    while (i < end) {
        uint32_t n = utf8_seq_len((const unsigned char *)view.bytes + i, end - i);
        uint32_t u = units_of(n, enc);
        if (units + u > pos.character) {
            if (units != pos.character && clamped)
                *clamped = 1; /* inside a character */
            return i;
        }
        units += u;
        i += n;
    }
    if (units < pos.character && clamped)
        *clamped = 1;
    return i;
}

/* True when [s, s+n) holds only ASCII bytes; reads a word at a time. */
static int all_ascii(const char *s, uint32_t n)
{
    uint32_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ULL)
            return 0;
    }
    for (; i < n; i++)
        if ((unsigned char)s[i] & 0x80)
            return 0;
    return 1;
}

amp_lsp_pos amp_offset_to_pos(amp_text_view view, amp_encoding enc, uint32_t offset)
{
    if (offset > view.len)
        offset = view.len;
    amp_lsp_pos pos;
    pos.line = amp_line_of_offset(view, offset);
    uint32_t start = view.line_starts[pos.line];
    /* Fast path: in ASCII text every encoding counts one unit per byte. */
    if (all_ascii(view.bytes + start, offset - start)) {
        pos.character = offset - start;
        return pos;
    }
    uint32_t units = 0;
    for (uint32_t i = start; i < offset;) {
        uint32_t n = utf8_seq_len((const unsigned char *)view.bytes + i, view.len - i);
        if (i + n > offset)
            break; /* offset inside a character: report its start */
        units += units_of(n, enc);
        i += n;
    }
    pos.character = units;
    return pos;
}
