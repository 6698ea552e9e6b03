/*
 * test_parse_guard.c: texts that would make tree-sitter 0.20.7 build a node
 * of 65,536 children or more (which it cannot count: see amp_doc.h) are
 * not parsed, on a first parse and on the incremental path, and large valid
 * texts still are. Every dangerous text here crashes the process (an
 * invalid free, reported by AddressSanitizer) when it reaches tree-sitter;
 * each was checked against an instrumented tree-sitter that counts
 * children, and the comment says how many its largest node gets.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amp_doc.h"
#include "amp_syntax.h"
#include "amp_test.h"
#include "lang_hook.h"

#define LIMIT (8u << 20)

typedef struct buf {
    char *p;
    size_t len, cap;
} buf;

static void put(buf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
        if (!b->p)
            abort();
    }
    memcpy(b->p + b->len, s, n + 1);
    b->len += n;
}

static void put_times(buf *b, const char *s, int times)
{
    for (int i = 0; i < times; i++)
        put(b, s);
}

/* prefix + unit * times + suffix, owned by the caller. */
static char *repeat(const char *prefix, const char *unit, int times, const char *suffix)
{
    buf b = {0};
    put(&b, prefix);
    put_times(&b, unit, times);
    put(&b, suffix);
    return b.p;
}

/* A valid data schema of n models in one file, like tests/bench/generate.py
 * makes; with `broken`, an unterminated string near its start. */
static char *schema(int n, bool broken)
{
    buf b = {0};
    put(&b, "import { a, defineData, type ClientSchema } from '@aws-amplify/backend';\n"
            "const schema = a.schema({\n");
    char line[256];
    for (int i = 0; i < n; i++) {
        snprintf(line, sizeof line,
                 "  %sM%d: a.model({ title: a.string().required(), n: a.integer(), other: "
                 "a.belongsTo('M%d', 'otherId'), otherId: a.id() })"
                 ".authorization((allow) => [allow.owner()]),\n",
                 broken && i == 1 ? "'" : "", i, i);
        put(&b, line);
    }
    put(&b, "});\nexport type Schema = ClientSchema<typeof schema>;\n"
            "export const data = defineData({ schema });\n");
    return b.p;
}

static bool has_code(const amp_doc *d, const char *code)
{
    amp_diag_list diags = {0};
    amp_syntax_diagnostics(d, &diags);
    bool found = false;
    for (size_t i = 0; i < diags.count; i++)
        found |= strcmp(diags.items[i].code, code) == 0;
    amp_diag_list_clear(&diags);
    return found;
}

/* Parses text (owned, freed here) through a document: it must be refused. */
static void refused(TSParser *parser, char *text, const char *what)
{
    amp_doc d;
    AMP_CHECK_INT(amp_doc_init(&d, text, (uint32_t)strlen(text), 1, LIMIT), 0);
    AMP_CHECK_INT(amp_doc_reparse(&d, parser), 0);
    if (!d.too_complex || d.tree)
        fprintf(stderr, "not refused: %s\n", what);
    AMP_CHECK(d.too_complex && d.tree == NULL);
    AMP_CHECK(d.run_start < d.run_end && d.run_end <= d.text.len);
    AMP_CHECK(has_code(&d, "file-too-complex"));
    amp_doc_free(&d);
    free(text);
}

/* Parses text (owned, freed here): it must get a tree without errors. */
static void parsed(TSParser *parser, char *text, const char *what)
{
    amp_doc d;
    AMP_CHECK_INT(amp_doc_init(&d, text, (uint32_t)strlen(text), 1, LIMIT), 0);
    AMP_CHECK_INT(amp_doc_reparse(&d, parser), 0);
    if (d.too_complex || !d.tree)
        fprintf(stderr, "not parsed: %s\n", what);
    AMP_CHECK(!d.too_complex && d.tree != NULL);
    AMP_CHECK(d.tree && !ts_node_has_error(ts_tree_root_node(d.tree)));
    AMP_CHECK(!has_code(&d, "file-too-complex"));
    amp_doc_free(&d);
    free(text);
}

