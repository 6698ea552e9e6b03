/*
 * rules_options_regex.c: a small matcher for the ECMAScript regular
 * expressions the catalogue uses (`pattern`, `key_pattern`), so that option
 * values are checked against the catalogue's own data.
 *
 * Supported: literals, `.`, `^`, `$`, escapes (`\d \w \s \D \W \S` and
 * escaped punctuation), classes with ranges and negation, groups `( )` and
 * `(?: )`, lookaheads `(?= )` and `(?! )`, alternation, and the greedy or
 * lazy quantifiers `* + ? {n} {n,} {n,m}`. The pattern is compiled into a
 * small backtracking program (instructions in a fixed array) and run with an
 * explicit stack and a step budget; anything unsupported or too costly
 * answers "unknown" so that callers report nothing.
 */
#define AMP_RULES_OPTIONS_SHARED
#include "rules_table_options.h"

#include <string.h>

#define RX_MAX_PROG 768
#define RX_MAX_CLASSES 48
#define RX_MAX_STACK 2048
#define RX_MAX_STEPS 200000
#define RX_MAX_REPEAT 64
#define RX_MAX_TEXT 4096

typedef enum {
    RX_CHAR,  /* one byte equal to c */
    RX_ANY,   /* any byte but '\n' */
    RX_CLASS, /* a byte in class cls */
    RX_BOL,   /* start of text */
    RX_EOL,   /* end of text */
    RX_SPLIT, /* try x, then y */
    RX_JMP,   /* go to x */
    RX_LOOK, /* lookahead: the program from here+1 to x (a RX_DONE) must match (c=1) or not (c=0) */
    RX_DONE, /* end of a lookahead body */
    RX_MATCH, /* the whole pattern matched */
} rx_op;

typedef struct rx_inst {
    unsigned char op;
    unsigned char c;
    unsigned short cls;
    int x, y;
} rx_inst;

typedef struct rx_prog {
    rx_inst code[RX_MAX_PROG];
    int len;
    unsigned char classes[RX_MAX_CLASSES][32];
    int class_count;
    bool failed; /* unsupported syntax or too large */
} rx_prog;

/* The parser's cursor over the pattern text. */
typedef struct rx_parser {
    const char *p;
    rx_prog *prog;
    int depth;
} rx_parser;

/* ---- compiling ------------------------------------------------------------- */

/* Appends an instruction; returns its index, or -1 when the program is full. */
static int emit(rx_prog *g, rx_op op, int c, int x, int y)
{
    if (g->len >= RX_MAX_PROG) {
        g->failed = true;
        return -1;
    }
    g->code[g->len] = (rx_inst){(unsigned char)op, (unsigned char)c, 0, x, y};
    return g->len++;
}

/* Adds the bytes lo..hi to a class bitmap. */
static void class_set(unsigned char *cls, unsigned lo, unsigned hi)
{
    for (unsigned i = lo; i <= hi && i < 256; i++)
        cls[i / 8] |= (unsigned char)(1u << (i % 8));
}

/* Adds the bytes of a class escape letter (d, w, s, upper case negated) to
 * cls; returns false for any other letter. */
static bool class_escape(unsigned char *cls, char e)
{
    unsigned char tmp[32] = {0};
    char lower = (char)(e | 0x20);
    if (lower == 'd') {
        class_set(tmp, '0', '9');
    } else if (lower == 'w') {
        class_set(tmp, '0', '9');
        class_set(tmp, 'a', 'z');
        class_set(tmp, 'A', 'Z');
        class_set(tmp, '_', '_');
    } else if (lower == 's') {
        class_set(tmp, ' ', ' ');
        class_set(tmp, '\t', '\r');
    } else {
        return false;
    }
    bool negate = e >= 'A' && e <= 'Z';
    for (int i = 0; i < 32; i++)
        cls[i] |= negate ? (unsigned char)~tmp[i] : tmp[i];
    return true;
}

/* The byte an escape stands for (`\n`, `\t`, or the escaped character). */
static unsigned char escaped_byte(char e)
{
    return e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : (unsigned char)e;
}

/* A new class slot (zeroed); -1 when there are too many. */
static int new_class(rx_prog *g)
{
    if (g->class_count >= RX_MAX_CLASSES) {
        g->failed = true;
        return -1;
    }
    memset(g->classes[g->class_count], 0, 32);
    return g->class_count++;
}

