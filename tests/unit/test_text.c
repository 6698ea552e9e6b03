/*
 * test_text.c: incremental line-index maintenance, checked against a full
 * recomputation after every edit, including random edits that split and join
 * CRLF pairs.
 */
#include "amp_test.h"
#include "amp_text.h"

#include <stdlib.h>

static void test_basic_edits(void)
{
    amp_text t;
    amp_text_init(&t, "hello\nworld", 11);
    AMP_CHECK_INT(t.line_count, 2);
    amp_text_replace(&t, 5, 6, "", 0); /* join lines */
    AMP_CHECK_STR(t.bytes, "helloworld");
    AMP_CHECK_INT(t.line_count, 1);
    amp_text_replace(&t, 10, 10, "\r\n!\r", 4); /* at end of file */
    AMP_CHECK_INT(t.line_count, 3);
    AMP_CHECK_INT(t.lone_cr, 1);
    AMP_CHECK_INT(amp_text_check(&t), 0);
    amp_text_replace(&t, 14, 14, "\n", 1); /* lone CR becomes CRLF */
    AMP_CHECK_INT(t.lone_cr, 0);
    AMP_CHECK_INT(t.line_count, 3);
    AMP_CHECK_INT(amp_text_check(&t), 0);
    amp_text_replace(&t, 0, t.len, "", 0); /* empty document */
    AMP_CHECK_INT(t.len, 0);
    AMP_CHECK_INT(t.line_count, 1);
    AMP_CHECK_INT(amp_text_check(&t), 0);
    amp_text_free(&t);
}

static void test_split_crlf(void)
{
    amp_text t;
    amp_text_init(&t, "a\r\nb", 4);
    amp_text_replace(&t, 2, 2, "X", 1); /* "a\rX\nb": lone CR then LF */
    AMP_CHECK_INT(t.line_count, 3);
    AMP_CHECK_INT(t.lone_cr, 1);
    AMP_CHECK_INT(amp_text_check(&t), 0);
    amp_text_replace(&t, 2, 3, "", 0); /* joined again */
    AMP_CHECK_INT(t.line_count, 2);
    AMP_CHECK_INT(amp_text_check(&t), 0);
    amp_text_free(&t);
}

static void test_points_follow_tree_sitter_rows(void)
{
    amp_text t;
    amp_text_init(&t, "a\rb\nc", 5);
    TSPoint p = amp_text_point(&t, 4); /* "c": LSP line 2, tree-sitter row 1 */
    AMP_CHECK_INT(p.row, 1);
    AMP_CHECK_INT(p.column, 0);
    p = amp_text_point(&t, 3);
    AMP_CHECK_INT(p.row, 0);
    AMP_CHECK_INT(p.column, 3);
    amp_text_free(&t);
}

static void test_random_edits(void)
{
    static const char *pieces[] = {"\r", "\n", "\r\n", "x", "é", "😀", "ab\ncd", "\r\r\n\n", ""};
    srand(7);
    amp_text t;
    amp_text_init(&t, "", 0);
    int bad = 0;
    for (int i = 0; i < 20000 && !bad; i++) {
        uint32_t a = t.len ? (uint32_t)rand() % (t.len + 1) : 0;
        uint32_t b = a + (t.len - a ? (uint32_t)rand() % (t.len - a + 1) : 0);
        if (rand() % 3)
            b = a + (b - a) % 4;
        const char *ins = pieces[rand() % 9];
        amp_text_replace(&t, a, b, ins, (uint32_t)strlen(ins));
        if (t.len > 4000)
            amp_text_replace(&t, 0, 2000, "", 0);
        if (amp_text_check(&t) != 0)
            bad = i + 1;
    }
    AMP_CHECK_INT(bad, 0);
    amp_text_free(&t);
}

int main(void)
{
    AMP_RUN(test_basic_edits);
    AMP_RUN(test_split_crlf);
    AMP_RUN(test_points_follow_tree_sitter_rows);
    AMP_RUN(test_random_edits);
    return amp_test_summary();
}