static void test_unbalanced_tokens_are_refused(void)
{
    TSParser *parser = amp_parser_new();
    const int n = 70000;
    /* The parse stack, wrapped into one ERROR at the end of the file. */
    refused(parser, repeat("", "(", n, ""), "70,000 ( (70,001 children)");
    refused(parser, repeat("export const y = ", "(", n, "a.model({\n"), "( then a call");
    refused(parser, repeat("", "[", n, ""), "70,000 [ (70,001)");
    refused(parser, repeat("", "{", n, ""), "70,000 { (70,001)");
    refused(parser, repeat("`", "${", n, ""), "70,000 ${ (104,997)");
    refused(parser, repeat("x = ", "!", n, ")"), "70,000 ! (70,004)");
    refused(parser, repeat("x = ", "- ", n, ")"), "70,000 - (70,004)");
    refused(parser, repeat("x = ", "typeof ", n, ")"), "typeof chain (70,004)");
    refused(parser, repeat("", "a=", n, ")"), "assignment chain (140,002)");
    refused(parser, repeat("", "if(a)", n, ""), "if chain (140,002)");
    refused(parser, repeat("", "a:", n, ")"), "label chain (140,002)");
    refused(parser, repeat("x = ", "a?b:", n, ")"), "conditional chain (280,004)");
    refused(parser, repeat("x = ", "a=>", n, ")"), "arrow chain (140,004)");
    refused(parser, repeat("type T = ", "keyof ", n, ")"), "keyof chain (70,005)");
    refused(parser, repeat("type T = ", "()=>", n, ")"), "function type chain (140,005)");
    refused(parser, repeat("if(a)x;", "else if(a)x;", n, ")"), "else-if chain (280,005)");
    refused(parser, repeat("x = ", "\"a\" ", n, ";\n"), "adjacent strings (70,000)");
    /* Not dangerous for tree-sitter (7 children), refused all the same: a
     * run of 70,000 tokens with nothing that ends it. */
    refused(parser, repeat("let x = ", "<", n, ""), "70,000 <");
    amp_parser_delete(parser);
}

static void test_comment_runs_are_refused(void)
{
    TSParser *parser = amp_parser_new();
    const int n = 70000;
    /* Valid files: all the comments between two tokens are children of one
     * node (the root for leading and trailing ones). */
    refused(parser, repeat("", "//\n", n, "let x = 1;\n"), "leading comments (70,002)");
    refused(parser, repeat("let x = 1;\n", "/**/", n, ""), "trailing comments (70,002)");
    refused(parser, repeat("f(1", "/**/", n, ")"), "comments in a call (70,003)");
    refused(parser, repeat("", "/**/", n, ""), "only comments (70,001)");
    amp_parser_delete(parser);
}

static void test_large_valid_files_are_parsed(void)
{
    TSParser *parser = amp_parser_new();
    parsed(parser, schema(3000, false), "a 3,000-model schema");
    parsed(parser, repeat("export const x = [", "1, ", 100000, "];\n"), "100,000 elements");
    parsed(parser, repeat("", "x;\n", 100000, ""), "100,000 statements");
    parsed(parser, repeat("", "// note\nx;\n", 40000, ""), "40,000 commented statements");
    char *deep = repeat("export const x = ", "(", 8000, "1");
    buf b = {deep, strlen(deep), strlen(deep) + 1};
    put_times(&b, ")", 8000);
    put(&b, ";\n");
    parsed(parser, b.p, "8,000 nested parentheses");
    /* An unterminated string in a large schema: tree-sitter's recovery
     * keeps the rest of the file on its stack (13,133 children for 2,000
     * models), so a large enough file is refused until the string ends. */
    refused(parser, schema(12000, true), "a broken 12,000-model schema");
    amp_parser_delete(parser);
}

