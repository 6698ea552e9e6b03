/*
 * doc.c: documents with incremental reparsing (see amp_doc.h).
 */
#include "amp_doc.h"

#include <stdlib.h>
#include <string.h>

#include "amp_strmap.h"
#include "lang_hook.h"

const TSLanguage *tree_sitter_typescript(void);

const TSLanguage *amp_typescript_language(void)
{
    return tree_sitter_typescript();
}

TSParser *amp_parser_new(void)
{
    TSParser *parser = ts_parser_new();
    /* Its own hooked copy of the language (the error watch's trigger), or
     * the plain one, which the watch then follows from the first token. */
    const TSLanguage *lang = amp_lang_hooked_new();
    if (parser && !ts_parser_set_language(parser, lang ? lang : tree_sitter_typescript())) {
        ts_parser_delete(parser);
        parser = NULL;
    }
    if (!parser)
        amp_lang_hooked_free(lang);
    return parser;
}

void amp_parser_delete(TSParser *parser)
{
    if (!parser)
        return;
    const TSLanguage *lang = ts_parser_language(parser);
    ts_parser_delete(parser);
    amp_lang_hooked_free(lang);
}

int amp_doc_init(amp_doc *doc, const char *bytes, uint32_t len, int64_t version,
                 uint32_t parse_limit)
{
    memset(doc, 0, sizeof *doc);
    doc->version = version;
    doc->parse_limit = parse_limit;
    doc->tree_stale = true;
    doc->too_large = len > parse_limit;
    doc->slack = UINT32_MAX;
    doc->gen = amp_hash_bytes(0, bytes, len) | 1;
    return amp_text_init(&doc->text, bytes, len);
}

void amp_doc_free(amp_doc *doc)
{
    amp_text_free(&doc->text);
    ts_tree_delete(doc->tree);
    memset(doc, 0, sizeof *doc);
}

int amp_doc_set_text(amp_doc *doc, const char *bytes, uint32_t len)
{
    /* The same text (an editor opening a file the workspace scan has read)
     * keeps its tree: a full parse is the costliest step on a large file. */
    if (len == doc->text.len && (len == 0 || memcmp(doc->text.bytes, bytes, len) == 0))
        return 0;
    amp_text fresh;
    if (amp_text_init(&fresh, bytes, len) != 0) {
        amp_text_free(&fresh);
        return -1;
    }
    amp_text_free(&doc->text);
    doc->text = fresh;
    ts_tree_delete(doc->tree);
    doc->tree = NULL;
    doc->tree_stale = true;
    doc->too_large = len > doc->parse_limit;
    doc->slack = UINT32_MAX;
    doc->gen = amp_hash_bytes(0, bytes, len) | 1; /* a new start: no edit leads here */
    doc->change_count = 0;
    return 0;
}

/* Logs an edit of doc (bytes [start, end) replaced with ins) and names
 * the new text by chaining the edit into gen. */
static void log_change(amp_doc *doc, uint32_t start, uint32_t end, const char *ins,
                       uint32_t ins_len)
{
    uint64_t seed = doc->gen * 0x9E3779B97F4A7C15ull ^ ((uint64_t)start << 32 | end);
    amp_doc_change *c = &doc->changes[doc->change_count++ % AMP_DOC_CHANGE_LOG];
    c->before = doc->gen;
    c->after = doc->gen = amp_hash_bytes(seed, ins, ins_len) | 1;
    c->start = start;
    c->old_end = end;
    c->new_end = start + ins_len;
}

