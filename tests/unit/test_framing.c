/*
 * test_framing.c: the LSP base-protocol framer, fed the way pipes deliver
 * bytes: split anywhere, several messages at once, and hostile headers.
 */
#include "amp_framing.h"
#include "amp_test.h"

#include <stdlib.h>

/* Feeds a string and collects up to 8 results into out[] as "M:<body>" or
 * "E:<error>". Returns the count. */
static int drain(amp_framer *f, char out[][128])
{
    int n = 0;
    amp_frame fr;
    amp_frame_status st;
    while ((st = amp_framer_next(f, &fr)) != AMP_FRAME_NONE && n < 8) {
        if (st == AMP_FRAME_MESSAGE)
            snprintf(out[n++], 128, "M:%.*s", (int)fr.body_len, fr.body);
        else
            snprintf(out[n++], 128, "E:%s", fr.error);
    }
    return n;
}

static void test_one_message(void)
{
    amp_framer *f = amp_framer_new(1024);
    char out[8][128];
    const char *s = "Content-Length: 2\r\n\r\n{}";
    amp_framer_feed(f, s, strlen(s));
    AMP_CHECK_INT(drain(f, out), 1);
    AMP_CHECK_STR(out[0], "M:{}");
    AMP_CHECK_INT(amp_framer_buffered(f), 0);
    amp_framer_delete(f);
}

static void test_split_at_every_byte(void)
{
    const char *s = "Content-Length: 5\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8"
                    "\r\n\r\nhello";
    size_t len = strlen(s);
    for (size_t cut = 0; cut <= len; cut++) {
        amp_framer *f = amp_framer_new(1024);
        char out[8][128];
        amp_framer_feed(f, s, cut);
        int n = drain(f, out);
        amp_framer_feed(f, s + cut, len - cut);
        n += drain(f, out + n);
        AMP_CHECK_INT(n, 1);
        AMP_CHECK_STR(out[0], "M:hello");
        amp_framer_delete(f);
    }
}

static void test_several_in_one_read(void)
{
    amp_framer *f = amp_framer_new(1024);
    char out[8][128];
    const char *s = "Content-Length: 1\r\n\r\naContent-Length: 1\r\n\r\nbcontent-length:1\r\n\r\nc";
    amp_framer_feed(f, s, strlen(s));
    AMP_CHECK_INT(drain(f, out), 3);
    AMP_CHECK_STR(out[0], "M:a");
    AMP_CHECK_STR(out[1], "M:b");
    AMP_CHECK_STR(out[2], "M:c");
    amp_framer_delete(f);
}

static void test_bad_lengths_resync(void)
{
    const char *cases[] = {
        "Content-Length: -3\r\n\r\nxyzContent-Length: 2\r\n\r\nok",
        "Content-Length: abc\r\n\r\nContent-Length: 2\r\n\r\nok",
        "Content-Type: text\r\n\r\nContent-Length: 2\r\n\r\nok",
        "garbage garbage\r\n\r\nContent-Length: 2\r\n\r\nok",
        "Content-Length: 99999999999999999999999\r\n\r\nContent-Length: 2\r\n\r\nok",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        amp_framer *f = amp_framer_new(1024);
        char out[8][128];
        amp_framer_feed(f, cases[i], strlen(cases[i]));
        int n = drain(f, out);
        AMP_CHECK(n >= 2);
        AMP_CHECK(out[0][0] == 'E');
        AMP_CHECK_STR(out[n - 1], "M:ok");
        amp_framer_delete(f);
    }
}

static void test_over_cap_resyncs_at_next_header(void)
{
    amp_framer *f = amp_framer_new(8);
    char out[8][128];
    const char *h = "Content-Length: 20\r\n\r\n01234567890123456789Content-Length: 2\r\n\r\nok";
    amp_framer_feed(f, h, strlen(h));
    AMP_CHECK_INT(drain(f, out), 2);
    AMP_CHECK(strstr(out[0], "larger") != NULL);
    AMP_CHECK_STR(out[1], "M:ok");
    /* A lying huge length does not stall the stream. */
    const char *lie = "Content-Length: 999999999999\r\n\r\n{}Content-Length: 2\r\n\r\nok";
    amp_framer_feed(f, lie, strlen(lie));
    AMP_CHECK_INT(drain(f, out), 2);
    AMP_CHECK_STR(out[1], "M:ok");
    amp_framer_delete(f);
}

static void test_incomplete_body_waits(void)
{
    amp_framer *f = amp_framer_new(1024);
    char out[8][128];
    amp_framer_feed(f, "Content-Length: 10\r\n\r\nabc", 25);
    AMP_CHECK_INT(drain(f, out), 0);
    amp_framer_feed(f, "defghij", 7);
    AMP_CHECK_INT(drain(f, out), 1);
    AMP_CHECK_STR(out[0], "M:abcdefghij");
    amp_framer_delete(f);
}

static void test_endless_header_is_an_error(void)
{
    amp_framer *f = amp_framer_new(1024);
    char out[8][128];
    char junk[5000];
    memset(junk, 'x', sizeof junk);
    amp_framer_feed(f, junk, sizeof junk);
    AMP_CHECK(drain(f, out) >= 1);
    AMP_CHECK(out[0][0] == 'E');
    AMP_CHECK(amp_framer_buffered(f) < 16);
    amp_framer_delete(f);
}

static void test_encode(void)
{
    size_t len;
    char *buf = amp_frame_encode("{\"a\":1}", 7, &len);
    AMP_CHECK_INT(len, strlen("Content-Length: 7\r\n\r\n{\"a\":1}"));
    AMP_CHECK(memcmp(buf, "Content-Length: 7\r\n\r\n{\"a\":1}", len) == 0);
    free(buf);
}

int main(void)
{
    AMP_RUN(test_one_message);
    AMP_RUN(test_split_at_every_byte);
    AMP_RUN(test_several_in_one_read);
    AMP_RUN(test_bad_lengths_resync);
    AMP_RUN(test_over_cap_resyncs_at_next_header);
    AMP_RUN(test_incomplete_body_waits);
    AMP_RUN(test_endless_header_is_an_error);
    AMP_RUN(test_encode);
    return amp_test_summary();
}
