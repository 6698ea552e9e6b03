/*
 * text.c: document bytes with an incrementally maintained line index (see
 * amp_text.h).
 *
 * Why the incremental update is exact: whether a line starts at offset s
 * depends only on the bytes at s-1 and s (s-1 is "\n", or s-1 is "\r" and s
 * is not "\n"). After replacing [start, end) by ins, starts below `start` and
 * old starts above `end` (shifted) keep their bytes, so only starts in
 * [start, start + ins_len] need to be recomputed. Likewise a lone "\r" at i
 * depends on bytes i and i+1, so only positions [start-1, end) change.
 */
#include "amp_text.h"

#include <stdlib.h>
#include <string.h>

/* True when a line starts at offset s of bytes[0..len). */
static int starts_line(const char *b, uint32_t len, uint32_t s)
{
    if (s == 0 || s > len)
        return s == 0;
    if (b[s - 1] == '\n')
        return 1;
    return b[s - 1] == '\r' && (s == len || b[s] != '\n');
}

/* Number of lone "\r" at positions [from, to) of bytes[0..len). */
static uint32_t count_lone_cr(const char *b, uint32_t len, uint32_t from, uint32_t to)
{
    uint32_t n = 0;
    for (uint32_t i = from; i < to && i < len; i++)
        if (b[i] == '\r' && (i + 1 == len || b[i + 1] != '\n'))
            n++;
    return n;
}

static int reserve_lines(amp_text *text, uint32_t need)
{
    if (need <= text->line_cap)
        return 0;
    uint32_t cap = text->line_cap ? text->line_cap : 64;
    while (cap < need)
        cap = cap > UINT32_MAX / 2 ? need : cap * 2;
    uint32_t *grown = realloc(text->line_starts, (size_t)cap * sizeof *grown);
    if (!grown)
        return -1;
    text->line_starts = grown;
    text->line_cap = cap;
    return 0;
}

/* Stores in out[] (when not NULL) the line starts in [from, to] of b, from
 * >= 1; returns how many there are. */
static uint32_t scan_starts(const char *b, uint32_t len, uint32_t from, uint32_t to, uint32_t *out)
{
    uint32_t n = 0;
    for (uint32_t s = from; s <= to && s <= len; s++)
        if (starts_line(b, len, s)) {
            if (out)
                out[n] = s;
            n++;
        }
    return n;
}

/* An upper bound of the line breaks in ins: its "\n" and "\r" bytes. */
static uint32_t count_breaks(const char *ins, uint32_t len)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < len; i++)
        n += ins[i] == '\n' || ins[i] == '\r';
    return n;
}

int amp_text_init(amp_text *text, const char *bytes, uint32_t len)
{
    memset(text, 0, sizeof *text);
    uint32_t lines = 1 + (len ? scan_starts(bytes, len, 1, len, NULL) : 0);
    text->bytes = malloc((size_t)len + 1);
    if (!text->bytes || reserve_lines(text, lines) != 0) {
        amp_text_free(text);
        text->bytes = calloc(1, 1);
        text->line_starts = calloc(1, sizeof(uint32_t));
        text->cap = text->line_cap = text->line_count = 1;
        return -1;
    }
    memcpy(text->bytes, bytes, len);
    text->bytes[len] = '\0';
    text->len = len;
    text->cap = len + 1;
    text->line_starts[0] = 0;
    text->line_count = 1 + scan_starts(text->bytes, len, 1, len, text->line_starts + 1);
    text->lone_cr = count_lone_cr(text->bytes, len, 0, len);
    return 0;
}

void amp_text_free(amp_text *text)
{
    free(text->bytes);
    free(text->line_starts);
    memset(text, 0, sizeof *text);
}