bool amp_doc_changed_since(const amp_doc *doc, uint64_t gen, uint32_t *start, uint32_t *old_end,
                           uint32_t *new_end)
{
    *start = *old_end = *new_end = doc->text.len;
    if (gen == doc->gen)
        return true;
    /* Back from the last edit to the one made on the text named gen. */
    uint32_t logged =
        doc->change_count < AMP_DOC_CHANGE_LOG ? doc->change_count : AMP_DOC_CHANGE_LOG;
    uint32_t first = 0, k;
    uint64_t want = doc->gen;
    for (k = 0; k < logged; k++) {
        const amp_doc_change *c = &doc->changes[(doc->change_count - 1 - k) % AMP_DOC_CHANGE_LOG];
        if (c->after != want)
            return false;
        want = c->before;
        if (want == gen) {
            first = doc->change_count - 1 - k;
            break;
        }
    }
    if (k == logged)
        return false;
    /* Forward, growing one span: [lo, ohi) of the text named gen is
     * [lo, nhi) of the text after each edit. */
    const amp_doc_change *c = &doc->changes[first % AMP_DOC_CHANGE_LOG];
    uint32_t lo = c->start, ohi = c->old_end, nhi = c->new_end;
    for (uint32_t i = first + 1; i < doc->change_count; i++) {
        c = &doc->changes[i % AMP_DOC_CHANGE_LOG];
        if (c->start < lo)
            lo = c->start;
        if (c->old_end > nhi) {
            ohi += c->old_end - nhi;
            nhi = c->old_end;
        }
        nhi = nhi - c->old_end + c->new_end;
    }
    *start = lo;
    *old_end = ohi;
    *new_end = nhi;
    return true;
}

/* ---- edits that keep the lexing (see amp_doc_edit) ------------------------- */

static bool typed_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == ' ' || c == '\t';
}

static bool joins(unsigned char c)
{
    return c == '/' || c == '*' || c == '\\' || c == '$' || c == '`' || c == '\'' || c == '"';
}

/* True when the bytes around [start, end) of text, past letters, digits
 * and blanks (newlines included), are not characters that could join with
 * them, nor a ';' before; at most 256 bytes each way are looked at. */
static bool neighbours_stay(const amp_text *t, uint32_t start, uint32_t end)
{
    const unsigned char *p = (const unsigned char *)t->bytes;
    uint32_t i = start, k = 0;
    while (i > 0 && k++ < 256 && (typed_byte(p[i - 1]) || p[i - 1] == '\n' || p[i - 1] == '\r'))
        i--;
    /* After ';' a word may become or stop being `else`, which decides
     * whether the ';' separates (amp_doc_run_bound). */
    if (k > 256 || (i > 0 && (joins(p[i - 1]) || p[i - 1] == ';')))
        return false;
    uint32_t j = end;
    k = 0;
    while (j < t->len && k++ < 256 && (typed_byte(p[j]) || p[j] == '\n' || p[j] == '\r'))
        j++;
    return k <= 256 && !(j < t->len && joins(p[j]));
}

static bool only_typed(const char *s, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (!typed_byte((unsigned char)s[i]))
            return false;
    return true;
}

int amp_doc_edit(amp_doc *doc, uint32_t start, uint32_t end, const char *ins, uint32_t ins_len)
{
    if (end > doc->text.len)
        end = doc->text.len;
    if (start > end)
        start = end;
    bool typed = doc->slack != UINT32_MAX && only_typed(doc->text.bytes + start, end - start) &&
                 only_typed(ins, ins_len);
    TSInputEdit edit;
    edit.start_byte = start;
    edit.old_end_byte = end;
    edit.new_end_byte = start + ins_len;
    edit.start_point = amp_text_point(&doc->text, start);
    edit.old_end_point = amp_text_point(&doc->text, end);
    if (amp_text_replace(&doc->text, start, end, ins, ins_len) != 0)
        return -1;
    log_change(doc, start, end, ins, ins_len);
    edit.new_end_point = amp_text_point(&doc->text, start + ins_len);
    if (doc->tree)
        ts_tree_edit(doc->tree, &edit);
    doc->inserted = doc->inserted > UINT32_MAX - ins_len ? UINT32_MAX : doc->inserted + ins_len;
    if (typed && neighbours_stay(&doc->text, start, start + ins_len) &&
        doc->slack < UINT32_MAX - 1 - ins_len)
        doc->slack += ins_len;
    else
        doc->slack = UINT32_MAX;
    doc->tree_stale = true;
    doc->too_large = doc->text.len > doc->parse_limit;
    return 0;
}

/* ---- the error watch (see amp_doc.h) ------------------------------------------ */

