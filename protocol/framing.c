/*
 * framing.c: incremental LSP base-protocol framing (see amp_framing.h).
 *
 * The framer keeps one growable buffer. `start` marks the first byte not yet
 * handed out; consumed bytes are compacted away lazily before the buffer
 * grows. A frame whose declared length is over the cap is treated like a
 * malformed header: the framer resynchronises at the next "Content-Length"
 * header instead of waiting for (or discarding) that many bytes, because a
 * lying length would otherwise stall the stream for good.
 */
#include "amp_framing.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A header block longer than this is garbage, not a header. */
#define AMP_MAX_HEADER_BLOCK 4096

struct amp_framer {
    char *buf;       /* owned */
    size_t len;      /* bytes in buf */
    size_t cap;      /* allocated size of buf */
    size_t start;    /* first unconsumed byte */
    size_t max_body; /* cap on one body */
};

amp_framer *amp_framer_new(size_t max_body)
{
    amp_framer *self = calloc(1, sizeof *self);
    if (self)
        self->max_body = max_body;
    return self;
}

void amp_framer_delete(amp_framer *self)
{
    if (!self)
        return;
    free(self->buf);
    free(self);
}

size_t amp_framer_buffered(const amp_framer *self)
{
    return self->len - self->start;
}

/* Moves the unconsumed bytes to the front of the buffer. */
static void compact(amp_framer *self)
{
    if (self->start == 0)
        return;
    memmove(self->buf, self->buf + self->start, self->len - self->start);
    self->len -= self->start;
    self->start = 0;
}

int amp_framer_feed(amp_framer *self, const char *data, size_t len)
{
    if (len == 0)
        return 0;
    if (self->len + len > self->cap) {
        compact(self);
        if (self->len + len > self->cap) {
            size_t cap = self->cap ? self->cap : 4096;
            while (cap < self->len + len)
                cap *= 2;
            char *grown = realloc(self->buf, cap);
            if (!grown)
                return -1;
            self->buf = grown;
            self->cap = cap;
        }
    }
    memcpy(self->buf + self->len, data, len);
    self->len += len;
    return 0;
}

/* Finds needle (of length n) in [hay, hay+len), or NULL. */
static const char *find_bytes(const char *hay, size_t len, const char *needle, size_t n)
{
    if (len < n)
        return NULL;
    for (size_t i = 0; i + n <= len; i++)
        if (hay[i] == needle[0] && memcmp(hay + i, needle, n) == 0)
            return hay + i;
    return NULL;
}

/* Case-insensitive prefix test of a header line against a field name. */
static int header_is(const char *line, size_t len, const char *name)
{
    size_t n = strlen(name);
    if (len < n + 1 || line[n] != ':')
        return 0;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)line[i]) != tolower((unsigned char)name[i]))
            return 0;
    return 1;
}

/* True when the n bytes at p could be the start of a "Content-Length:" header. */
static int could_begin_header(const char *p, size_t n)
{
    static const char name[] = "content-length:";
    for (size_t i = 0; i < n && i < sizeof name - 1; i++)
        if (tolower((unsigned char)p[i]) != name[i])
            return 0;
    return 1;
}

/* Drops bytes up to the next "Content-Length" header at or after `from`.
 * When none is buffered, keeps only a tail that could begin one. Callers
 * pass a `from` past the current position when the bytes there are what
 * was rejected, so a resync loop always advances and ends. */
static void resync(amp_framer *self, size_t from)
{
    for (size_t i = from; i < self->len; i++) {
        size_t n = self->len - i;
        if (header_is(self->buf + i, n, "Content-Length") ||
            (n < 15 && could_begin_header(self->buf + i, n))) {
            self->start = i;
            return;
        }
    }
    self->start = self->len;
}

/* Parses a decimal length with optional surrounding blanks. Returns 0 and the
 * value, or -1 when the text is not a non-negative integer that fits. */
static int parse_length(const char *s, size_t n, size_t *out)
{
    size_t i = 0, v = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i == n || !isdigit((unsigned char)s[i]))
        return -1;
    for (; i < n && isdigit((unsigned char)s[i]); i++) {
        if (v > (SIZE_MAX - 9) / 10)
            return -1;
        v = v * 10 + (size_t)(s[i] - '0');
    }
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i != n)
        return -1;
    *out = v;
    return 0;
}

/* Reads the header block at the start of the buffer. Returns 1 with the block
 * length (terminator included) and body length, 0 when incomplete, or -1 with
 * an error text. */
static int read_headers(amp_framer *self, size_t *block_len, size_t *body_len, const char **error)
{
    const char *head = self->buf + self->start;
    size_t avail = self->len - self->start;
    size_t scan = avail < AMP_MAX_HEADER_BLOCK ? avail : AMP_MAX_HEADER_BLOCK;
    const char *end = find_bytes(head, scan, "\r\n\r\n", 4);
    if (!end) {
        if (avail >= AMP_MAX_HEADER_BLOCK) {
            *error = "header block too long or not terminated by an empty line";
            return -1;
        }
        return 0;
    }
    int have_length = 0;
    const char *line = head;
    while (line < end) {
        const char *eol = find_bytes(line, (size_t)(end - line) + 2, "\r\n", 2);
        size_t n = (size_t)(eol - line);
        if (header_is(line, n, "Content-Length")) {
            if (parse_length(line + 15, n - 15, body_len) != 0) {
                *error = "Content-Length is not a non-negative integer";
                return -1;
            }
            have_length = 1;
        } else if (!header_is(line, n, "Content-Type") && memchr(line, ':', n) == NULL) {
            *error = "malformed header line";
            return -1;
        }
        line = eol + 2;
    }
    if (!have_length) {
        *error = "missing Content-Length header";
        return -1;
    }
    *block_len = (size_t)(end - head) + 4;
    return 1;
}

amp_frame_status amp_framer_next(amp_framer *self, amp_frame *out)
{
    memset(out, 0, sizeof *out);
    if (self->start == self->len)
        return AMP_FRAME_NONE;
    size_t block_len = 0, body_len = 0;
    const char *error = NULL;
    int r = read_headers(self, &block_len, &body_len, &error);
    if (r == 0)
        return AMP_FRAME_NONE;
    if (r < 0) {
        resync(self, self->start + 1);
        out->error = error;
        return AMP_FRAME_ERROR;
    }
    if (body_len > self->max_body) {
        /* The header block is dropped; a header right after it (a lying
         * length with no body) is the next message, whether it arrived in
         * the same read or a later one. */
        self->start += block_len;
        resync(self, self->start);
        out->error = "Content-Length larger than the server accepts; message dropped";
        return AMP_FRAME_ERROR;
    }
    if (self->len - self->start - block_len < body_len)
        return AMP_FRAME_NONE;
    out->body = self->buf + self->start + block_len;
    out->body_len = body_len;
    self->start += block_len + body_len;
    if (self->start == self->len)
        self->start = self->len = 0; /* body stays readable: bytes are not overwritten until feed */
    return AMP_FRAME_MESSAGE;
}

char *amp_frame_encode(const char *body, size_t body_len, size_t *out_len)
{
    char header[64];
    int n = snprintf(header, sizeof header, "Content-Length: %zu\r\n\r\n", body_len);
    char *buf = malloc((size_t)n + body_len);
    if (!buf)
        return NULL;
    memcpy(buf, header, (size_t)n);
    memcpy(buf + n, body, body_len);
    *out_len = (size_t)n + body_len;
    return buf;
}
