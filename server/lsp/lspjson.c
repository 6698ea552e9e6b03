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
               : p[0] >= 0xE0                 ? 3
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
