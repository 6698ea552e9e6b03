/*
 * fuzz_framing.c: raw bytes into the LSP framing and the JSON-RPC decoder.
 *
 * Input: one configuration byte (body cap), four bytes seeding the split of
 * the stream into reads, then the stream itself. Properties:
 *   - the framer never hands out a body over its cap, and every body lies in
 *     the bytes fed;
 *   - the bodies are the same whether the stream arrives at once or in
 *     arbitrary pieces ("in any split", amp_framing.h);
 *   - every body decodes to a consistent message (a request has a method and
 *     a valid id, an invalid message carries -32700 or -32600), and a decoded
 *     message re-encoded with amp_rpc_encode_frame decodes to the same kind;
 *   - the whole stream fed to a session (as read from stdin) is answered only
 *     with valid JSON-RPC frames.
 */
#include <stdlib.h>
#include <string.h>

#include "amp_framing.h"
#include "amp_jsonrpc.h"
#include "fuzz_util.h"

typedef struct body_list {
    char **items;
    size_t *lens;
    size_t count;
} body_list;

static void list_add(body_list *l, const char *body, size_t len)
{
    l->items = realloc(l->items, (l->count + 1) * sizeof *l->items);
    l->lens = realloc(l->lens, (l->count + 1) * sizeof *l->lens);
    if (!l->items || !l->lens)
        fz_fail("out of memory");
    l->items[l->count] = malloc(len + 1);
    if (!l->items[l->count])
        fz_fail("out of memory");
    memcpy(l->items[l->count], body, len);
    l->lens[l->count++] = len;
}

static void list_free(body_list *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->items[i]);
    free(l->items);
    free(l->lens);
}

static uint32_t next_rand(uint32_t *state)
{
    /* xorshift32: any non-zero state. */
    uint32_t x = *state ? *state : 0x9E3779B9u;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

static void check_decoded(const char *body, size_t len)
{
    amp_rpc_msg m;
    amp_msg_kind kind = amp_rpc_decode(body, len, &m);
    FZ_ASSERT(kind == m.kind, "decode returned a kind it did not store");
    switch (kind) {
    case AMP_MSG_REQUEST:
        FZ_ASSERT(m.method && m.id, "a request without method or id");
        FZ_ASSERT(json_is_string(m.id) || json_is_integer(m.id) || json_is_null(m.id),
                  "a request id of a wrong type");
        break;
    case AMP_MSG_NOTIFICATION:
        FZ_ASSERT(m.method && !m.id, "a notification with an id or without a method");
        break;
    case AMP_MSG_RESPONSE:
        FZ_ASSERT(m.id && !m.method, "a response without an id");
        FZ_ASSERT((m.result != NULL) != (m.error != NULL), "a response needs result xor error");
        break;
    case AMP_MSG_INVALID:
        FZ_ASSERT(m.error_code == AMP_RPC_PARSE_ERROR || m.error_code == AMP_RPC_INVALID_REQUEST,
                  "an invalid message with code %d", m.error_code);
        FZ_ASSERT(memchr(m.error_text, '\0', sizeof m.error_text), "an unterminated error text");
        FZ_ASSERT((m.root == NULL) == (m.error_code == AMP_RPC_PARSE_ERROR),
                  "a parse error must have no root, and only a parse error");
        break;
    }
    if (kind != AMP_MSG_INVALID) {
        size_t flen;
        char *frame = amp_rpc_encode_frame(m.root, &flen);
        FZ_ASSERT(frame, "a decoded message could not be encoded");
        /* The frame is flen bytes, not a C string: search within them. */
        const char *sep = NULL;
        for (size_t i = 0; !sep && i + 4 <= flen; i++)
            if (memcmp(frame + i, "\r\n\r\n", 4) == 0)
                sep = frame + i;
        FZ_ASSERT(sep, "an encoded frame without a header");
        amp_rpc_msg again;
        amp_msg_kind k2 = amp_rpc_decode(sep + 4, flen - (size_t)(sep + 4 - frame), &again);
        FZ_ASSERT(k2 == kind, "re-encoding changed the message kind (%d -> %d)", kind, k2);
        FZ_ASSERT(json_equal(m.root, again.root), "re-encoding changed the message");
        amp_rpc_msg_clear(&again);
        free(frame);
    }
    amp_rpc_msg_clear(&m);
}

/* Feeds the stream in reads whose sizes come from seed (0: all at once) and
 * collects the bodies. */
static void run_framer(const uint8_t *data, size_t len, size_t max_body, uint32_t seed,
                       body_list *out)
{
    amp_framer *fr = amp_framer_new(max_body);
    FZ_ASSERT(fr, "out of memory");
    size_t pos = 0;
    while (pos < len) {
        size_t chunk = len - pos;
        if (seed) {
            uint32_t r = next_rand(&seed);
            chunk = (r & 3) == 0 ? 1 + (r >> 8) % 4096 : 1 + (r >> 8) % 24;
            if (chunk > len - pos)
                chunk = len - pos;
        }
        FZ_ASSERT(amp_framer_feed(fr, (const char *)data + pos, chunk) == 0, "feed failed");
        pos += chunk;
        amp_frame f;
        amp_frame_status st;
        while ((st = amp_framer_next(fr, &f)) != AMP_FRAME_NONE) {
            if (st == AMP_FRAME_ERROR) {
                FZ_ASSERT(f.error && !f.body, "an error frame without a text");
                continue;
            }
            FZ_ASSERT(f.body_len <= max_body, "a body of %zu bytes over the cap %zu", f.body_len,
                      max_body);
            FZ_ASSERT(f.body_len <= len, "a body longer than the whole stream");
            list_add(out, f.body, f.body_len);
        }
        FZ_ASSERT(amp_framer_buffered(fr) <= pos, "more bytes buffered than fed");
    }
    amp_framer_delete(fr);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in in = {data, size};
    uint8_t cfg = fz_u8(&in);
    size_t max_body = (cfg & 3) == 0 ? 16 : (cfg & 3) == 1 ? 256 : (cfg & 3) == 2 ? 4096 : 1u << 20;
    uint32_t seed = fz_u32(&in) | 1;
    const uint8_t *stream = in.p;
    size_t len = in.n;

    body_list whole = {0}, split = {0};
    run_framer(stream, len, max_body, 0, &whole);
    run_framer(stream, len, max_body, seed, &split);
    FZ_ASSERT(whole.count == split.count, "%zu bodies at once but %zu when split", whole.count,
              split.count);
    for (size_t i = 0; i < whole.count; i++) {
        FZ_ASSERT(whole.lens[i] == split.lens[i] &&
                      memcmp(whole.items[i], split.items[i], whole.lens[i]) == 0,
                  "body %zu differs between a whole and a split stream", i);
        check_decoded(whole.items[i], whole.lens[i]);
    }
    list_free(&whole);
    list_free(&split);

    /* The same bytes as a client's stdin. */
    if (cfg & 4) {
        fz_sink sink = {0};
        sink.check_frames = true;
        amp_session *s = fz_session_new(&sink);
        size_t pos = 0;
        while (pos < len) {
            size_t chunk = 1 + next_rand(&seed) % 512;
            if (chunk > len - pos)
                chunk = len - pos;
            amp_session_feed(s, (const char *)stream + pos, chunk);
            pos += chunk;
        }
        amp_session_on_timer(s);
        amp_session_on_eof(s);
        amp_session_delete(s);
        fz_sink_free(&sink);
    }
    return 0;
}