/* Error recovery that never succeeds over a long region merges its errors
 * into one ERROR across `;` separators, with no lexical sign the scan could
 * see (the bound stays at 5): the error watch stops these parses. */
static void test_long_error_regions_are_stopped(void)
{
    TSParser *parser = amp_parser_new();
    /* 79,997 children in one ERROR without the watch. */
    char *soup = repeat("class ", "else =>:; extends type", 20000, "\n");
    uint32_t at = 0, end = 0;
    AMP_CHECK(amp_doc_run_bound(soup, (uint32_t)strlen(soup), AMP_DOC_MAX_RUN, &at, &end, NULL) <=
              AMP_DOC_MAX_RUN);
    amp_doc d;
    AMP_CHECK_INT(amp_doc_init(&d, soup, (uint32_t)strlen(soup), 1, LIMIT), 0);
    AMP_CHECK_INT(amp_doc_reparse(&d, parser), 0);
    AMP_CHECK(d.too_complex && d.error_region && d.tree == NULL);
    AMP_CHECK(d.watch_logged); /* the first error turned the logger on */
    AMP_CHECK(d.run_start < d.run_end && d.run_end <= d.text.len);
    AMP_CHECK(has_code(&d, "file-too-complex"));
    /* The parser was reset: the next parse starts afresh and succeeds. */
    char *ok = schema(20, false);
    AMP_CHECK_INT(amp_doc_set_text(&d, ok, (uint32_t)strlen(ok)), 0);
    AMP_CHECK_INT(amp_doc_reparse(&d, parser), 0);
    AMP_CHECK(!d.too_complex && !d.error_region && d.tree != NULL);
    AMP_CHECK(d.tree && !ts_node_has_error(ts_tree_root_node(d.tree)));
    amp_doc_free(&d);
    free(ok);
    free(soup);
    refused(parser, repeat("class ", "else =>:; extends type ;", 20000, ""),
            "error soup with separators");

    /* Pasted into a large clean file, whose tree is reused: still stopped,
     * and parsed again once the paste is undone. */
    char *text = schema(3000, false);
    AMP_CHECK_INT(amp_doc_init(&d, text, (uint32_t)strlen(text), 1, LIMIT), 0);
    AMP_CHECK_INT(amp_doc_reparse(&d, parser), 0);
    AMP_CHECK(d.tree && !d.too_complex);
    /* Watched (a first parse of that many tokens), and valid: the logger
     * never came on. */
    AMP_CHECK(d.tokens >= AMP_DOC_WATCH_MIN_TOKENS && !d.watch_logged);
    uint32_t mid = (uint32_t)(strstr(text, "  M1500:") - text);
    char *paste = repeat("class ", "else =>:; extends type", 20000, "\n");
    uint32_t paste_len = (uint32_t)strlen(paste);
    AMP_CHECK_INT(amp_doc_edit(&d, mid, mid, paste, paste_len), 0);
    AMP_CHECK_INT(amp_doc_reparse(&d, parser), 0);
    AMP_CHECK(d.too_complex && d.error_region && d.tree == NULL);
    if (!(d.run_start >= mid && d.run_end <= mid + paste_len))
        fprintf(stderr, "run %u-%u, paste %u-%u\n", d.run_start, d.run_end, mid, mid + paste_len);
    AMP_CHECK(d.run_start >= mid && d.run_end <= mid + paste_len);
    AMP_CHECK_INT(amp_doc_edit(&d, mid, mid + paste_len, "", 0), 0);
    AMP_CHECK_INT(amp_doc_reparse(&d, parser), 0);
    AMP_CHECK(!d.too_complex && d.tree && !ts_node_has_error(ts_tree_root_node(d.tree)));

    /* Ordinary syntax errors in a large watched file are not stopped: an
     * incomplete line being typed, parsed first and then edited. */
    const char *typing = "    half: a.";
    uint32_t at2 = (uint32_t)(strstr(text, "  M10:") - text);
    AMP_CHECK_INT(amp_doc_edit(&d, at2, at2, typing, (uint32_t)strlen(typing)), 0);
    AMP_CHECK_INT(amp_doc_reparse(&d, parser), 0);
    AMP_CHECK(!d.too_complex && d.tree && ts_node_has_error(ts_tree_root_node(d.tree)));
    AMP_CHECK_INT(
        amp_doc_edit(&d, at2 + (uint32_t)strlen(typing), at2 + (uint32_t)strlen(typing), "s", 1),
        0);
    AMP_CHECK_INT(amp_doc_reparse(&d, parser), 0);
    AMP_CHECK(!d.too_complex && d.tree != NULL);
    TSTree *fresh = amp_doc_parse_fresh(&d, parser);
    AMP_CHECK(fresh != NULL);
    ts_tree_delete(fresh);
    amp_doc_free(&d);
    free(paste);
    free(text);
    amp_parser_delete(parser);
}

