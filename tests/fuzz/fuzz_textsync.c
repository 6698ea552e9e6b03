/*
 * fuzz_textsync.c: incremental text synchronisation against a reference.
 *
 * The input chooses a position encoding (UTF-8, UTF-16 or UTF-32), a first
 * text and a series of didChange notifications of one to three changes
 * each: ranges anywhere (past the end of a line or of the document, inside
 * a surrogate pair or a multi-byte character, reversed, negative, huge),
 * full replacements and malformed changes, over text made of ASCII, CR, LF,
 * CRLF, NUL, two-, three- and four-byte characters (the last a surrogate
 * pair in UTF-16). The harness keeps its own copy of the text as code
 * points and applies every change with the clamping rules of
 * amp_position.h, written independently here.
 *
 * Properties, checked through amplify-ls/debugDocument every few changes
 * and at the end: the server's text equals the reference byte for byte,
 * the line count agrees, the version is the last one sent, and the
 * document's invariants hold (amp_doc_check: exact line index and a tree
 * that spans the text).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amp_jsonrpc.h"
#include "fuzz_util.h"

typedef enum { ENC8 = 1, ENC16 = 2, ENC32 = 3 } enc;

typedef struct ref {
    uint32_t *cp;
    size_t n, cap;
} ref;

static const uint32_t alphabet[] = {'a',      'b',    'x',  ' ',   '(',  ')',    '\'',
                                    '\n',     '\r',   '\t', 0,     0xE9, 0x20AC, 0x1F600,
                                    0x10FFFF, 0xFFFD, '.',  0x800, 0x7FF};
#define N_ALPHA (sizeof alphabet / sizeof alphabet[0])

static uint32_t units(uint32_t c, enc e)
{
    if (e == ENC32)
        return 1;
    if (e == ENC16)
        return c >= 0x10000 ? 2 : 1;
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

static size_t utf8_put(uint32_t c, char *out)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* The UTF-8 bytes of cp[0..n) (owned), length in *len. */
static char *utf8_of(const uint32_t *cp, size_t n, size_t *len)
{
    char *out = malloc(n * 4 + 1);
    if (!out)
        fz_fail("out of memory");
    size_t j = 0;
    for (size_t i = 0; i < n; i++)
        j += utf8_put(cp[i], out + j);
    out[j] = '\0';
    *len = j;
    return out;
}

static json_t *json_of(const uint32_t *cp, size_t n)
{
    size_t len;
    char *s = utf8_of(cp, n, &len);
    json_t *j = json_stringn(s, len);
    free(s);
    if (!j)
        fz_fail("json_stringn refused valid UTF-8");
    return j;
}

/* Length in code points of the line break at i, or 0. */
static size_t break_at(const ref *r, size_t i)
{
    if (r->cp[i] == '\n')
        return 1;
    if (r->cp[i] == '\r')
        return i + 1 < r->n && r->cp[i + 1] == '\n' ? 2 : 1;
    return 0;
}

static size_t line_count(const ref *r)
{
    size_t lines = 1;
    for (size_t i = 0; i < r->n;) {
        size_t b = break_at(r, i);
        if (b) {
            lines++;
            i += b;
        } else {
            i++;
        }
    }
    return lines;
}

/* Code-point index of the start of line `line` and the end of its content
 * (before its break); false when there is no such line. */
static bool line_span(const ref *r, uint64_t line, size_t *start, size_t *end)
{
    size_t s = 0, i = 0;
    uint64_t l = 0;
    while (true) {
        while (i < r->n && !break_at(r, i))
            i++;
        if (l == line) {
            *start = s;
            *end = i;
            return true;
        }
        if (i >= r->n)
            return false;
        i += break_at(r, i);
        s = i;
        l++;
    }
}

/* The clamping rules of amp_position.h: past the end of a line is its end,
 * past the last line is the end of the text, inside a character is its
 * start. */
