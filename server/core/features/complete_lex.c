/*
 * complete_lex.c: a TypeScript lexer for the context engine (see
 * complete_internal.h). It never fails: an unterminated string ends at its
 * line end, an unterminated comment or template at the end of the text, and
 * any other byte is a one-byte punctuator. A '/' starts a regular
 * expression where an operand is expected. Template literals are split at
 * each `${ ... }`, whose inside is lexed as code.
 */
#include "complete_internal.h"

#include <string.h>

void cx_lex_init(cx_lexer *lx, const char *s, uint32_t len)
{
    memset(lx, 0, sizeof *lx);
    lx->s = s;
    lx->len = len;
    lx->prev.kind = CX_TK_EOF;
}

bool cx_tok_is(const char *s, const cx_tok *t, const char *word)
{
    size_t n = strlen(word);
    return t->kind == CX_TK_IDENT && t->end - t->start == n && memcmp(s + t->start, word, n) == 0;
}

/* Identifier characters (any non-ASCII byte counts, for Unicode names). */
static bool ident_start(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= 0x80;
}

static bool ident_char(unsigned char c)
{
    return ident_start(c) || (c >= '0' && c <= '9');
}

/* A token of kind over [start, end). */
static cx_tok make(cx_tk_kind kind, uint32_t start, uint32_t end)
{
    cx_tok t = {0};
    t.kind = kind;
    t.start = start;
    t.end = end;
    return t;
}

/* True when a '/' at this point starts a regular expression: after an
 * operator, an opening bracket, a keyword that takes an operand, or at the
 * start. */
static bool regex_allowed(const cx_lexer *lx)
{
    const cx_tok *p = &lx->prev;
    switch (p->kind) {
    case CX_TK_EOF:
        return true;
    case CX_TK_PUNCT:
        return p->p != ')' && p->p != ']' && p->p != '}' && p->p != CX_P_TCLOSE;
    case CX_TK_IDENT: {
        static const char *const kw[] = {"return", "typeof",     "case",  "do",     "else",
                                         "in",     "of",         "new",   "delete", "void",
                                         "throw",  "instanceof", "yield", "await"};
        for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++)
            if (cx_tok_is(lx->s, p, kw[i]))
                return true;
        return false;
    }
    default:
        return false;
    }
}

/* A '...' or "..." string from lx->pos; unterminated at the line end. */
static cx_tok lex_string(cx_lexer *lx, char quote)
{
    uint32_t start = lx->pos++;
    while (lx->pos < lx->len) {
        char c = lx->s[lx->pos];
        if (c == '\\' && lx->pos + 1 < lx->len) {
            lx->pos +=
                lx->s[lx->pos + 1] == '\r' && lx->pos + 2 < lx->len && lx->s[lx->pos + 2] == '\n'
                    ? 3
                    : 2;
            continue;
        }
        if (c == quote) {
            lx->pos++;
            return make(CX_TK_STRING, start, lx->pos);
        }
        if (c == '\n' || c == '\r')
            break;
        lx->pos++;
    }
    cx_tok t = make(CX_TK_STRING, start, lx->pos);
    t.unterminated = true;
    return t;
}

/* Reads template text from lx->pos (after a backtick or a closing `}`) up to
 * the closing backtick or a `${`. */
static cx_tok lex_template_body(cx_lexer *lx, uint32_t start)
{
    while (lx->pos < lx->len) {
        char c = lx->s[lx->pos];
        if (c == '\\' && lx->pos + 1 < lx->len) {
            lx->pos += 2;
            continue;
        }
        if (c == '`') {
            lx->pos++;
            return make(CX_TK_TEMPLATE, start, lx->pos);
        }
        if (c == '$' && lx->pos + 1 < lx->len && lx->s[lx->pos + 1] == '{') {
            cx_tok t = make(CX_TK_TEMPLATE, start, lx->pos);
            t.unterminated = true; /* continues after the expression */
            return t;
        }
        lx->pos++;
    }
    cx_tok t = make(CX_TK_TEMPLATE, start, lx->pos);
    t.unterminated = true;
    return t;
}

/* A line or block comment from lx->pos. */
static cx_tok lex_comment(cx_lexer *lx)
{
    uint32_t start = lx->pos;
    if (lx->s[lx->pos + 1] == '/') {
        while (lx->pos < lx->len && lx->s[lx->pos] != '\n' && lx->s[lx->pos] != '\r')
            lx->pos++;
        return make(CX_TK_COMMENT, start, lx->pos);
    }
    lx->pos += 2;
    while (lx->pos + 1 < lx->len && !(lx->s[lx->pos] == '*' && lx->s[lx->pos + 1] == '/'))
        lx->pos++;
    if (lx->pos + 1 < lx->len) {
        lx->pos += 2;
        return make(CX_TK_COMMENT, start, lx->pos);
    }
    lx->pos = lx->len;
    cx_tok t = make(CX_TK_COMMENT, start, lx->pos);
    t.unterminated = true;
    return t;
}

/* A regular expression literal from lx->pos, flags included. */
static cx_tok lex_regex(cx_lexer *lx)
{
    uint32_t start = lx->pos++;
    bool in_class = false;
    while (lx->pos < lx->len) {
        char c = lx->s[lx->pos];
        if (c == '\n' || c == '\r')
            break;
        lx->pos++;
        if (c == '\\' && lx->pos < lx->len)
            lx->pos++;
        else if (c == '[')
            in_class = true;
        else if (c == ']')
            in_class = false;
        else if (c == '/' && !in_class) {
            while (lx->pos < lx->len && ident_char((unsigned char)lx->s[lx->pos]))
                lx->pos++;
            return make(CX_TK_REGEX, start, lx->pos);
        }
    }
    cx_tok t = make(CX_TK_REGEX, start, lx->pos);
    t.unterminated = true;
    return t;
}