/* Parses `[...]` (the cursor is after '[') into one RX_CLASS instruction. */
static void parse_class(rx_parser *ps)
{
    rx_prog *g = ps->prog;
    int k = new_class(g);
    if (k < 0)
        return;
    unsigned char *cls = g->classes[k];
    bool negate = *ps->p == '^';
    if (negate)
        ps->p++;
    bool first = true;
    while (*ps->p && (*ps->p != ']' || first)) {
        first = false;
        unsigned lo;
        if (*ps->p == '\\') {
            ps->p++;
            if (!*ps->p || class_escape(cls, *ps->p)) {
                ps->p += *ps->p ? 1 : 0;
                continue;
            }
            lo = escaped_byte(*ps->p++);
        } else {
            lo = (unsigned char)*ps->p++;
        }
        unsigned hi = lo;
        if (ps->p[0] == '-' && ps->p[1] && ps->p[1] != ']') {
            ps->p++;
            if (*ps->p == '\\') {
                ps->p++;
                if (!*ps->p) {
                    g->failed = true;
                    return;
                }
                hi = escaped_byte(*ps->p++);
            } else {
                hi = (unsigned char)*ps->p++;
            }
        }
        if (hi < lo) {
            g->failed = true;
            return;
        }
        class_set(cls, lo, hi);
    }
    if (*ps->p != ']') {
        g->failed = true;
        return;
    }
    ps->p++;
    if (negate)
        for (int i = 0; i < 32; i++)
            cls[i] = (unsigned char)~cls[i];
    int at = emit(g, RX_CLASS, 0, 0, 0);
    if (at >= 0)
        g->code[at].cls = (unsigned short)k;
}

static void parse_alt(rx_parser *ps);

/* Parses one atom; its code is appended to the program. */
static void parse_atom(rx_parser *ps)
{
    rx_prog *g = ps->prog;
    char ch = *ps->p++;
    if (ch == '(') {
        if (++ps->depth > 16) {
            g->failed = true;
            return;
        }
        int look = -1;
        if (ps->p[0] == '?' && (ps->p[1] == '=' || ps->p[1] == '!')) {
            look = emit(g, RX_LOOK, ps->p[1] == '=', 0, 0);
            ps->p += 2;
        } else if (ps->p[0] == '?' && ps->p[1] == ':') {
            ps->p += 2;
        } else if (ps->p[0] == '?') {
            g->failed = true; /* named groups, lookbehind: not supported */
            return;
        }
        parse_alt(ps);
        if (*ps->p != ')') {
            g->failed = true;
            return;
        }
        ps->p++;
        ps->depth--;
        if (look >= 0) {
            int done = emit(g, RX_DONE, 0, 0, 0);
            if (done >= 0)
                g->code[look].x = done;
        }
    } else if (ch == '[') {
        parse_class(ps);
    } else if (ch == '.') {
        emit(g, RX_ANY, 0, 0, 0);
    } else if (ch == '^') {
        emit(g, RX_BOL, 0, 0, 0);
    } else if (ch == '$') {
        emit(g, RX_EOL, 0, 0, 0);
    } else if (ch == '\\') {
        char e = *ps->p;
        if (!e || (e >= '1' && e <= '9') || e == 'b' || e == 'B' || e == 'p' || e == 'P' ||
            e == 'u' || e == 'x' || e == 'c' || e == 'k') {
            g->failed = true; /* back-references, boundaries, unicode: not supported */
            return;
        }
        ps->p++;
        int k = -1;
        unsigned char probe[32] = {0};
        if (class_escape(probe, e)) {
            k = new_class(g);
            if (k < 0)
                return;
            memcpy(g->classes[k], probe, 32);
            int at = emit(g, RX_CLASS, 0, 0, 0);
            if (at >= 0)
                g->code[at].cls = (unsigned short)k;
        } else {
            emit(g, RX_CHAR, escaped_byte(e), 0, 0);
        }
    } else {
        emit(g, RX_CHAR, (unsigned char)ch, 0, 0);
    }
}

/* Reads a decimal count at the cursor; -1 when there is none. */
static int read_count(rx_parser *ps)
{
    if (*ps->p < '0' || *ps->p > '9')
        return -1;
    int n = 0;
    while (*ps->p >= '0' && *ps->p <= '9') {
        n = n * 10 + (*ps->p++ - '0');
        if (n > RX_MAX_REPEAT)
            n = RX_MAX_REPEAT + 1;
    }
    return n;
}

/* Parses a quantifier after an atom; *min and *max receive the bounds (max
 * -1 for unbounded). Returns false when there is no quantifier. */