/* Reaching the limit by edits, then leaving it: the old tree is dropped,
 * and a fresh parse follows. */
static void test_incremental_edits(void)
{
    TSParser *parser = amp_parser_new();
    char *text = schema(50, false);
    amp_doc d;
    AMP_CHECK_INT(amp_doc_init(&d, text, (uint32_t)strlen(text), 1, LIMIT), 0);
    AMP_CHECK_INT(amp_doc_reparse(&d, parser), 0);
    AMP_CHECK(d.tree && !d.too_complex);
    uint32_t at = (uint32_t)(strstr(text, "M7:") - text);
    char *chunk = repeat("", "(", 1000, "");
    int edits = 0;
    while (!d.too_complex && edits < 100) {
        AMP_CHECK_INT(amp_doc_edit(&d, at, at, chunk, 1000), 0);
        AMP_CHECK_INT(amp_doc_reparse(&d, parser), 0);
        AMP_CHECK_INT(amp_doc_check(&d), 0);
        edits++;
    }
    AMP_CHECK(d.too_complex && d.tree == NULL);
    AMP_CHECK(edits > 10 && edits <= 17); /* passes 16,384 after 17 edits at most */
    AMP_CHECK(d.run_start >= at && d.run_end <= at + (uint32_t)edits * 1000);
    /* Keep typing while refused: still no tree, text exact. */
    AMP_CHECK_INT(amp_doc_edit(&d, at, at, chunk, 1000), 0);
    AMP_CHECK_INT(amp_doc_reparse(&d, parser), 0);
    AMP_CHECK(d.too_complex && d.tree == NULL);
    edits++;
    /* Remove them in one edit: parsed again, from scratch. */
    AMP_CHECK_INT(amp_doc_edit(&d, at, at + (uint32_t)edits * 1000, "", 0), 0);
    AMP_CHECK_INT(amp_doc_reparse(&d, parser), 0);
    AMP_CHECK(!d.too_complex && d.tree != NULL);
    AMP_CHECK(d.text.len == strlen(text) && memcmp(d.text.bytes, text, d.text.len) == 0);
    AMP_CHECK(d.tree && !ts_node_has_error(ts_tree_root_node(d.tree)));
    AMP_CHECK_INT(amp_doc_check(&d), 0);
    /* A full-text change to something refused, and back. */
    char *bad = repeat("", "[", 70000, "");
    AMP_CHECK_INT(amp_doc_set_text(&d, bad, (uint32_t)strlen(bad)), 0);
    AMP_CHECK_INT(amp_doc_reparse(&d, parser), 0);
    AMP_CHECK(d.too_complex && d.tree == NULL);
    AMP_CHECK_INT(amp_doc_set_text(&d, text, (uint32_t)strlen(text)), 0);
    AMP_CHECK_INT(amp_doc_reparse(&d, parser), 0);
    AMP_CHECK(!d.too_complex && d.tree != NULL);
    amp_doc_free(&d);
    free(bad);
    free(chunk);
    free(text);
    amp_parser_delete(parser);
}