/* A number literal (decimal, hex, exponent, separators, bigint). */
static cx_tok lex_number(cx_lexer *lx)
{
    uint32_t start = lx->pos;
    while (lx->pos < lx->len) {
        char c = lx->s[lx->pos];
        bool exp_sign = (c == '+' || c == '-') && lx->pos > start &&
                        (lx->s[lx->pos - 1] == 'e' || lx->s[lx->pos - 1] == 'E') &&
                        !(lx->s[start] == '0' && lx->pos > start + 1 &&
                          (lx->s[start + 1] == 'x' || lx->s[start + 1] == 'X'));
        if (!(ident_char((unsigned char)c) || c == '.' || exp_sign))
            break;
        lx->pos++;
    }
    return make(CX_TK_NUMBER, start, lx->pos);
}

/* Punctuators: the few multi-character ones the engine tells apart, and any
 * other operator run as CX_P_OP. */
static cx_tok lex_punct(cx_lexer *lx)
{
    uint32_t start = lx->pos;
    const char *p = lx->s + lx->pos;
    size_t left = lx->len - lx->pos;
    cx_tok t = make(CX_TK_PUNCT, start, start + 1);
    t.p = p[0];
    if (left >= 3 && p[0] == '.' && p[1] == '.' && p[2] == '.') {
        t.p = CX_P_SPREAD;
        t.end = start + 3;
    } else if (left >= 2 && p[0] == '=' && p[1] == '>') {
        t.p = CX_P_ARROW;
        t.end = start + 2;
    } else if (left >= 2 && p[0] == '?' && p[1] == '.' &&
               !(left >= 3 && p[2] >= '0' && p[2] <= '9')) {
        t.p = '.';
        t.end = start + 2;
    } else if (strchr("()[]{},;:.", p[0]) == NULL && p[0] != '!' && p[0] != '?') {
        /* an operator: one or more of = + - * / % & | ^ < > ~ @ # */
        size_t n = 1;
        while (n < left && strchr("=+-*%&|^<>~", p[n]) != NULL &&
               !(p[n] == '=' && n + 1 < left && p[n + 1] == '>'))
            n++;
        t.p = CX_P_OP;
        if (n == 1 && (p[0] == '<' || p[0] == '>'))
            t.p = p[0]; /* type arguments are told apart by the scanner */
        t.end = start + (uint32_t)n;
    }
    lx->pos = t.end;
    return t;
}

/* A { or }, keeping count of the braces so a template's } is told apart. */
static cx_tok lex_brace(cx_lexer *lx, char c)
{
    cx_tok t = make(CX_TK_PUNCT, lx->pos, lx->pos + 1);
    t.p = c;
    lx->pos++;
    if (c == '{') {
        lx->braces++;
    } else if (lx->tmpl_top > 0 && lx->braces == lx->tmpl[lx->tmpl_top - 1]) {
        lx->tmpl_top--;
        lx->in_template = true;
        t.p = CX_P_TCLOSE;
    } else if (lx->braces > 0) {
        lx->braces--;
    }
    return t;
}

/* The next token, comments included. */
static cx_tok lex_one(cx_lexer *lx)
{
    if (lx->in_template) {
        /* the rest of a template after a ${ }: possibly an empty piece */
        lx->in_template = false;
        return lex_template_body(lx, lx->pos);
    }
    while (lx->pos < lx->len) {
        char c = lx->s[lx->pos];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
            lx->pos++;
        else
            break;
    }
    if (lx->pos >= lx->len)
        return make(CX_TK_EOF, lx->len, lx->len);
    const char *p = lx->s + lx->pos;
    unsigned char c = (unsigned char)p[0];
    if (c == '$' && lx->pos + 1 < lx->len && p[1] == '{' && lx->prev.kind == CX_TK_TEMPLATE &&
        lx->prev.unterminated && lx->prev.end == lx->pos) {
        cx_tok t = make(CX_TK_PUNCT, lx->pos, lx->pos + 2);
        t.p = CX_P_TOPEN;
        lx->pos += 2;
        if (lx->tmpl_top < CX_TMPL_MAX)
            lx->tmpl[lx->tmpl_top++] = lx->braces;
        return t;
    }
    if (ident_start(c)) {
        uint32_t start = lx->pos;
        while (lx->pos < lx->len && ident_char((unsigned char)lx->s[lx->pos]))
            lx->pos++;
        return make(CX_TK_IDENT, start, lx->pos);
    }
    if (c >= '0' && c <= '9')
        return lex_number(lx);
    if (c == '.' && lx->pos + 1 < lx->len && p[1] >= '0' && p[1] <= '9')
        return lex_number(lx);
    if (c == '\'' || c == '"')
        return lex_string(lx, (char)c);
    if (c == '`') {
        lx->pos++;
        return lex_template_body(lx, lx->pos - 1);
    }
    if (c == '/' && lx->pos + 1 < lx->len && (p[1] == '/' || p[1] == '*'))
        return lex_comment(lx);
    if (c == '/' && regex_allowed(lx))
        return lex_regex(lx);
    if (c == '{' || c == '}')
        return lex_brace(lx, (char)c);
    return lex_punct(lx);
}

cx_tok cx_lex_next(cx_lexer *lx)
{
    cx_tok t = lex_one(lx);
    if (t.kind != CX_TK_COMMENT)
        lx->prev = t;
    return t;
}
