/*
 * test_position.c: wire positions <-> byte offsets in UTF-8, UTF-16 and
 * UTF-32, with CRLF, lone CR, emoji (surrogate pairs) and clamping.
 */
#include "amp_test.h"
#include "amp_text.h"

static amp_text make(const char *s)
{
    amp_text t;
    amp_text_init(&t, s, (uint32_t)strlen(s));
    return t;
}

static uint32_t to_off(amp_text *t, amp_encoding e, uint32_t line, uint32_t ch, int *cl)
{
    amp_lsp_pos p = {line, ch};
    return amp_pos_to_offset(amp_text_view_of(t), e, p, cl);
}

static void test_ascii_and_line_endings(void)
{
    amp_text t = make("ab\r\ncd\ref\ngh");
    AMP_CHECK_INT(t.line_count, 4);
    int cl;
    AMP_CHECK_INT(to_off(&t, AMP_ENC_UTF16, 1, 1, &cl), 5);
    AMP_CHECK_INT(cl, 0);
    AMP_CHECK_INT(to_off(&t, AMP_ENC_UTF16, 2, 0, &cl), 7);
    AMP_CHECK_INT(to_off(&t, AMP_ENC_UTF16, 3, 2, &cl), 12);
    /* Past the end of a line clamps to its end, before the line break. */
    AMP_CHECK_INT(to_off(&t, AMP_ENC_UTF16, 0, 99, &cl), 2);
    AMP_CHECK_INT(cl, 1);
    /* Past the last line clamps to the end of the text. */
    AMP_CHECK_INT(to_off(&t, AMP_ENC_UTF16, 9, 0, &cl), 12);
    AMP_CHECK_INT(cl, 1);
    amp_lsp_pos p = amp_offset_to_pos(amp_text_view_of(&t), AMP_ENC_UTF16, 8);
    AMP_CHECK_INT(p.line, 2);
    AMP_CHECK_INT(p.character, 1);
    amp_text_free(&t);
}

static void test_multibyte_in_each_encoding(void)
{
    /* "é" is 2 bytes / 1 UTF-16 unit; "😀" is 4 bytes / 2 UTF-16 units. */
    amp_text t = make("aé😀b\nx");
    int cl;
    AMP_CHECK_INT(to_off(&t, AMP_ENC_UTF16, 0, 4, &cl), 7); /* before b */
    AMP_CHECK_INT(to_off(&t, AMP_ENC_UTF8, 0, 7, &cl), 7);
    AMP_CHECK_INT(to_off(&t, AMP_ENC_UTF32, 0, 3, &cl), 7);
    /* Between the halves of the surrogate pair: the start of the emoji. */
    AMP_CHECK_INT(to_off(&t, AMP_ENC_UTF16, 0, 3, &cl), 3);
    AMP_CHECK_INT(cl, 1);
    /* Inside a UTF-8 sequence: the start of the character. */
    AMP_CHECK_INT(to_off(&t, AMP_ENC_UTF8, 0, 2, &cl), 1);
    AMP_CHECK_INT(cl, 1);
    amp_text_view v = amp_text_view_of(&t);
    AMP_CHECK_INT(amp_offset_to_pos(v, AMP_ENC_UTF16, 7).character, 4);
    AMP_CHECK_INT(amp_offset_to_pos(v, AMP_ENC_UTF8, 7).character, 7);
    AMP_CHECK_INT(amp_offset_to_pos(v, AMP_ENC_UTF32, 7).character, 3);
    /* An offset inside the emoji reports its start. */
    AMP_CHECK_INT(amp_offset_to_pos(v, AMP_ENC_UTF16, 5).character, 2);
    AMP_CHECK_INT(amp_offset_to_pos(v, AMP_ENC_UTF16, 9).line, 1);
    amp_text_free(&t);
}

static void test_invalid_utf8_counts_one_unit_per_byte(void)
{
    amp_text t = make("a\xff\xfe"
                      "b");
    int cl;
    AMP_CHECK_INT(to_off(&t, AMP_ENC_UTF16, 0, 3, &cl), 3);
    AMP_CHECK_INT(amp_count_units(t.bytes, t.len, AMP_ENC_UTF16), 4);
    amp_text_free(&t);
}

static void test_round_trip_every_offset(void)
{
    amp_text t = make("x😀y\r\nzé\r\r\nq");
    amp_text_view v = amp_text_view_of(&t);
    amp_encoding encs[] = {AMP_ENC_UTF8, AMP_ENC_UTF16, AMP_ENC_UTF32};
    for (int e = 0; e < 3; e++)
        for (uint32_t off = 0; off <= t.len; off++) {
            amp_lsp_pos p = amp_offset_to_pos(v, encs[e], off);
            uint32_t back = amp_pos_to_offset(v, encs[e], p, NULL);
            /* Offsets at character starts round-trip exactly. */
            if ((t.bytes[off] & 0xC0) != 0x80 &&
                !(off > 0 && t.bytes[off - 1] == '\r' && t.bytes[off] == '\n'))
                AMP_CHECK_INT(back, off);
            else
                AMP_CHECK(back < off);
        }
    AMP_CHECK_INT(amp_encoding_from_name("utf-8"), AMP_ENC_UTF8);
    AMP_CHECK_INT(amp_encoding_from_name("utf-7"), 0);
    AMP_CHECK_STR(amp_encoding_name(AMP_ENC_UTF16), "utf-16");
    amp_text_free(&t);
}

int main(void)
{
    AMP_RUN(test_ascii_and_line_endings);
    AMP_RUN(test_multibyte_in_each_encoding);
    AMP_RUN(test_invalid_utf8_counts_one_unit_per_byte);
    AMP_RUN(test_round_trip_every_offset);
    return amp_test_summary();
}