/* Follows a parse through tree-sitter's log and cancels it before one error
 * region can hold AMP_DOC_WATCH_ERROR_TOKENS tokens. An episode starts at
 * the first error event (a token skipped, a missing one inserted, a recovery)
 * and counts every token lexed or subtree reused after it; it ends after
 * AMP_DOC_WATCH_QUIET tokens without an error event, by then the ERROR
 * nodes it made are inside reduced nodes or deep in the stack, where
 * recovery no longer merges them. */
typedef struct parse_watch {
    size_t cancel;    /* the parser's cancellation flag */
    TSParser *parser; /* borrowed: to turn the logger on */
    bool logging;     /* the logger is on (from the first lex in error recovery) */
    bool late;        /* it came on after the episode began: its start is the next token */
    bool in_episode;
    uint32_t episode;                 /* tokens since the episode began */
    uint32_t quiet;                   /* tokens since the last error event */
    uint32_t row, column;             /* the last lexed position */
    uint32_t start_row, start_column; /* where the episode began */
} parse_watch;

static bool log_is(const char *msg, const char *word)
{
    size_t n = strlen(word);
    return strncmp(msg, word, n) == 0 && (msg[n] == '\0' || msg[n] == ' ');
}

static void watch_log(void *payload, TSLogType type, const char *msg)
{
    parse_watch *w = payload;
    if (type == TSLogTypeLex) /* a character consumed or skipped */
        return;
    if (strncmp(msg, "lex_", 4) == 0) { /* "lex_internal state:%d, row:%u, column:%u" */
        const char *r = strstr(msg, "row:");
        const char *c = r ? strstr(r, "column:") : NULL;
        if (c) {
            w->row = (uint32_t)strtoul(r + 4, NULL, 10);
            w->column = (uint32_t)strtoul(c + 7, NULL, 10);
            if (w->late) {
                w->late = false;
                w->start_row = w->row;
                w->start_column = w->column;
            }
        }
        return;
    }
    /* Not "detect_error": that one pauses a single version of the stack,
     * which happens in valid code wherever the grammar is ambiguous. */
    if (log_is(msg, "recover_with_missing") || log_is(msg, "skip_token") ||
        log_is(msg, "recover_to_previous") || log_is(msg, "recover_eof") ||
        log_is(msg, "skip_unrecognized_character")) {
        if (!w->in_episode) {
            w->in_episode = true;
            w->episode = 0;
            w->start_row = w->row;
            w->start_column = w->column;
        }
        w->quiet = 0;
        return;
    }
    if (!w->in_episode || !(log_is(msg, "lexed_lookahead") || log_is(msg, "reuse_node")))
        return;
    w->episode++;
    if (++w->quiet >= AMP_DOC_WATCH_QUIET)
        w->in_episode = false;
    else if (w->episode >= AMP_DOC_WATCH_ERROR_TOKENS)
        w->cancel = 1;
}

/* The hooked language's call on a lex in error recovery (lang_hook.h):
 * turns the logger on for the rest of the parse, as if the episode had
 * begun AMP_DOC_WATCH_LATE tokens ago. */
static void watch_error_lex(void *ctx)
{
    parse_watch *w = ctx;
    if (w->logging)
        return;
    w->logging = true;
    w->late = true;
    w->in_episode = true;
    w->episode = AMP_DOC_WATCH_LATE;
    w->quiet = 0;
    ts_parser_set_logger(w->parser, (TSLogger){.payload = w, .log = watch_log});
}

/* The byte offset of a (row, column) point of text, clamped to the text. */
static uint32_t point_offset(const amp_text *text, uint32_t row, uint32_t column)
{
    uint32_t i = 0, r = 0;
    while (r < row && i < text->len)
        if (text->bytes[i++] == '\n')
            r++;
    return text->len - i > column ? i + column : text->len;
}

/* Parses doc's text with old (may be NULL), watched when watch is true.
 * Returns the tree, or NULL with *cancelled set when the watch stopped it
 * (then *at, *at_end are where the error region began). */
