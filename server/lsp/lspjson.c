/*
 * lspjson.c: small JSON helpers for LSP params and results. Position and
 * range conversion go through amp_position (the one converter).
 */
#include "session_internal.h"

#include <stdlib.h>
#include <string.h>

const char *amp_json_str(json_t *obj, const char *key)
{
    return json_string_value(json_object_get(obj, key));
}

const char *amp_params_uri(amp_session *s, json_t *id, json_t *params)
{
    const char *uri = amp_json_str(json_object_get(params, "textDocument"), "uri");
    if (!uri)
        amp_reply_error(s, id, AMP_RPC_INVALID_PARAMS, "params.textDocument.uri must be a string");
    return uri;
}

/* Reads a non-negative integer member that fits in 32 bits. */
static int read_u32(json_t *obj, const char *key, uint32_t *out)
{
    json_t *v = json_object_get(obj, key);
    if (!json_is_integer(v) || json_integer_value(v) < 0)
        return -1;
    json_int_t n = json_integer_value(v);
    *out = n > (json_int_t)UINT32_MAX ? UINT32_MAX : (uint32_t)n;
    return 0;
}

int amp_json_position(json_t *pos, amp_lsp_pos *out)
{
    if (!json_is_object(pos))
        return -1;
    if (read_u32(pos, "line", &out->line) != 0 || read_u32(pos, "character", &out->character) != 0)
        return -1;
    return 0;
}

static json_t *position_json(amp_session *s, const amp_text *text, uint32_t offset)
{
    amp_lsp_pos p = amp_offset_to_pos(amp_text_view_of(text), s->encoding, offset);
    return json_pack("{s:i, s:i}", "line", (json_int_t)p.line, "character",
                     (json_int_t)p.character);
}

json_t *amp_json_range(amp_session *s, const amp_text *text, uint32_t start, uint32_t end)
{
    return json_pack("{s:o, s:o}", "start", position_json(s, text, start), "end",
                     position_json(s, text, end));
}

/* Length of the valid UTF-8 sequence at p (1..4), or 0 when invalid. */
static size_t valid_seq(const unsigned char *p, size_t avail)
{
    if (p[0] < 0x80)
        return 1;
    size_t n = p[0] >= 0xF0 && p[0] <= 0xF4   ? 4
               : p[0] >= 0xE0 && p[0] <= 0xEF ? 3
               : p[0] >= 0xC2 && p[0] <= 0xDF ? 2
                                              : 0;
    if (n == 0 || n > avail)
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    if ((n == 3 && ((p[0] == 0xE0 && p[1] < 0xA0) || (p[0] == 0xED && p[1] >= 0xA0))) ||
        (n == 4 && ((p[0] == 0xF0 && p[1] < 0x90) || (p[0] == 0xF4 && p[1] >= 0x90))))
        return 0;
    return n;
}

json_t *amp_json_text(const char *bytes, size_t len)
{
    /* Fast path: valid UTF-8 goes in as it is (NUL included: JSON has \u0000). */
    const unsigned char *p = (const unsigned char *)bytes;
    size_t i = 0;
    while (i < len) {
        size_t n = valid_seq(p + i, len - i);
        if (!n)
            break;
        i += n;
    }
    if (i == len)
        return json_stringn(bytes, len);
    char *out = malloc(len * 3 + 1);
    if (!out)
        return json_string("");
    size_t j = 0;
    for (i = 0; i < len;) {
        size_t n = valid_seq(p + i, len - i);
        if (n) {
            memcpy(out + j, p + i, n);
            j += n;
            i += n;
        } else {
            memcpy(out + j, "\xEF\xBF\xBD", 3);
            j += 3;
            i++;
        }
    }
    json_t *str = json_stringn(out, j);
    free(out);
    return str;
}

/* ---- JSON text written directly ---------------------------------------- */