/* One walk of a tree: the leaves tree-sitter lexed (zero-width ones
 * included; not the MISSING ones error recovery invents) and the largest
 * number of children of a node. */
typedef struct tree_shape {
    uint32_t leaves, most_children;
} tree_shape;

static tree_shape shape_of(TSNode root)
{
    tree_shape shape = {0, 0};
    TSTreeCursor c = ts_tree_cursor_new(root);
    for (;;) {
        TSNode node = ts_tree_cursor_current_node(&c);
        uint32_t n = ts_node_child_count(node);
        if (n > shape.most_children)
            shape.most_children = n;
        if (ts_tree_cursor_goto_first_child(&c))
            continue;
        shape.leaves += !ts_node_is_missing(node);
        while (!ts_tree_cursor_goto_next_sibling(&c))
            if (!ts_tree_cursor_goto_parent(&c)) {
                ts_tree_cursor_delete(&c);
                return shape;
            }
    }
}

/* Why texts under AMP_DOC_WATCH_MIN_TOKENS need no error watch: on random
 * soups of TypeScript tokens (few kinds repeated, the shape that makes the
 * longest error regions, or many kinds), no node gets more children than
 * the text's token bound. */
static void test_token_bound_covers_children(void)
{
    static const char *const words[] = {
        "class", "else",     "=>", ":",   ";",    "extends",   "type", "a",      "b",      "(",
        ")",     "{",        "}",  "[",   "]",    ",",         "=",    "if",     "return", "const",
        "let",   "function", "<",  ">",   "?",    ".",         "...",  "import", "from",   "export",
        "'s'",   "1",        "+",  "new", "as",   "interface", "enum", "async",  "await",  "|",
        "&",     "!",        "\n", "@",   "void", "in",        "of",   "for",    "while",  "/**/"};
    const uint32_t nwords = sizeof words / sizeof words[0];
    TSParser *parser = amp_parser_new();
    uint32_t seed = 7;
    for (int round = 0; round < 30; round++) {
        buf b = {0};
        seed = seed * 1103515245u + 12345u;
        uint32_t kinds = 1 + (seed >> 16) % (round % 2 ? 4 : nwords);
        seed = seed * 1103515245u + 12345u;
        uint32_t first = (seed >> 16) % nwords;
        for (int t = 0; t < 1500; t++) {
            seed = seed * 1103515245u + 12345u;
            put(&b, words[(first + (seed >> 16) % kinds) % nwords]);
            put(&b, " ");
        }
        uint32_t at, end, tokens = 0;
        amp_doc_run_bound(b.p, (uint32_t)b.len, 1u << 30, &at, &end, &tokens);
        TSTree *tree = ts_parser_parse_string(parser, NULL, b.p, (uint32_t)b.len);
        uint32_t most = shape_of(ts_tree_root_node(tree)).most_children;
        if (most > tokens)
            fprintf(stderr, "round %d: a node of %u children, token bound %u\n", round, most,
                    tokens);
        AMP_CHECK(most <= tokens);
        ts_tree_delete(tree);
        free(b.p);
    }
    amp_parser_delete(parser);
}

/* What the error watch's trigger follows (follow_log below). */
typedef struct trigger_log {
    bool in_episode, scanned;
    uint32_t quiet, since_start, worst; /* worst: tokens of an episode before its first error lex */
} trigger_log;

static bool log_word(const char *msg, const char *word)
{
    size_t n = strlen(word);
    return strncmp(msg, word, n) == 0 && (msg[n] == '\0' || msg[n] == ' ');
}

/* Follows episodes the way doc.c's watch does, and how many tokens each
 * runs before tree-sitter first lexes in error recovery (the hook). */