static TSTree *parse_text(const amp_doc *doc, TSParser *parser, TSTree *old, bool watch,
                          bool *cancelled, bool *logged, uint32_t *at, uint32_t *at_end)
{
    *cancelled = false;
    *logged = false;
    if (!watch)
        return ts_parser_parse_string(parser, old, doc->text.bytes, doc->text.len);
    parse_watch w = {0};
    w.parser = parser;
    const TSLanguage *lang = ts_parser_language(parser);
    if (!amp_lang_set_hook(lang, watch_error_lex, &w)) {
        w.logging = true; /* no trigger: follow the whole parse */
        ts_parser_set_logger(parser, (TSLogger){.payload = &w, .log = watch_log});
    }
    ts_parser_set_cancellation_flag(parser, &w.cancel);
    TSTree *tree = ts_parser_parse_string(parser, old, doc->text.bytes, doc->text.len);
    ts_parser_set_cancellation_flag(parser, NULL);
    ts_parser_set_logger(parser, (TSLogger){0});
    amp_lang_set_hook(lang, NULL, NULL);
    *logged = w.logging;
    if (!tree && w.cancel) {
        ts_parser_reset(parser); /* never resume the cancelled parse */
        *cancelled = true;
        *at = point_offset(&doc->text, w.start_row, w.start_column);
        *at_end = point_offset(&doc->text, w.row, w.column);
        if (*at_end <= *at)
            *at_end = *at < doc->text.len ? *at + 1 : *at;
    }
    return tree;
}

/* True when a parse of doc's text needs the error watch: the text may hold
 * enough tokens for one ERROR node to overflow, and either no clean tree
 * is being reused or much text came in since (a paste). */
static bool needs_watch(const amp_doc *doc)
{
    if (doc->tokens < AMP_DOC_WATCH_MIN_TOKENS)
        return false;
    return !doc->tree || doc->inserted > AMP_DOC_WATCH_INSERT ||
           ts_node_has_error(ts_tree_root_node(doc->tree));
}

int amp_doc_reparse(amp_doc *doc, TSParser *parser)
{
    if (!doc->tree_stale)
        return 0;
    doc->tree_stale = false;
    doc->too_complex = false;
    doc->error_region = false;
    /* Only typing since a parse that scanned: the last bounds plus what was
     * typed (see amp_doc_edit), while that stays under the limit. */
    uint64_t run = (uint64_t)doc->run_bound + doc->slack;
    bool typed = doc->slack != UINT32_MAX && doc->tree && doc->tokens && run <= AMP_DOC_MAX_RUN;
    uint32_t slack = doc->slack;
    doc->slack = 0;
    if (typed && !doc->too_large && doc->text.len > AMP_DOC_MAX_RUN) {
        doc->run_bound = (uint32_t)run;
        doc->tokens = doc->tokens > UINT32_MAX - slack ? UINT32_MAX : doc->tokens + slack;
    } else if (!doc->too_large && doc->text.len > AMP_DOC_MAX_RUN) {
        doc->scans++;
        doc->tokens = 0;
        uint32_t bound = amp_doc_run_bound(doc->text.bytes, doc->text.len, AMP_DOC_MAX_RUN,
                                           &doc->run_start, &doc->run_end, &doc->tokens);
        doc->run_bound = bound == UINT32_MAX ? 0 : bound;
        if (bound == UINT32_MAX) {
            ts_tree_delete(doc->tree);
            doc->tree = NULL;
            doc->tree_stale = true;
            return -1;
        }
        doc->too_complex = bound > AMP_DOC_MAX_RUN;
    } else {
        doc->tokens = doc->run_bound = 0;
    }
    if (doc->too_large || doc->too_complex) {
        ts_tree_delete(doc->tree);
        doc->tree = NULL;
        doc->inserted = 0;
        return 0;
    }
    bool cancelled;
    TSTree *tree = parse_text(doc, parser, doc->tree, needs_watch(doc), &cancelled,
                              &doc->watch_logged, &doc->run_start, &doc->run_end);
    ts_tree_delete(doc->tree);
    doc->tree = tree;
    doc->inserted = 0;
    doc->too_complex = doc->error_region = cancelled;
    return tree || cancelled ? 0 : -1;
}