static bool parse_quantifier(rx_parser *ps, int *min, int *max)
{
    char q = *ps->p;
    if (q == '*' || q == '+' || q == '?') {
        ps->p++;
        *min = q == '+' ? 1 : 0;
        *max = q == '?' ? 1 : -1;
    } else if (q == '{' && ps->p[1] >= '0' && ps->p[1] <= '9') {
        ps->p++;
        *min = read_count(ps);
        *max = *min;
        if (*ps->p == ',') {
            ps->p++;
            *max = read_count(ps);
        }
        if (*ps->p != '}' || *min > RX_MAX_REPEAT || *max > RX_MAX_REPEAT ||
            (*max >= 0 && *max < *min)) {
            ps->prog->failed = true;
            return false;
        }
        ps->p++;
    } else {
        return false;
    }
    if (*ps->p == '?')
        ps->p++; /* lazy: the same answer for a yes/no match */
    return true;
}

/* Copies the code of an atom [start, end) to the end of the program,
 * shifting its jump targets. */
static void copy_atom(rx_prog *g, int start, int end)
{
    int shift = g->len - start;
    for (int i = start; i < end && !g->failed; i++) {
        rx_inst in = g->code[i];
        if (in.op == RX_SPLIT || in.op == RX_JMP || in.op == RX_LOOK) {
            in.x += shift;
            in.y += shift;
        }
        if (emit(g, RX_CHAR, 0, 0, 0) >= 0)
            g->code[g->len - 1] = in;
    }
}

/* Wraps the atom [start, len) in an optional or repeated form:
 * repeated=false gives `atom?`, true gives `atom*`. The atom is moved one
 * slot right to make room for the split. */
static void wrap_atom(rx_prog *g, int start, bool repeated)
{
    if (emit(g, RX_JMP, 0, 0, 0) < 0 || (repeated && emit(g, RX_JMP, 0, 0, 0) < 0))
        return;
    int atom_len = g->len - start - (repeated ? 2 : 1);
    memmove(&g->code[start + 1], &g->code[start], (size_t)atom_len * sizeof g->code[0]);
    for (int i = start + 1; i < start + 1 + atom_len; i++)
        if (g->code[i].op == RX_SPLIT || g->code[i].op == RX_JMP || g->code[i].op == RX_LOOK) {
            g->code[i].x++;
            g->code[i].y++;
        }
    int after = start + 1 + atom_len;
    if (repeated) {
        g->code[after] = (rx_inst){RX_JMP, 0, 0, start, 0};
        g->len = after + 1;
    } else {
        g->len = after;
    }
    g->code[start] = (rx_inst){RX_SPLIT, 0, 0, start + 1, g->len};
}

/* Applies {min,max} to the atom compiled at [start, len). */
static void repeat_atom(rx_prog *g, int start, int min, int max)
{
    int end = g->len;
    if (min == 0 && max == 0) {
        g->len = start;
        return;
    }
    if (min == 0) {
        wrap_atom(g, start, max < 0);
        for (int i = 1; max > 0 && i < max && !g->failed; i++) {
            int copy = g->len;
            copy_atom(g, start + 1, end + 1);
            wrap_atom(g, copy, false);
        }
        return;
    }
    for (int i = 1; i < min && !g->failed; i++)
        copy_atom(g, start, end);
    if (max < 0) {
        int copy = g->len;
        copy_atom(g, start, end);
        wrap_atom(g, copy, true);
    }
    for (int i = min; max > 0 && i < max && !g->failed; i++) {
        int copy = g->len;
        copy_atom(g, start, end);
        wrap_atom(g, copy, false);
    }
}

/* Parses a sequence of quantified atoms up to '|' or ')'. */
static void parse_seq(rx_parser *ps)
{
    rx_prog *g = ps->prog;
    while (*ps->p && *ps->p != '|' && *ps->p != ')' && !g->failed) {
        int start = g->len;
        parse_atom(ps);
        int min, max;
        if (!g->failed && parse_quantifier(ps, &min, &max))
            repeat_atom(g, start, min, max);
    }
}

