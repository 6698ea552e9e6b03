/*
 * test_doc.c: documents keep text and tree in step. After random edits and
 * incremental reparses, the tree equals a fresh parse of the same text.
 */
#include "amp_doc.h"
#include "amp_test.h"

#include <stdlib.h>
#include <string.h>

static char *sexp(TSTree *tree)
{
    return ts_node_string(ts_tree_root_node(tree));
}

static void test_parse_and_edit(void)
{
    TSParser *parser = amp_parser_new();
    AMP_CHECK(parser != NULL);
    amp_doc d;
    const char *src = "const x = a.model({ title: a.string() });\n";
    amp_doc_init(&d, src, (uint32_t)strlen(src), 1, 1 << 20);
    AMP_CHECK_INT(amp_doc_reparse(&d, parser), 0);
    AMP_CHECK(d.tree != NULL);
    AMP_CHECK(!ts_node_has_error(ts_tree_root_node(d.tree)));
    /* Type a broken token, then repair it. */
    amp_doc_edit(&d, 26, 26, "(", 1);
    amp_doc_reparse(&d, parser);
    AMP_CHECK(ts_node_has_error(ts_tree_root_node(d.tree)));
    amp_doc_edit(&d, 26, 27, "", 0);
    amp_doc_reparse(&d, parser);
    AMP_CHECK(!ts_node_has_error(ts_tree_root_node(d.tree)));
    AMP_CHECK_INT(amp_doc_check(&d), 0);
    amp_doc_free(&d);
    amp_parser_delete(parser);
}

static void test_too_large_is_not_parsed(void)
{
    TSParser *parser = amp_parser_new();
    amp_doc d;
    amp_doc_init(&d, "let a = 1;", 10, 1, 5);
    amp_doc_reparse(&d, parser);
    AMP_CHECK(d.too_large);
    AMP_CHECK(d.tree == NULL);
    amp_doc_edit(&d, 3, 10, "", 0);
    amp_doc_reparse(&d, parser);
    AMP_CHECK(!d.too_large);
    AMP_CHECK(d.tree != NULL);
    amp_doc_free(&d);
    amp_parser_delete(parser);
}

static void test_random_edits_match_fresh_parse(void)
{
    static const char *pieces[] = {"a.model({ x: a.string() })",
                                   "\r\n",
                                   "é",
                                   "😀",
                                   "'",
                                   "(",
                                   ")",
                                   "{",
                                   "}",
                                   "// c\n",
                                   "const y = 1;\n",
                                   ""};
    const char *src = "import { a } from '@aws-amplify/backend';\nconst schema = a.schema({\n"
                      "  Post: a.model({ title: a.string().required() }),\n});\n";
    TSParser *parser = amp_parser_new();
    amp_doc d;
    amp_doc_init(&d, src, (uint32_t)strlen(src), 1, 1 << 20);
    amp_doc_reparse(&d, parser);
    srand(11);
    int mismatches = 0, broken = 0;
    for (int i = 0; i < 2000; i++) {
        uint32_t a = (uint32_t)rand() % (d.text.len + 1);
        uint32_t b = a + (uint32_t)rand() % 5;
        const char *ins = pieces[rand() % 12];
        amp_doc_edit(&d, a, b, ins, (uint32_t)strlen(ins));
        if (d.text.len > 3000)
            amp_doc_edit(&d, 0, 1000, "", 0);
        amp_doc_reparse(&d, parser);
        broken += amp_doc_check(&d) != 0;
        if (i % 50 == 0) {
            TSTree *fresh = ts_parser_parse_string(parser, NULL, d.text.bytes, d.text.len);
            char *s1 = sexp(d.tree), *s2 = sexp(fresh);
            mismatches += strcmp(s1, s2) != 0;
            free(s1);
            free(s2);
            ts_tree_delete(fresh);
        }
    }
    AMP_CHECK_INT(broken, 0);
    AMP_CHECK_INT(mismatches, 0);
    amp_doc_free(&d);
    amp_parser_delete(parser);
}

/* What amp_doc_changed_since says changed since an earlier text: the bytes
 * before the span and after it are the same in both texts, for any run of
 * up to AMP_DOC_CHANGE_LOG random edits; a longer run, or a text set
 * whole, has no answer. */
static void test_changed_since_covers_random_edits(void)
{
    static const char *pieces[] = {"x", "", "a.string()", "\n", "é", "{ y: 1 }"};
    const char *src = "const schema = a.schema({ A: a.model({}), B: a.model({}) });\n";
    amp_doc d;
    amp_doc_init(&d, src, (uint32_t)strlen(src), 1, 1 << 20);
    uint32_t start, old_end, new_end;
    AMP_CHECK(amp_doc_changed_since(&d, d.gen, &start, &old_end, &new_end));
    AMP_CHECK(start == d.text.len && old_end == d.text.len && new_end == d.text.len);
    srand(7);
    int wrong = 0;
    for (int round = 0; round < 300; round++) {
        char *before = strndup(d.text.bytes, d.text.len);
        uint32_t before_len = d.text.len;
        uint64_t gen = d.gen;
        int edits = 1 + rand() % (AMP_DOC_CHANGE_LOG + 4);
        for (int i = 0; i < edits; i++) {
            uint32_t a = (uint32_t)rand() % (d.text.len + 1), b = a + (uint32_t)rand() % 4;
            const char *ins = pieces[rand() % 6];
            amp_doc_edit(&d, a, b, ins, (uint32_t)strlen(ins));
        }
        bool known = amp_doc_changed_since(&d, gen, &start, &old_end, &new_end);
        if (edits > AMP_DOC_CHANGE_LOG) {
            wrong += known;
        } else if (!known || start > old_end || old_end > before_len || start > new_end ||
                   new_end > d.text.len || before_len - old_end != d.text.len - new_end ||
                   memcmp(before, d.text.bytes, start) != 0 ||
                   memcmp(before + old_end, d.text.bytes + new_end, before_len - old_end) != 0) {
            wrong++;
        }
        free(before);
        if (d.text.len > 2000)
            amp_doc_set_text(&d, src, (uint32_t)strlen(src));
    }
    AMP_CHECK_INT(wrong, 0);
    /* A text set whole starts a new line of edits; the same text keeps it. */
    uint64_t gen = d.gen;
    amp_doc_set_text(&d, d.text.bytes, d.text.len);
    AMP_CHECK(d.gen == gen);
    amp_doc_set_text(&d, "let other = 1;\n", 15);
    AMP_CHECK(!amp_doc_changed_since(&d, gen, &start, &old_end, &new_end));
    amp_doc_free(&d);
}

int main(void)
{
    AMP_RUN(test_parse_and_edit);
    AMP_RUN(test_too_large_is_not_parsed);
    AMP_RUN(test_random_edits_match_fresh_parse);
    AMP_RUN(test_changed_since_covers_random_edits);
    return amp_test_summary();
}