TSTree *amp_doc_parse_fresh(const amp_doc *doc, TSParser *parser)
{
    if (doc->too_large || doc->too_complex || doc->tree_stale)
        return NULL;
    bool cancelled, logged;
    uint32_t at, at_end;
    return parse_text(doc, parser, NULL, doc->tokens >= AMP_DOC_WATCH_MIN_TOKENS, &cancelled,
                      &logged, &at, &at_end);
}

/* ---- the run bound (see amp_doc_run_bound) ---------------------------------- */

enum { LV_BASE, LV_PAREN, LV_BRACKET, LV_BRACE, LV_SUBST, LV_TEMPLATE };

typedef struct run_scan {
    const unsigned char *p;
    uint32_t n, limit;
    uint8_t *kind;   /* owned: per open level, LV_* */
    uint32_t *units; /* owned: per open level, units since its last separator */
    uint32_t depth, cap;
    uint64_t sum;         /* the open levels' units, plus one per open bracket */
    uint64_t max;         /* the largest sum so far */
    uint32_t piece_start; /* the piece being counted, for the report */
    uint32_t piece_end;
    uint64_t tokens; /* an upper bound on the text's tokens (units, separators, lines) */
    bool over, oom;
    bool distrust;       /* an anomaly was seen: separators no longer reset */
    uint32_t at, at_end; /* the piece that passed the limit */
} run_scan;

static bool scan_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '$' || c >= 0x80;
}

static bool scan_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static void scan_grew(run_scan *s)
{
    if (s->sum > s->max)
        s->max = s->sum;
    if (s->sum > s->limit && !s->over) {
        s->over = true;
        s->at = s->piece_start;
        s->at_end = s->piece_end;
    }
}

static void scan_unit(run_scan *s)
{
    s->tokens++;
    s->units[s->depth]++;
    s->sum++;
    scan_grew(s);
}

static void scan_reset(run_scan *s)
{
    s->tokens++;
    if (s->distrust) { /* the separator may be part of an error region */
        scan_unit(s);
        return;
    }
    s->sum -= s->units[s->depth];
    s->units[s->depth] = 0;
}

static void scan_push(run_scan *s, uint8_t kind)
{
    if (s->depth + 1 >= s->cap) {
        uint32_t cap = s->cap * 2;
        uint8_t *k = realloc(s->kind, cap);
        if (k)
            s->kind = k;
        uint32_t *u = k ? realloc(s->units, cap * sizeof *u) : NULL;
        if (!u) {
            s->oom = true;
            return;
        }
        s->units = u;
        s->cap = cap;
    }
    s->depth++;
    s->kind[s->depth] = kind;
    s->units[s->depth] = 0;
    s->sum++;
    s->tokens++;
    scan_grew(s);
}

/* Closes the innermost level: the group becomes one unit of its parent. */
static void scan_pop(run_scan *s)
{
    s->sum -= s->units[s->depth] + 1;
    s->depth--;
    scan_unit(s);
}

/* Counts the pieces of p[i, end) (word runs and other non-blank bytes) as
 * units of the current level, without reading any structure in them. */
static void scan_pieces(run_scan *s, uint32_t i, uint32_t end)
{
    const unsigned char *p = s->p;
    while (i < end && !s->over) {
        if (scan_blank(p[i])) {
            i++;
            continue;
        }
        s->piece_start = i;
        if (scan_word_byte(p[i]))
            while (i < end && scan_word_byte(p[i]))
                s->tokens += p[i++] >= 0x80; /* invalid UTF-8 lexes byte by byte */
        else
            i++;
        s->piece_end = i;
        scan_unit(s);
    }
}

/* The end of the comment starting at i (p[i] == '/', p[i + 1] is '/' or '*'). */
static uint32_t scan_comment_end(const run_scan *s, uint32_t i)
{
    const unsigned char *p = s->p;
    uint32_t j = i + 2;
    if (p[i + 1] == '/') {
        while (j < s->n && p[j] != '\n' && p[j] != '\r')
            j++;
        return j;
    }
    while (j + 1 < s->n && !(p[j] == '*' && p[j + 1] == '/'))
        j++;
    return j + 1 < s->n ? j + 2 : s->n;
}