static size_t index_of(const ref *r, enc e, uint64_t line, uint64_t ch)
{
    size_t start, end;
    if (!line_span(r, line, &start, &end))
        return r->n;
    uint64_t u = 0;
    for (size_t i = start; i < end; i++) {
        uint32_t w = units(r->cp[i], e);
        if (u + w > ch)
            return i;
        u += w;
    }
    return end;
}

static void ref_replace(ref *r, size_t a, size_t b, const uint32_t *ins, size_t n)
{
    size_t new_n = r->n - (b - a) + n;
    if (new_n > r->cap) {
        r->cap = new_n * 2 + 16;
        r->cp = realloc(r->cp, r->cap * sizeof *r->cp);
        if (!r->cp)
            fz_fail("out of memory");
    }
    memmove(r->cp + a + n, r->cp + b, (r->n - b) * sizeof *r->cp);
    memcpy(r->cp + a, ins, n * sizeof *ins);
    r->n = new_n;
}

/* Units of the longest line, for choosing characters near the ends. */
static uint32_t line_units(const ref *r, enc e, uint64_t line)
{
    size_t start, end;
    if (!line_span(r, line, &start, &end))
        return 0;
    uint32_t u = 0;
    for (size_t i = start; i < end; i++)
        u += units(r->cp[i], e);
    return u;
}

static size_t gen_text(fz_in *in, uint32_t *out, size_t max)
{
    size_t n = fz_below(in, (uint32_t)max + 1);
    for (size_t i = 0; i < n; i++)
        out[i] = alphabet[fz_below(in, N_ALPHA)];
    return n;
}

typedef struct pos {
    json_int_t line, ch;
} pos;

static pos gen_pos(fz_in *in, const ref *r, enc e)
{
    size_t lines = line_count(r);
    pos p;
    uint8_t k = fz_u8(in);
    if (k < 240) {
        p.line = fz_below(in, (uint32_t)lines + 1);
        p.ch = fz_below(in, line_units(r, e, (uint64_t)p.line) + 3);
    } else {
        p.line = fz_json_int(in, (uint32_t)lines);
        p.ch = fz_json_int(in, 8);
    }
    return p;
}