static void follow_log(void *payload, TSLogType type, const char *msg)
{
    trigger_log *t = payload;
    if (type == TSLogTypeLex)
        return;
    if (log_word(msg, "recover_with_missing") || log_word(msg, "skip_token") ||
        log_word(msg, "recover_to_previous") || log_word(msg, "recover_eof") ||
        log_word(msg, "skip_unrecognized_character")) {
        if (!t->in_episode) {
            t->in_episode = true;
            t->scanned = false;
            t->since_start = 0;
        }
        t->quiet = 0;
        return;
    }
    if (!t->in_episode || !(log_word(msg, "lexed_lookahead") || log_word(msg, "reuse_node")))
        return;
    if (!t->scanned && ++t->since_start > t->worst)
        t->worst = t->since_start;
    if (++t->quiet >= AMP_DOC_WATCH_QUIET)
        t->in_episode = false;
}

static void follow_error_lex(void *ctx)
{
    ((trigger_log *)ctx)->scanned = true;
}

/* Why the watch may leave the logger off until the first lex in error
 * recovery (amp_doc.h): on random soups of TypeScript tokens, valid
 * schema text before them or not, every error episode reaches such a lex
 * within a few tokens (16 at most when this was written), far under the
 * AMP_DOC_WATCH_LATE tokens the watch counts an episode as already old. */
static void test_error_lex_starts_every_episode(void)
{
    static const char *const words[] = {
        "class", "else",     "=>", ":",   ";",    "extends",   "type", "a",      "b",      "(",
        ")",     "{",        "}",  "[",   "]",    ",",         "=",    "if",     "return", "const",
        "let",   "function", "<",  ">",   "?",    ".",         "...",  "import", "from",   "export",
        "'s'",   "1",        "+",  "new", "as",   "interface", "enum", "async",  "await",  "|",
        "&",     "!",        "\n", "@",   "void", "in",        "of",   "for",    "while",  "/**/"};
    const uint32_t nwords = sizeof words / sizeof words[0];
    TSParser *parser = amp_parser_new();
    const TSLanguage *lang = ts_parser_language(parser);
    uint32_t seed = 99, worst = 0, episodes_seen = 0;
    for (int round = 0; round < 120; round++) {
        buf b = {0};
        if (round % 3 == 0)
            put(&b, "const schema = a.schema({ A: a.model({ t: a.string() }), ");
        seed = seed * 1103515245u + 12345u;
        uint32_t kinds = 1 + (seed >> 16) % (round % 2 ? 4 : nwords);
        seed = seed * 1103515245u + 12345u;
        uint32_t first = (seed >> 16) % nwords;
        for (int t = 0; t < 2000; t++) {
            seed = seed * 1103515245u + 12345u;
            put(&b, words[(first + (seed >> 16) % kinds) % nwords]);
            put(&b, " ");
        }
        trigger_log t = {0};
        AMP_CHECK(amp_lang_set_hook(lang, follow_error_lex, &t));
        ts_parser_set_logger(parser, (TSLogger){.payload = &t, .log = follow_log});
        TSTree *tree = ts_parser_parse_string(parser, NULL, b.p, (uint32_t)b.len);
        ts_parser_set_logger(parser, (TSLogger){0});
        amp_lang_set_hook(lang, NULL, NULL);
        if (t.worst > worst)
            worst = t.worst;
        episodes_seen += tree && ts_node_has_error(ts_tree_root_node(tree));
        ts_tree_delete(tree);
        free(b.p);
    }
    if (worst > AMP_DOC_WATCH_LATE / 4)
        fprintf(stderr, "an episode ran %u tokens before its first error lex\n", worst);
    AMP_CHECK(worst <= AMP_DOC_WATCH_LATE / 4);
    AMP_CHECK(episodes_seen > 100); /* the soups did make errors */
    amp_parser_delete(parser);
}

/* The bound never exceeds the text's length (so texts up to the limit need
 * no scan), and stops at the limit; the token bound is never below the
 * tokens tree-sitter makes. */