/* Parses alternatives: SPLIT a, next; a; JMP end; ... */
static void parse_alt(rx_parser *ps)
{
    rx_prog *g = ps->prog;
    int start = g->len;
    parse_seq(ps);
    while (*ps->p == '|' && !g->failed) {
        ps->p++;
        /* Wrap what we have: SPLIT(start+1, next) ; first ; JMP end */
        if (emit(g, RX_JMP, 0, 0, 0) < 0 || emit(g, RX_JMP, 0, 0, 0) < 0)
            return;
        int first_len = g->len - start - 2;
        memmove(&g->code[start + 1], &g->code[start], (size_t)first_len * sizeof g->code[0]);
        for (int i = start + 1; i < start + 1 + first_len; i++)
            if (g->code[i].op == RX_SPLIT || g->code[i].op == RX_JMP || g->code[i].op == RX_LOOK) {
                g->code[i].x++;
                g->code[i].y++;
            }
        int jump = start + 1 + first_len;
        g->len = jump + 1;
        g->code[start] = (rx_inst){RX_SPLIT, 0, 0, start + 1, g->len};
        parse_seq(ps);
        g->code[jump] = (rx_inst){RX_JMP, 0, 0, g->len, 0};
    }
}

/* Compiles pattern into g; false when it is not supported. */
static bool compile(rx_prog *g, const char *pattern)
{
    g->len = 0;
    g->class_count = 0;
    g->failed = false;
    rx_parser ps = {pattern, g, 0};
    parse_alt(&ps);
    if (*ps.p)
        g->failed = true; /* an unbalanced ')' */
    emit(g, RX_MATCH, 0, 0, 0);
    return !g->failed;
}

/* ---- running --------------------------------------------------------------- */

typedef struct rx_run {
    const rx_prog *g;
    const char *text;
    size_t len;
    long steps;
} rx_run;

typedef struct rx_thread {
    int pc;
    size_t sp;
} rx_thread;

/* True when instruction in consumes byte at sp. */
static bool consumes(const rx_run *r, const rx_inst *in, size_t sp)
{
    if (sp >= r->len)
        return false;
    unsigned char b = (unsigned char)r->text[sp];
    switch (in->op) {
    case RX_CHAR:
        return b == in->c;
    case RX_ANY:
        return b != '\n';
    default:
        return (r->g->classes[in->cls][b / 8] >> (b % 8)) & 1u;
    }
}

static int run_from(rx_run *r, int pc, size_t sp, size_t *end);

/* Runs a lookahead at (pc, sp): 1 when it holds, 0 when not, -1 unknown. */
static int lookahead(rx_run *r, const rx_inst *in, int pc, size_t sp)
{
    size_t ignored;
    int got = run_from(r, pc + 1, sp, &ignored);
    if (got < 0)
        return -1;
    return in->c ? got : !got;
}

/* Backtracking run from (pc, sp) until RX_MATCH or RX_DONE; *end receives
 * where it matched. 1 matched, 0 not, -1 over budget. */
static int run_from(rx_run *r, int pc, size_t sp, size_t *end)
{
    rx_thread stack[RX_MAX_STACK];
    size_t depth = 0, cap = sizeof stack / sizeof stack[0];
    for (;;) {
        if (++r->steps > RX_MAX_STEPS)
            return -1;
        const rx_inst *in = &r->g->code[pc];
        bool ok = true;
        switch (in->op) {
        case RX_MATCH:
        case RX_DONE:
            *end = sp;
            return 1;
        case RX_BOL:
            ok = sp == 0;
            pc++;
            break;
        case RX_EOL:
            ok = sp == r->len;
            pc++;
            break;
        case RX_JMP:
            pc = in->x;
            break;
        case RX_SPLIT:
            if (depth == cap)
                return -1;
            stack[depth++] = (rx_thread){in->y, sp};
            pc = in->x;
            break;
        case RX_LOOK: {
            int got = lookahead(r, in, pc, sp);
            if (got < 0)
                return -1;
            ok = got == 1;
            pc = in->x + 1;
            break;
        }
        default:
            ok = consumes(r, in, sp);
            sp++;
            pc++;
            break;
        }
        if (!ok) {
            if (depth == 0)
                return 0;
            depth--;
            pc = stack[depth].pc;
            sp = stack[depth].sp;
        }
    }
}

int amp_opt_regex_test(const char *pattern, const char *text)
{
    if (!pattern || !text)
        return -1;
    size_t len = strlen(text);
    if (len > RX_MAX_TEXT)
        return -1;
    rx_prog g;
    if (!compile(&g, pattern))
        return -1;
    rx_run r = {&g, text, len, 0};
    int answer = 0;
    for (size_t start = 0; start <= len && answer == 0; start++) {
        size_t end;
        answer = run_from(&r, 0, start, &end);
    }
    return answer;
}