static bool jtext_room(amp_jtext *t, size_t more)
{
    if (t->failed)
        return false;
    if (t->len + more + 1 <= t->cap)
        return true;
    size_t cap = t->cap ? t->cap : 4096;
    while (cap < t->len + more + 1)
        cap *= 2;
    char *p = realloc(t->p, cap);
    if (!p) {
        t->failed = true;
        return false;
    }
    t->p = p;
    t->cap = cap;
    return true;
}

static void jtext_put(amp_jtext *t, const char *s, size_t n)
{
    if (!jtext_room(t, n))
        return;
    memcpy(t->p + t->len, s, n);
    t->len += n;
    t->p[t->len] = '\0';
}

void amp_jtext_raw(amp_jtext *t, const char *s)
{
    jtext_put(t, s, strlen(s));
}

static void jtext_u16(amp_jtext *t, unsigned unit)
{
    static const char hex[] = "0123456789abcdef";
    char e[6] = {
        '\\',          'u', hex[(unit >> 12) & 15], hex[(unit >> 8) & 15], hex[(unit >> 4) & 15],
        hex[unit & 15]};
    jtext_put(t, e, 6);
}

void amp_jtext_str(amp_jtext *t, const char *bytes, size_t len)
{
    const unsigned char *p = (const unsigned char *)bytes;
    jtext_put(t, "\"", 1);
    size_t i = 0;
    while (i < len && !t->failed) {
        size_t run = i; /* plain ASCII goes in one copy */
        while (run < len && p[run] >= 0x20 && p[run] < 0x80 && p[run] != '"' && p[run] != '\\')
            run++;
        if (run > i) {
            jtext_put(t, bytes + i, run - i);
            i = run;
            continue;
        }
        unsigned char c = p[i];
        if (c == '"' || c == '\\') {
            char e[2] = {'\\', (char)c};
            jtext_put(t, e, 2);
            i++;
        } else if (c < 0x20) {
            const char *named = c == '\n'   ? "\\n"
                                : c == '\r' ? "\\r"
                                : c == '\t' ? "\\t"
                                : c == '\b' ? "\\b"
                                : c == '\f' ? "\\f"
                                            : NULL;
            if (named)
                jtext_put(t, named, 2);
            else
                jtext_u16(t, c);
            i++;
        } else {
            size_t n = valid_seq(p + i, len - i);
            if (!n) {
                jtext_u16(t, 0xFFFD);
                i++;
                continue;
            }
            unsigned cp = n == 2 ? (p[i] & 0x1Fu) << 6 | (p[i + 1] & 0x3Fu)
                          : n == 3
                              ? (p[i] & 0x0Fu) << 12 | (p[i + 1] & 0x3Fu) << 6 | (p[i + 2] & 0x3Fu)
                              : (p[i] & 0x07u) << 18 | (p[i + 1] & 0x3Fu) << 12 |
                                    (p[i + 2] & 0x3Fu) << 6 | (p[i + 3] & 0x3Fu);
            if (cp >= 0x10000) {
                cp -= 0x10000;
                jtext_u16(t, 0xD800 | (cp >> 10));
                jtext_u16(t, 0xDC00 | (cp & 0x3FF));
            } else {
                jtext_u16(t, cp);
            }
            i += n;
        }
    }
    jtext_put(t, "\"", 1);
}

void amp_jtext_int(amp_jtext *t, long long v)
{
    char num[24]; /* written backwards: no snprintf for every line and column */
    size_t at = sizeof num;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do
        num[--at] = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        num[--at] = '-';
    jtext_put(t, num + at, sizeof num - at);
}

void amp_jtext_json(amp_jtext *t, const json_t *v)
{
    char *dump = v ? json_dumps(v, JSON_COMPACT | JSON_ENSURE_ASCII | JSON_ENCODE_ANY) : NULL;
    if (!dump) {
        if (v)
            t->failed = true;
        else
            amp_jtext_raw(t, "null");
        return;
    }
    amp_jtext_raw(t, dump);
    free(dump);
}