static void test_bound_properties(void)
{
    TSParser *parser = amp_parser_new();
    uint32_t seed = 12345;
    char text[4096] = {0};
    const char alphabet[] = "()[]{}`$'\"/\\*;,:=<>!?.ae1 \n\r\t";
    for (int round = 0; round < 3000; round++) {
        uint32_t len = (uint32_t)(round % 4096);
        for (uint32_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            text[i] = round % 3 == 0 ? (char)(seed >> 16)
                                     : alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        uint32_t at = 0, end = 0, tokens = 0;
        uint32_t bound = amp_doc_run_bound(text, len, 1u << 30, &at, &end, &tokens);
        AMP_CHECK(bound <= len);
        if (round % 10 == 0) {
            TSTree *tree = ts_parser_parse_string(parser, NULL, text, len);
            uint32_t leaves = shape_of(ts_tree_root_node(tree)).leaves;
            if (leaves > tokens + 1) /* + 1: the root of an empty text */
                fprintf(stderr, "round %d: %u leaves, token bound %u\n", round, leaves, tokens);
            AMP_CHECK(leaves <= tokens + 1);
            ts_tree_delete(tree);
        }
        if (len > 64) {
            uint32_t small = amp_doc_run_bound(text, len, 16, &at, &end, NULL);
            AMP_CHECK(small == (bound > 16 ? 17 : bound));
            if (bound > 16)
                AMP_CHECK(at < end && end <= len);
        }
    }
    AMP_CHECK_INT(amp_doc_run_bound("", 0, 10, NULL, NULL, NULL), 0);
    amp_parser_delete(parser);
}

/* Typing in a large file does not scan it again (amp_doc_edit): letters
 * in a field name reuse the bounds; an edit that may change the lexing
 * (a comment opened, a word after ';', a quote) scans. */
static void test_typing_skips_the_scan(void)
{
    TSParser *parser = amp_parser_new();
    char *text = schema(300, false);
    amp_doc d;
    AMP_CHECK_INT(amp_doc_init(&d, text, (uint32_t)strlen(text), 1, LIMIT), 0);
    AMP_CHECK(d.text.len > AMP_DOC_MAX_RUN);
    AMP_CHECK_INT(amp_doc_reparse(&d, parser), 0);
    AMP_CHECK_INT(d.scans, 1);
    uint32_t at = (uint32_t)(strstr(text, "title") - text);
    for (int i = 0; i < 20; i++) { /* type "xxxxxxxxxx", then delete it */
        AMP_CHECK_INT(
            i < 10 ? amp_doc_edit(&d, at, at, "x", 1) : amp_doc_edit(&d, at, at + 1, "", 0), 0);
        AMP_CHECK_INT(amp_doc_reparse(&d, parser), 0);
    }
    AMP_CHECK_INT(d.scans, 1);
    AMP_CHECK(d.tree && !d.too_complex && d.text.len == strlen(text));
    static const struct {
        const char *text;
        const char *why;
    } scans[] = {{"/*", "a comment"}, {" '", "a quote"}, {"a\n", "a newline"}};
    for (size_t k = 0; k < sizeof scans / sizeof scans[0]; k++) {
        uint32_t before = d.scans;
        AMP_CHECK_INT(amp_doc_edit(&d, at, at, scans[k].text, (uint32_t)strlen(scans[k].text)), 0);
        AMP_CHECK_INT(amp_doc_reparse(&d, parser), 0);
        if (d.scans != before + 1)
            fprintf(stderr, "no scan after %s\n", scans[k].why);
        AMP_CHECK_INT(d.scans, before + 1);
        AMP_CHECK_INT(amp_doc_edit(&d, at, at + (uint32_t)strlen(scans[k].text), "", 0), 0);
        AMP_CHECK_INT(amp_doc_reparse(&d, parser), 0);
    }
    /* A word after ';' may become `else`. */
    uint32_t end = (uint32_t)(strstr(text, "});") - text) + 3, before = d.scans;
    AMP_CHECK_INT(amp_doc_edit(&d, end, end, " els", 4), 0);
    AMP_CHECK_INT(amp_doc_reparse(&d, parser), 0);
    AMP_CHECK_INT(d.scans, before + 1);
    amp_doc_free(&d);
    free(text);
    amp_parser_delete(parser);
}

/* The bounds a document keeps after typing cover the text's true bounds:
 * random texts of words, separators, brackets, quotes, comments and `else`
 * after ';', edited at random places by inserting and deleting letters,
 * digits and blanks; the decision to parse is the one a full scan makes. */
static void test_typing_bounds_hold(void)
{
    static const char *const words[] = {"a",  "b1", "else", ";", ",",   "(",   ")",     "{",
                                        "}",  "[",  "]",    "=", "/",   "/x/", "'s'",   "\"q\"",
                                        "`t", "${", "`",    "*", "/*",  "*/",  "//c\n", "return",
                                        "\n", "  ", "\\",   "$", "x_y", "1",   ".",     ":"};
    const uint32_t nwords = sizeof words / sizeof words[0];
    static const char typed[] = "ab1_ \t";
    TSParser *parser = amp_parser_new();
    uint32_t seed = 99, skipped = 0;
    for (int round = 0; round < 12; round++) {
        buf b = {0};
        while (b.len < AMP_DOC_MAX_RUN + 2000) {
            seed = seed * 1103515245u + 12345u;
            /* mostly words and separators, so that most texts are parsed */
            uint32_t k = (seed >> 16) % 10 < 7 ? (seed >> 20) % 6 : (seed >> 16) % nwords;
            put(&b, words[k]);
            put(&b, " ");
        }
        amp_doc d;
        AMP_CHECK_INT(amp_doc_init(&d, b.p, (uint32_t)b.len, 1, LIMIT), 0);
        AMP_CHECK_INT(amp_doc_reparse(&d, parser), 0);
        for (int e = 0; e < 12 && d.tree; e++) {
            seed = seed * 1103515245u + 12345u;
            uint32_t at = (seed >> 8) % d.text.len;
            seed = seed * 1103515245u + 12345u;
            char ins[3] = {typed[(seed >> 16) % 6], typed[(seed >> 20) % 6], 0};
            uint32_t del = (seed >> 24) % 3;
            if (at + del > d.text.len)
                del = 0;
            uint32_t scans = d.scans;
            AMP_CHECK_INT(amp_doc_edit(&d, at, at + del, ins, (seed >> 28) % 3), 0);
            AMP_CHECK_INT(amp_doc_reparse(&d, parser), 0);
            uint32_t tokens = 0, at0, end0;
            uint32_t bound =
                amp_doc_run_bound(d.text.bytes, d.text.len, AMP_DOC_MAX_RUN, &at0, &end0, &tokens);
            AMP_CHECK(d.too_complex == (bound > AMP_DOC_MAX_RUN) || d.error_region);
            if (d.scans == scans && d.tree) {
                skipped++;
                if (bound > d.run_bound || tokens > d.tokens)
                    fprintf(stderr, "round %d edit %d at %u: bounds %u/%u kept, %u/%u true\n",
                            round, e, at, d.run_bound, d.tokens, bound, tokens);
                AMP_CHECK(bound <= d.run_bound && tokens <= d.tokens);
            }
        }
        amp_doc_free(&d);
        free(b.p);
    }
    AMP_CHECK(skipped > 20); /* the shortcut was taken */
    amp_parser_delete(parser);
}

int main(void)
{
    AMP_RUN(test_unbalanced_tokens_are_refused);
    AMP_RUN(test_comment_runs_are_refused);
    AMP_RUN(test_large_valid_files_are_parsed);
    AMP_RUN(test_long_error_regions_are_stopped);
    AMP_RUN(test_incremental_edits);
    AMP_RUN(test_typing_skips_the_scan);
    AMP_RUN(test_typing_bounds_hold);
    AMP_RUN(test_bound_properties);
    AMP_RUN(test_token_bound_covers_children);
    AMP_RUN(test_error_lex_starts_every_episode);
    return amp_test_summary();
}