/* True when the block comment at i has no end. */
static bool scan_comment_open(const run_scan *s, uint32_t i, uint32_t end)
{
    return s->p[i + 1] == '*' && (end - i < 4 || s->p[end - 1] != '/' || s->p[end - 2] != '*');
}

/* True when the next token after blanks and comments from i is `else`. */
static bool scan_else_follows(const run_scan *s, uint32_t i)
{
    const unsigned char *p = s->p;
    for (;;) {
        while (i < s->n && scan_blank(p[i]))
            i++;
        if (i + 1 < s->n && p[i] == '/' && (p[i + 1] == '/' || p[i + 1] == '*')) {
            i = scan_comment_end(s, i);
            continue;
        }
        return s->n - i >= 4 && memcmp(p + i, "else", 4) == 0 &&
               (s->n - i == 4 || !scan_word_byte(p[i + 4]));
    }
}

/* True when a '/' after the word p[start, end) starts a regular expression. */
static bool scan_word_wants_operand(const run_scan *s, uint32_t start, uint32_t end)
{
    static const char *const words[] = {"return", "typeof", "instanceof", "in",     "of",
                                        "new",    "delete", "void",       "throw",  "case",
                                        "do",     "else",   "yield",      "await",  "extends",
                                        "keyof",  "as",     "satisfies",  "export", "default"};
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (strlen(words[k]) == end - start && memcmp(s->p + start, words[k], end - start) == 0)
            return true;
    return false;
}

/* A string or a regular expression from i (its opening quote or slash) to
 * its closing one on the same line; returns the index after it. */
static uint32_t scan_quoted(run_scan *s, uint32_t i)
{
    const unsigned char *p = s->p;
    unsigned char quote = p[i];
    bool in_class = false;
    uint32_t j = i + 1;
    while (j < s->n && p[j] != '\n' && p[j] != '\r') {
        if (p[j] == '\\') {
            j += 2;
            continue;
        }
        if (quote == '/' && p[j] == '[')
            in_class = true;
        else if (quote == '/' && p[j] == ']')
            in_class = false;
        else if (p[j] == quote && !in_class)
            break;
        j++;
    }
    if (j > s->n)
        j = s->n;
    s->piece_start = i;
    s->piece_end = i + 1;
    scan_unit(s);
    scan_pieces(s, i + 1, j);
    if (j < s->n && p[j] == quote)
        return j + 1;
    s->distrust = true; /* unterminated: the parser recovers from an error */
    return j;
}

/* Template text from i up to the next backquote, `${` or backslash. */
static uint32_t scan_template_text(run_scan *s, uint32_t i)
{
    const unsigned char *p = s->p;
    uint32_t j = i;
    while (j < s->n && p[j] != '`' && p[j] != '\\' &&
           !(p[j] == '$' && j + 1 < s->n && p[j + 1] == '{'))
        j++;
    s->piece_start = i;
    s->piece_end = j;
    uint64_t before = s->sum;
    scan_pieces(s, i, j);
    if (s->sum == before && !s->over) /* blanks only: still one token */
        scan_unit(s);
    return j;
}

