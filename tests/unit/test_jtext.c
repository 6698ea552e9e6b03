/*
 * test_jtext.c: JSON written directly (amp_jtext, for large answers such as
 * completion lists) says the same as the json_t path: every string, valid
 * UTF-8 or not, control characters and astral characters included, decodes
 * to what amp_json_text makes of the same bytes, the text is ASCII, and a
 * whole framed response parses back with its id and result.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amp_test.h"
#include "session_internal.h"

static void check_string(const char *bytes, size_t len)
{
    amp_jtext t = {0};
    amp_jtext_raw(&t, "[");
    amp_jtext_str(&t, bytes, len);
    amp_jtext_raw(&t, "]");
    AMP_CHECK(!t.failed && t.p);
    for (size_t i = 0; t.p && i < t.len; i++)
        AMP_CHECK((unsigned char)t.p[i] < 0x80);
    json_error_t err;
    json_t *got = t.p ? json_loads(t.p, JSON_ALLOW_NUL, &err) : NULL;
    json_t *want = amp_json_text(bytes, len);
    AMP_CHECK(got && json_is_array(got));
    json_t *s = got ? json_array_get(got, 0) : NULL;
    if (!s || json_string_length(s) != json_string_length(want)) {
        char *w = json_dumps(want, JSON_ENCODE_ANY | JSON_ENSURE_ASCII);
        fprintf(stderr, "wrote %s, want %s (%s)\n", t.p, w, got ? "parsed" : err.text);
        free(w);
    }
    AMP_CHECK(s && json_is_string(s) && json_string_length(s) == json_string_length(want) &&
              memcmp(json_string_value(s), json_string_value(want), json_string_length(want)) == 0);
    json_decref(got);
    json_decref(want);
    free(t.p);
}

static void test_strings_match_the_json_t_path(void)
{
    static const char *cases[] = {"",
                                  "plain",
                                  "quote \" backslash \\ slash /",
                                  "tab\tnew\nline\r",
                                  "\x01\x1f\x7f",
                                  "caf\xc3\xa9",
                                  "\xe2\x82\xac",
                                  "\xf0\x9f\x98\x80 emoji",
                                  "bad \xff byte",
                                  "cut \xe2\x82",
                                  "surrogate \xed\xa0\x80",
                                  "overlong \xc0\xaf",
                                  "nul"};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_string(cases[i], strlen(cases[i]) + (i == sizeof cases / sizeof cases[0] - 1));
    uint32_t seed = 99;
    char buf[64];
    for (int round = 0; round < 5000; round++) {
        size_t len = (size_t)(round % 64);
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            buf[i] = (char)(seed >> 16);
        }
        check_string(buf, len);
    }
}

static void test_raw_result_frames_parse(void)
{
    json_t *id = json_string("req-\xc3\xa9");
    const char *result = "{\"items\":[1,\"a\"]}";
    size_t len;
    char *frame = amp_rpc_encode_raw_result(id, result, strlen(result), &len);
    AMP_CHECK(frame != NULL);
    const char *body = frame ? strstr(frame, "\r\n\r\n") : NULL;
    json_t *msg = body ? json_loads(body + 4, 0, NULL) : NULL;
    AMP_CHECK(msg && json_equal(json_object_get(msg, "id"), id));
    AMP_CHECK(msg && json_integer_value(json_array_get(
                         json_object_get(json_object_get(msg, "result"), "items"), 0)) == 1);
    AMP_CHECK(msg && strcmp(json_string_value(json_object_get(msg, "jsonrpc")), "2.0") == 0);
    json_decref(msg);
    free(frame);
    char *null_id = amp_rpc_encode_raw_result(NULL, "null", 4, &len);
    AMP_CHECK(null_id && strstr(null_id, "\"id\":null,\"result\":null}"));
    free(null_id);
    json_decref(id);
}

int main(void)
{
    AMP_RUN(test_strings_match_the_json_t_path);
    AMP_RUN(test_raw_result_frames_parse);
    return amp_test_summary();
}