/* Index of the first line start >= offset (line_count when none). */
static uint32_t first_start_at_or_after(const amp_text *text, uint32_t offset)
{
    uint32_t lo = 0, hi = text->line_count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (text->line_starts[mid] < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Replaces the bytes, growing the buffer as needed. */
static int splice_bytes(amp_text *text, uint32_t start, uint32_t end, const char *ins,
                        uint32_t ins_len)
{
    uint64_t new_len = (uint64_t)text->len - (end - start) + ins_len;
    if (new_len >= UINT32_MAX - 1)
        return -1;
    if (new_len + 1 > text->cap) {
        uint64_t cap = text->cap ? text->cap : 64;
        while (cap < new_len + 1)
            cap *= 2;
        if (cap > UINT32_MAX)
            cap = UINT32_MAX;
        char *grown = realloc(text->bytes, (size_t)cap);
        if (!grown)
            return -1;
        text->bytes = grown;
        text->cap = (uint32_t)cap;
    }
    memmove(text->bytes + start + ins_len, text->bytes + end, text->len - end + 1);
    memcpy(text->bytes + start, ins, ins_len);
    text->len = (uint32_t)new_len;
    return 0;
}

int amp_text_replace(amp_text *text, uint32_t start, uint32_t end, const char *ins,
                     uint32_t ins_len)
{
    uint32_t cr_from = start ? start - 1 : 0;
    uint32_t old_cr = count_lone_cr(text->bytes, text->len, cr_from, end + 1);
    /* Allocate first, so a failure leaves the text as it was. */
    if (reserve_lines(text, text->line_count + count_breaks(ins, ins_len) + 1) != 0)
        return -1;
    uint32_t first = first_start_at_or_after(text, start == 0 ? 1 : start);
    uint32_t keep_from = first_start_at_or_after(text, end + 1);
    if (splice_bytes(text, start, end, ins, ins_len) != 0)
        return -1;
    int64_t delta = (int64_t)ins_len - (int64_t)(end - start);
    text->lone_cr = text->lone_cr - old_cr +
                    count_lone_cr(text->bytes, text->len, cr_from, start + ins_len + 1);

    /* Old starts in [start, end] are replaced by the ones scanned anew in
     * [start, start + ins_len]; those above end are shifted by delta. */
    uint32_t scan_from = start == 0 ? 1 : start;
    uint32_t n = scan_starts(text->bytes, text->len, scan_from, start + ins_len, NULL);
    uint32_t tail = text->line_count - keep_from;
    memmove(text->line_starts + first + n, text->line_starts + keep_from,
            (size_t)tail * sizeof(uint32_t));
    scan_starts(text->bytes, text->len, scan_from, start + ins_len, text->line_starts + first);
    for (uint32_t i = first + n; i < first + n + tail; i++)
        text->line_starts[i] = (uint32_t)((int64_t)text->line_starts[i] + delta);
    text->line_count = first + n + tail;
    return 0;
}

TSPoint amp_text_point(const amp_text *text, uint32_t offset)
{
    if (offset > text->len)
        offset = text->len;
    TSPoint p;
    if (text->lone_cr == 0) {
        amp_text_view v = amp_text_view_of(text);
        p.row = amp_line_of_offset(v, offset);
        p.column = offset - text->line_starts[p.row];
        return p;
    }
    /* Rare: a lone "\r" breaks LSP lines but not tree-sitter rows. */
    p.row = 0;
    uint32_t row_start = 0;
    for (uint32_t i = 0; i < offset; i++)
        if (text->bytes[i] == '\n') {
            p.row++;
            row_start = i + 1;
        }
    p.column = offset - row_start;
    return p;
}

amp_text_view amp_text_view_of(const amp_text *text)
{
    amp_text_view v = {text->bytes, text->len, text->line_starts, text->line_count};
    return v;
}

int amp_text_check(const amp_text *text)
{
    if (text->bytes[text->len] != '\0' || text->line_count == 0 || text->line_starts[0] != 0)
        return -1;
    uint32_t line = 1;
    for (uint32_t s = 1; s <= text->len; s++) {
        if (!starts_line(text->bytes, text->len, s))
            continue;
        if (line >= text->line_count || text->line_starts[line] != s)
            return -1;
        line++;
    }
    if (line != text->line_count)
        return -1;
    return count_lone_cr(text->bytes, text->len, 0, text->len) == text->lone_cr ? 0 : -1;
}