uint32_t amp_doc_run_bound(const char *bytes, uint32_t len, uint32_t limit, uint32_t *at,
                           uint32_t *at_end, uint32_t *tokens)
{
    run_scan s = {.p = (const unsigned char *)bytes, .n = len, .limit = limit, .cap = 64};
    s.kind = malloc(s.cap);
    s.units = malloc(s.cap * sizeof *s.units);
    if (!s.kind || !s.units) {
        free(s.kind);
        free(s.units);
        return UINT32_MAX;
    }
    s.kind[0] = LV_BASE;
    s.units[0] = 0;
    /* After an operand '/' divides; elsewhere it starts a regular
     * expression. After a word, that depends on the word (`return /x/`). */
    enum { PREV_OTHER, PREV_OPERAND, PREV_WORD } prev = PREV_OTHER;
    uint32_t word_start = 0, word_end = 0;
    uint32_t i = 0;
    while (i < len && !s.over && !s.oom) {
        const unsigned char *p = s.p;
        unsigned char c = p[i];
        s.piece_start = i;
        s.piece_end = i + 1;
        if (s.kind[s.depth] == LV_TEMPLATE) {
            if (c == '`') {
                i++;
                scan_pop(&s);
                prev = PREV_OPERAND;
            } else if (c == '$' && i + 1 < len && p[i + 1] == '{') {
                s.piece_end = i + 2;
                i += 2;
                scan_push(&s, LV_SUBST);
                prev = PREV_OTHER;
            } else if (c == '\\') {
                i = len - i > 2 ? i + 2 : len;
                s.piece_end = i;
                scan_unit(&s);
            } else {
                i = scan_template_text(&s, i);
            }
            continue;
        }
        if (scan_blank(c)) {
            s.tokens += c == '\n'; /* room for an automatic semicolon */
            i++;
            continue;
        }
        if (c == '/' && i + 1 < len && (p[i + 1] == '/' || p[i + 1] == '*')) {
            uint32_t end = scan_comment_end(&s, i);
            s.distrust |= scan_comment_open(&s, i, end);
            s.piece_end = i + 2;
            scan_unit(&s);
            scan_pieces(&s, i + 2, end);
            i = end;
        } else if (c == '\'' || c == '"' ||
                   (c == '/' &&
                    (prev == PREV_OTHER ||
                     (prev == PREV_WORD && scan_word_wants_operand(&s, word_start, word_end))))) {
            i = scan_quoted(&s, i);
            prev = PREV_OPERAND;
        } else if (c == '`') {
            i++;
            scan_push(&s, LV_TEMPLATE);
            prev = PREV_OTHER;
        } else if (c == '(' || c == '[' || c == '{') {
            i++;
            scan_push(&s, c == '(' ? LV_PAREN : c == '[' ? LV_BRACKET : LV_BRACE);
            prev = PREV_OTHER;
        } else if (c == ')' || c == ']' || c == '}') {
            /* A closer that does not match the innermost opener closes
             * nothing: the parser may well skip it. */
            uint8_t want = c == ')' ? LV_PAREN : c == ']' ? LV_BRACKET : LV_BRACE;
            uint8_t top = s.kind[s.depth];
            i++;
            if (s.depth > 0 && (top == want || (c == '}' && top == LV_SUBST))) {
                scan_pop(&s);
            } else {
                scan_unit(&s);
                s.distrust = true;
            }
            prev = PREV_OPERAND;
        } else if (c == ',' || c == ';') {
            i++;
            if (c == ';' && scan_else_follows(&s, i))
                scan_unit(&s);
            else
                scan_reset(&s);
            prev = PREV_OTHER;
        } else if (scan_word_byte(c)) {
            word_start = i;
            while (i < len && scan_word_byte(p[i]))
                s.tokens += p[i++] >= 0x80; /* invalid UTF-8 lexes byte by byte */
            word_end = s.piece_end = i;
            scan_unit(&s);
            prev = PREV_WORD;
        } else {
            i++;
            scan_unit(&s);
            prev = PREV_OTHER;
        }
    }
    free(s.kind);
    free(s.units);
    if (s.oom)
        return UINT32_MAX;
    if (s.over) {
        if (at)
            *at = s.at;
        if (at_end)
            *at_end = s.at_end;
    }
    if (tokens)
        *tokens = s.tokens > UINT32_MAX ? UINT32_MAX : (uint32_t)s.tokens;
    return s.max > limit ? limit + 1 : (uint32_t)s.max;
}

int amp_doc_check(const amp_doc *doc)
{
    if (amp_text_check(&doc->text) != 0)
        return -1;
    if (!doc->tree || doc->tree_stale)
        return 0;
    TSNode root = ts_tree_root_node(doc->tree);
    /* The root starts after leading blanks and never runs past the text;
     * its end point must be the one the text computes for its end byte,
     * which proves the points given to ts_tree_edit were consistent. */
    uint32_t end = ts_node_end_byte(root);
    if (end > doc->text.len)
        return -1;
    TSPoint want = amp_text_point(&doc->text, end), got = ts_node_end_point(root);
    return want.row == got.row && want.column == got.column ? 0 : -1;
}