static void check_doc(amp_session *s, fz_sink *sink, const char *uri, const ref *r, int64_t version,
                      unsigned *calls)
{
    char id[32];
    snprintf(id, sizeof id, FZ_COUNTED_PREFIX "doc%u", (*calls)++);
    json_t *res = fz_call(s, sink, id, "amplify-ls/debugDocument",
                          json_pack("{s:{s:s}}", "textDocument", "uri", uri));
    FZ_ASSERT(res, "no answer to debugDocument");
    json_t *doc = json_object_get(res, "result");
    FZ_ASSERT(json_is_object(doc), "debugDocument failed");
    json_t *text = json_object_get(doc, "text");
    size_t len;
    char *want = utf8_of(r->cp, r->n, &len);
    if (json_string_length(text) != len || memcmp(json_string_value(text), want, len) != 0) {
        char *got = json_dumps(text, JSON_ENCODE_ANY);
        json_t *w = json_stringn(want, len);
        char *exp = json_dumps(w, JSON_ENCODE_ANY);
        fz_fail("the server's text differs from the reference:\n  server    %s\n  reference %s",
                got ? got : "?", exp ? exp : "?");
    }
    free(want);
    FZ_ASSERT(json_is_true(json_object_get(doc, "invariantsHold")),
              "the document's invariants do not hold");
    FZ_ASSERT(json_integer_value(json_object_get(doc, "lineCount")) == (json_int_t)line_count(r),
              "line count %lld, reference %zu",
              (long long)json_integer_value(json_object_get(doc, "lineCount")), line_count(r));
    FZ_ASSERT(json_integer_value(json_object_get(doc, "version")) == version,
              "version %lld, sent %lld",
              (long long)json_integer_value(json_object_get(doc, "version")), (long long)version);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in in = {data, size};
    enc e = (enc)(1 + fz_below(&in, 3));
    static const char *const names[] = {"", "utf-8", "utf-16", "utf-32"};
    fz_sink sink = {0};
    sink.check_frames = true;
    amp_session *s = fz_session_new(&sink);
    json_t *offered = e == ENC16 ? json_array() : json_pack("[s]", names[e]);
    json_t *init = fz_call(s, &sink, FZ_COUNTED_PREFIX "init", "initialize",
                           json_pack("{s:i, s:{s:{s:o}}, s:{s:i}}", "processId", 0, "capabilities",
                                     "general", "positionEncodings", offered,
                                     "initializationOptions", "diagnosticsDebounceMs", 0));
    const char *negotiated = json_string_value(json_object_get(
        json_object_get(json_object_get(init, "result"), "capabilities"), "positionEncoding"));
    FZ_ASSERT(negotiated && strcmp(negotiated, names[e]) == 0, "negotiated %s, expected %s",
              negotiated ? negotiated : "nothing", names[e]);
    fz_send(s, amp_rpc_notification("initialized", json_object()));

    const char *uri = fz_bool(&in) ? "untitled:fuzz" : "file:///amplify-ls-fuzz/amplify/data/x.ts";
    ref r = {0};
    r.cap = 64;
    r.cp = malloc(r.cap * sizeof *r.cp);
    if (!r.cp)
        fz_fail("out of memory");
    uint32_t buf[256];
    size_t n = gen_text(&in, buf, 255);
    ref_replace(&r, 0, 0, buf, n);
    int64_t version = 1;
    fz_send(s, amp_rpc_notification("textDocument/didOpen",
                                    json_pack("{s:{s:s, s:s, s:I, s:o}}", "textDocument", "uri",
                                              uri, "languageId", "typescript", "version",
                                              (json_int_t)version, "text", json_of(r.cp, r.n))));
    unsigned calls = 0;
    check_doc(s, &sink, uri, &r, version, &calls);

    for (int round = 0; in.n > 0 && round < 200; round++) {
        json_t *changes = json_array();
        for (uint32_t c = 1 + fz_below(&in, 3); c > 0; c--) {
            uint8_t kind = fz_u8(&in);
            n = gen_text(&in, buf, kind & 1 ? 4 : 40);
            if (kind < 8) {
                /* A full replacement. */
                json_array_append_new(changes, json_pack("{s:o}", "text", json_of(buf, n)));
                r.n = 0;
                ref_replace(&r, 0, 0, buf, n);
                continue;
            }
            if (kind < 12) {
                /* Malformed: skipped by the server, and here. */
                json_array_append_new(changes, json_pack("{s:{}, s:i}", "range", "text", 5));
                continue;
            }
            pos a = gen_pos(&in, &r, e), b = gen_pos(&in, &r, e);
            json_array_append_new(changes, json_pack("{s:{s:{s:I, s:I}, s:{s:I, s:I}}, s:o}",
                                                     "range", "start", "line", a.line, "character",
                                                     a.ch, "end", "line", b.line, "character", b.ch,
                                                     "text", json_of(buf, n)));
            if (a.line < 0 || a.ch < 0 || b.line < 0 || b.ch < 0)
                continue; /* not a Position: the change is skipped */
            /* Values past 32 bits are clamped to UINT32_MAX by the server,
             * which lands on the same end of line or text. */
            size_t ia = index_of(&r, e, (uint64_t)a.line, (uint64_t)a.ch);
            size_t ib = index_of(&r, e, (uint64_t)b.line, (uint64_t)b.ch);
            if (ib < ia) {
                size_t t = ia;
                ia = ib;
                ib = t;
            }
            ref_replace(&r, ia, ib, buf, n);
        }
        version++;
        fz_send(s, amp_rpc_notification("textDocument/didChange",
                                        json_pack("{s:{s:s, s:I}, s:o}", "textDocument", "uri", uri,
                                                  "version", (json_int_t)version, "contentChanges",
                                                  changes)));
        if (round % 16 == 15)
            check_doc(s, &sink, uri, &r, version, &calls);
    }
    check_doc(s, &sink, uri, &r, version, &calls);

    amp_session_delete(s);
    fz_sink_free(&sink);
    free(r.cp);
    return 0;
}
