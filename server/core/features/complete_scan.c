/*
 * complete_scan.c: the bracket stack of the context engine (see
 * complete_internal.h).
 *
 * Tokens are read in order; every ( [ { and ${ opens a frame, its closing
 * bracket (or, in broken code, the closing bracket of a frame further out)
 * closes it. Inside a frame the engine keeps the expression being read as a
 * chain of segments (`a` `.model` `(...)` `.identifier`), so a frame opened
 * by `(` knows what is called, a frame opened by `{` after `key:` knows
 * which key it is the value of, and `(allow) =>` declares a parameter. An
 * object literal records its members and a frame the string literals read
 * at its top level. Import statements are read on the side.
 *
 * A scan stops at the cursor with a snapshot of the innermost frame; it can
 * then go on until that frame closes to learn what follows the cursor.
 */
#include "complete_internal.h"

#include <string.h>

/* ---- small helpers ------------------------------------------------------- */

void *cx_push(cx_scan *sc, void **array, uint32_t *count, uint32_t *cap, size_t size)
{
    if (*count == *cap) {
        uint32_t grown = *cap ? *cap * 2 : 4;
        void *p = amp_arena_grow(sc->arena, *array, *count, grown, size);
        if (!p) {
            sc->oom = true;
            return NULL;
        }
        *array = p;
        *cap = grown;
    }
    void *slot = (char *)*array + (size_t)(*count)++ * size;
    memset(slot, 0, size);
    return slot;
}

const char *cx_str(cx_scan *sc, uint32_t start, uint32_t end)
{
    if (end < start || end > sc->len)
        return "";
    char *p = amp_arena_strndup(sc->arena, sc->s + start, end - start);
    if (!p)
        sc->oom = true;
    return p ? p : "";
}

bool cx_text_is(const cx_scan *sc, uint32_t start, uint32_t end, const char *word)
{
    size_t n = strlen(word);
    return end >= start && end - start == n && memcmp(sc->s + start, word, n) == 0;
}

const amp_model *cx_model(cx_scan *sc)
{
    if (!sc->model_done) {
        sc->model_done = true;
        sc->model = sc->env->model ? sc->env->model(sc->env->model_ctx) : NULL;
    }
    return sc->model;
}

static bool is_object(const cx_frame *f)
{
    return f->open == '{' && !f->block;
}

static bool is_group(const cx_frame *f)
{
    return f->open == '(' && f->callee.len == 0;
}

static void chain_reset(cx_chain *c)
{
    c->len = 0;
    c->dot = false;
}

static void chain_add(cx_scan *sc, cx_chain *c, cx_seg_kind kind, uint32_t start, uint32_t end,
                      cx_frame *args)
{
    cx_seg *seg = cx_push(sc, (void **)&c->segs, &c->len, &c->cap, sizeof *seg);
    if (seg) {
        seg->kind = kind;
        seg->start = start;
        seg->end = end;
        seg->args = args;
    }
    c->dot = false;
}

static cx_chain chain_copy(cx_scan *sc, const cx_chain *src)
{
    cx_chain c = {0};
    if (src->len) {
        c.segs = amp_arena_alloc(sc->arena, src->len * sizeof *c.segs);
        if (!c.segs) {
            sc->oom = true;
            return c;
        }
        memcpy(c.segs, src->segs, src->len * sizeof *c.segs);
        c.len = c.cap = src->len;
    }
    c.dot = src->dot;
    return c;
}

/* Words that end an expression (or start a statement) rather than name a value. */
static bool is_keyword(const cx_scan *sc, const cx_tok *t)
{
    /* "|word|" per length, so one memcmp-free scan of a short string */
    static const char *const by_len[] = {
        NULL,
        NULL,
        "|if|do|in|of|as|",
        "|let|var|new|for|try|",
        "|else|case|void|type|enum|",
        "|const|await|while|throw|yield|class|catch|break|",
        "|return|typeof|export|import|switch|delete|",
        "|default|extends|declare|finally|",
        "|function|continue|",
        "|satisfies|interface|",
        "|instanceof|",
    };
    uint32_t n = t->end - t->start;
    unsigned char c = (unsigned char)sc->s[t->start];
    if (t->kind != CX_TK_IDENT || n < 2 || n >= sizeof by_len / sizeof by_len[0] || c < 'a' ||
        c > 'y')
        return false;
    for (const char *w = strchr(by_len[n], '|'); w && w[1]; w = strchr(w + 1, '|'))
        if (memcmp(w + 1, sc->s + t->start, n) == 0 && w[n + 1] == '|')
            return true;
    return false;
}

/* True when the previous token ends an operand, so `(` calls and `[` indexes.
 * A member name may be a keyword (`a.handler.function(`). */
static bool prev_ends_operand(const cx_scan *sc)
{
    const cx_tok *p = &sc->prev;
    const cx_chain *c = &sc->top->cur;
    if (p->kind == CX_TK_IDENT)
        return !is_keyword(sc, p) || (c->len && c->segs[c->len - 1].end == p->end);
    return p->kind == CX_TK_PUNCT && (p->p == ')' || p->p == ']' || p->p == '!');
}

/* ---- frames -------------------------------------------------------------- */

static void finish_member(cx_scan *sc, cx_frame *f)
{
    if (!is_object(f))
        return;
    if (f->kstate == CX_KEY_SEEN || (f->kstate == CX_VALUE && f->key_end > f->key_start)) {
        cx_member *m =
            cx_push(sc, (void **)&f->members, &f->member_count, &f->member_cap, sizeof *m);
        if (m) {
            m->key_start = f->key_start;
            m->key_end = f->key_end;
            if (sc->values)
                m->value = chain_copy(sc, &f->cur);
            m->value_frame = f->value_frame;
        }
    }
    f->kstate = CX_KEY;
    f->key_start = f->key_end = 0;
    f->value_frame = NULL;
}

/* True when f is the argument list of a `.schema(` call. */
static bool is_schema_call(const cx_scan *sc, const cx_frame *f)
{
    const cx_chain *c = &f->callee;
    return f->open == '(' && c->len && c->segs[c->len - 1].kind == CX_SEG_MEMBER &&
           cx_text_is(sc, c->segs[c->len - 1].start, c->segs[c->len - 1].end, "schema") &&
           f->arg == 0;
}

/* Remembers o as a schema types object (for cx_scan_full). */
static void record_schema(cx_scan *sc, cx_frame *o)
{
    cx_frame **slot =
        cx_push(sc, (void **)&sc->schemas, &sc->schema_count, &sc->schema_cap, sizeof *slot);
    if (slot)
        *slot = o;
}

/* Opens a frame for bracket t in the current one (callee: t calls the expression read so far). */
static void open_frame(cx_scan *sc, const cx_tok *t, char open, bool block, bool callee)
{
    cx_frame *f = sc->top;
    if (sc->depth >= CX_MAX_DEPTH || sc->overflow) {
        sc->overflow++;
        return;
    }
    cx_frame *nf = amp_arena_alloc(sc->arena, sizeof *nf);
    if (!nf) {
        sc->oom = true;
        sc->overflow++;
        return;
    }
    nf->open = open;
    nf->block = block;
    nf->start = t->start;
    nf->end = UINT32_MAX;
    nf->parent = f;
    nf->open_arg = f->arg;
    if (is_object(f) && f->kstate == CX_VALUE) {
        nf->open_in_value = true;
        nf->open_key_start = f->key_start;
        nf->open_key_end = f->key_end;
        if (!f->value_frame)
            f->value_frame = nf;
    }
    if (callee)
        nf->callee = chain_copy(sc, &f->cur);
    nf->ident_pending = open == '(' && !callee;
    nf->key_col = -1;
    if (open == '{' && !block && is_schema_call(sc, f))
        record_schema(sc, nf);
    if (!f->first_child)
        f->first_child = nf;
    sc->top = nf;
    sc->depth++;
}

/* The parent's expression after frame f closed. */
static void closed_into_parent(cx_scan *sc, cx_frame *f, const cx_tok *t)
{
    cx_frame *p = f->parent;
    if (f->open == '(' && f->callee.len) {
        chain_add(sc, &p->cur, CX_SEG_CALL, f->start, t->end, f);
    } else if (f->open == '(') {
        chain_reset(&p->cur);
        chain_add(sc, &p->cur, CX_SEG_GROUP, f->start, t->end, f);
    } else if (f->open == '[' && f->index) {
        chain_add(sc, &p->cur, CX_SEG_INDEX, f->start, t->end, f);
    } else if (f->open == '[' || (f->open == '{' && !f->block)) {
        chain_reset(&p->cur);
        chain_add(sc, &p->cur, CX_SEG_VALUE, f->start, t->end, f);
    } else {
        chain_reset(&p->cur);
    }
}

static bool matches(char open, char close)
{
    return (open == '(' && close == ')') || (open == '[' && close == ']') ||
           (open == '{' && close == '}') || (open == '$' && close == CX_P_TCLOSE);
}

/* Closes the innermost frame the bracket matches, and every frame inside it
 * (broken code); a bracket matching nothing is ignored. */
static void close_frame(cx_scan *sc, const cx_tok *t)
{
    if (sc->overflow) {
        sc->overflow--;
        return;
    }
    cx_frame *f = sc->top;
    while (f && f->open && !matches(f->open, t->p))
        f = f->parent;
    if (!f || !f->open)
        return;
    for (;;) {
        cx_frame *inner = sc->top;
        finish_member(sc, inner);
        inner->end = t->start;
        for (uint32_t i = 0; i < inner->param_count; i++)
            inner->params[i].active = false;
        sc->top = inner->parent;
        sc->depth--;
        closed_into_parent(sc, inner, t);
        if (inner == f)
            break;
    }
}

/* `{` opens a block after `)`, `=>`, and at statement level; else an object. */
static bool opens_block(const cx_scan *sc)
{
    const cx_tok *p = &sc->prev;
    const cx_frame *f = sc->top;
    bool stmt_level = f->open == 0 || f->block;
    if (p->kind == CX_TK_EOF)
        return true;
    if (p->kind == CX_TK_PUNCT)
        return p->p == ')' || p->p == CX_P_ARROW ||
               (stmt_level && (p->p == ';' || p->p == '{' || p->p == '}'));
    if (p->kind == CX_TK_IDENT)
        return cx_tok_is(sc->s, p, "else") || cx_tok_is(sc->s, p, "try") ||
               cx_tok_is(sc->s, p, "finally") || cx_tok_is(sc->s, p, "do");
    return false;
}

/* ---- tokens -------------------------------------------------------------- */

/* The column of t when it is the first token of its line, else -1. */
static int32_t line_start_column(const cx_scan *sc, const cx_tok *t)
{
    uint32_t i = t->start;
    while (i > 0 && (sc->s[i - 1] == ' ' || sc->s[i - 1] == '\t'))
        i--;
    if (i > 0 && sc->s[i - 1] != '\n' && sc->s[i - 1] != '\r')
        return -1;
    return (int32_t)(t->start - i);
}

static void note_key_column(cx_scan *sc, cx_frame *f, const cx_tok *t)
{
    if (f->member_count == 0 && f->key_col < 0)
        f->key_col = line_start_column(sc, t);
}

/* Broken code: a `key:` starting a line at the column of the keys of an
 * enclosing object literal, while a call, array or value is still open
 * (an unterminated string, a missing `)` or `,`), belongs to that object.
 * Closes the frames in between and ends the member being read. */
static void recover_key(cx_scan *sc, const cx_tok *t)
{
    cx_frame *top = sc->top;
    if (is_object(top) && top->kstate == CX_KEY)
        return;
    int32_t col = line_start_column(sc, t);
    if (col < 0)
        return;
    cx_frame *o = top;
    while (o && o->open && !(is_object(o) && o->key_col == col))
        o = o->parent;
    if (!o || !o->open || sc->overflow)
        return;
    cx_lexer lx = sc->lx;
    cx_tok n;
    do
        n = cx_lex_next(&lx);
    while (n.kind == CX_TK_COMMENT);
    if (n.kind != CX_TK_PUNCT || n.p != ':')
        return;
    while (sc->top != o) {
        cx_frame *inner = sc->top;
        finish_member(sc, inner);
        inner->end = t->start;
        for (uint32_t i = 0; i < inner->param_count; i++)
            inner->params[i].active = false;
        sc->top = inner->parent;
        sc->depth--;
        closed_into_parent(sc, inner, t);
    }
    finish_member(sc, o);
    chain_reset(&o->cur);
}

static void on_ident(cx_scan *sc, cx_frame *f, const cx_tok *t)
{
    if (is_object(f) && f->kstate == CX_KEY) {
        f->kstate = CX_KEY_SEEN;
        f->key_start = t->start;
        f->key_end = t->end;
        note_key_column(sc, f, t);
        chain_reset(&f->cur);
        chain_add(sc, &f->cur, CX_SEG_IDENT, t->start, t->end, NULL);
        return;
    }
    if (f->cur.dot && f->cur.len) {
        chain_add(sc, &f->cur, CX_SEG_MEMBER, t->start, t->end, NULL);
        return;
    }
    chain_reset(&f->cur);
    if (is_keyword(sc, t))
        return;
    if (f->ident_pending) {
        uint32_t *slot =
            cx_push(sc, (void **)&f->idents, &f->ident_count, &f->ident_cap, sizeof *slot);
        if (slot)
            *slot = t->start;
        f->ident_pending = false;
    }
    chain_add(sc, &f->cur, CX_SEG_IDENT, t->start, t->end, NULL);
}

static void on_literal(cx_scan *sc, cx_frame *f, const cx_tok *t)
{
    bool str = t->kind == CX_TK_STRING;
    uint32_t cs = str ? t->start + 1 : t->start;
    uint32_t ce = str && !t->unterminated && t->end > cs ? t->end - 1 : t->end;
    if (is_object(f) && f->kstate == CX_KEY && (str || t->kind == CX_TK_NUMBER)) {
        f->kstate = CX_KEY_SEEN;
        f->key_start = cs;
        f->key_end = ce;
        note_key_column(sc, f, t);
        chain_reset(&f->cur);
        return;
    }
    if (str) {
        cx_strlit *lit =
            cx_push(sc, (void **)&f->strings, &f->string_count, &f->string_cap, sizeof *lit);
        if (lit) {
            lit->start = cs;
            lit->end = ce;
            lit->arg = f->arg;
        }
    }
    chain_reset(&f->cur);
    chain_add(sc, &f->cur, CX_SEG_VALUE, t->start, t->end, NULL);
}

static void on_comma(cx_scan *sc, cx_frame *f)
{
    finish_member(sc, f);
    f->arg++;
    for (uint32_t i = 0; i < f->param_count; i++)
        f->params[i].active = false;
    chain_reset(&f->cur);
    if (is_group(f))
        f->ident_pending = true;
}

static void add_param(cx_scan *sc, cx_frame *f, uint32_t start, uint32_t end, uint32_t index)
{
    cx_param *p = cx_push(sc, (void **)&f->params, &f->param_count, &f->param_cap, sizeof *p);
    if (!p)
        return;
    p->start = start;
    p->end = end;
    p->index = index;
    p->arg = f->arg;
    if (is_object(f) && f->kstate == CX_VALUE) {
        p->key_start = f->key_start;
        p->key_end = f->key_end;
    }
    p->active = true;
}

/* `x =>` or `(x, y) =>`: declares the parameters in this frame. */
static void on_arrow(cx_scan *sc, cx_frame *f)
{
    const cx_chain *c = &f->cur;
    if (c->len == 1 && c->segs[0].kind == CX_SEG_IDENT) {
        add_param(sc, f, c->segs[0].start, c->segs[0].end, 0);
    } else if (c->len == 1 && c->segs[0].kind == CX_SEG_GROUP && c->segs[0].args) {
        const cx_frame *g = c->segs[0].args;
        for (uint32_t i = 0; i < g->ident_count; i++) {
            uint32_t s = g->idents[i], e = s;
            cx_lexer lx;
            cx_lex_init(&lx, sc->s, sc->len);
            lx.pos = s;
            cx_tok t = cx_lex_next(&lx);
            e = t.end;
            add_param(sc, f, s, e, i);
        }
    }
    chain_reset(&f->cur);
}

static void on_punct(cx_scan *sc, cx_frame *f, const cx_tok *t)
{
    switch (t->p) {
    case '.':
        if (f->cur.len && f->cur.segs[f->cur.len - 1].kind != CX_SEG_VALUE)
            f->cur.dot = true;
        else
            chain_reset(&f->cur);
        break;
    case '(': {
        bool callee = f->cur.len > 0 && !f->cur.dot && prev_ends_operand(sc);
        open_frame(sc, t, '(', false, callee);
        break;
    }
    case '[': {
        bool index = f->cur.len > 0 && !f->cur.dot && prev_ends_operand(sc);
        open_frame(sc, t, '[', false, false);
        if (sc->top != f)
            sc->top->index = index;
        break;
    }
    case '{':
        open_frame(sc, t, '{', opens_block(sc), false);
        break;
    case CX_P_TOPEN:
        open_frame(sc, t, '$', true, false);
        break;
    case ')':
    case ']':
    case '}':
    case CX_P_TCLOSE:
        close_frame(sc, t);
        break;
    case ',':
        on_comma(sc, f);
        break;
    case ':':
        if (is_object(f) && f->kstate == CX_KEY_SEEN)
            f->kstate = CX_VALUE;
        chain_reset(&f->cur);
        break;
    case CX_P_ARROW:
        on_arrow(sc, f);
        break;
    case CX_P_SPREAD:
        if (is_object(f) && f->kstate == CX_KEY) {
            f->kstate = CX_VALUE;
            f->open_object = true;
        }
        chain_reset(&f->cur);
        break;
    case '!':
        if (!prev_ends_operand(sc))
            chain_reset(&f->cur);
        break;
    default:
        chain_reset(&f->cur);
        break;
    }
}

/* ---- imports ------------------------------------------------------------- */

static void add_import(cx_scan *sc, uint32_t ls, uint32_t le, uint32_t ns, uint32_t ne)
{
    cx_import *im =
        cx_push(sc, (void **)&sc->imports, &sc->import_count, &sc->import_cap, sizeof *im);
    if (im) {
        im->local_start = ls;
        im->local_end = le;
        im->name_start = ns;
        im->name_end = ne;
    }
}

/* The end of the line holding offset (after its line break). */
static uint32_t line_end(const cx_scan *sc, uint32_t offset)
{
    while (offset < sc->len && sc->s[offset] != '\n' && sc->s[offset] != '\r')
        offset++;
    if (offset < sc->len && sc->s[offset] == '\r')
        offset++;
    if (offset < sc->len && sc->s[offset] == '\n')
        offset++;
    return offset;
}

static void import_module(cx_scan *sc, const cx_tok *t)
{
    uint32_t cs = t->start + 1, ce = t->unterminated ? t->end : t->end - 1;
    bool amplify = ce - cs >= 13 && memcmp(sc->s + cs, "@aws-amplify/", 13) == 0;
    for (uint32_t i = sc->imp.first; i < sc->import_count; i++) {
        sc->imports[i].module_start = cs;
        sc->imports[i].module_end = ce;
        sc->imports[i].amplify = amplify;
    }
    sc->last_import_end = line_end(sc, t->end);
    sc->imp.state = 0;
}

/* A name inside `import { ... }`: `name`, `name as local` or `type name`. */
static void import_brace_ident(cx_scan *sc, const cx_tok *t)
{
    cx_import_state *st = &sc->imp;
    if (st->after_as) {
        add_import(sc, t->start, t->end, st->name_start, st->name_end);
        st->has_name = st->after_as = false;
    } else if (cx_tok_is(sc->s, t, "as") && st->has_name) {
        st->after_as = true;
    } else {
        st->has_name = true; /* `type X` replaces the modifier by the name */
        st->name_start = t->start;
        st->name_end = t->end;
    }
}

static void import_flush_name(cx_scan *sc)
{
    if (sc->imp.has_name && !sc->imp.after_as)
        add_import(sc, sc->imp.name_start, sc->imp.name_end, sc->imp.name_start, sc->imp.name_end);
    sc->imp.has_name = sc->imp.after_as = false;
}

/* Reads import statements; returns true when t was part of one. */
static bool on_import_token(cx_scan *sc, const cx_tok *t)
{
    cx_import_state *st = &sc->imp;
    if (st->state == 0) {
        if (sc->top == sc->root && cx_tok_is(sc->s, t, "import") &&
            !(sc->prev.kind == CX_TK_PUNCT && sc->prev.p == '.')) {
            memset(st, 0, sizeof *st);
            st->state = 1;
            st->first = sc->import_count;
            return true;
        }
        return false;
    }
    if (st->state == 2) {
        if (t->kind == CX_TK_IDENT)
            import_brace_ident(sc, t);
        else if (t->kind == CX_TK_PUNCT && t->p == ',')
            import_flush_name(sc);
        else if (t->kind == CX_TK_PUNCT && t->p == '}') {
            import_flush_name(sc);
            st->state = 1;
        }
        return true;
    }
    if (t->kind == CX_TK_STRING) {
        import_module(sc, t);
        return true;
    }
    if (t->kind == CX_TK_PUNCT && t->p == '{') {
        st->state = 2;
        return true;
    }
    if (t->kind == CX_TK_IDENT && !cx_tok_is(sc->s, t, "from") && !cx_tok_is(sc->s, t, "type") &&
        !cx_tok_is(sc->s, t, "as")) {
        add_import(sc, t->start, t->end, t->start, t->start); /* default or namespace */
        return true;
    }
    if (t->kind == CX_TK_IDENT || (t->kind == CX_TK_PUNCT && (t->p == ',' || t->p == CX_P_OP)))
        return true;
    st->state = 0; /* not an import after all: let the token through */
    return false;
}

/* ---- the scan ------------------------------------------------------------ */

static void step(cx_scan *sc, const cx_tok *t)
{
    if (t->kind == CX_TK_STRING) {
        if (sc->s[t->start] == '"')
            sc->double_quotes++;
        else
            sc->single_quotes++;
    }
    if ((t->kind == CX_TK_IDENT || t->kind == CX_TK_STRING) && sc->top != sc->root)
        recover_key(sc, t);
    if (!on_import_token(sc, t)) {
        cx_frame *f = sc->top;
        switch (t->kind) {
        case CX_TK_IDENT:
            on_ident(sc, f, t);
            break;
        case CX_TK_STRING:
        case CX_TK_NUMBER:
            on_literal(sc, f, t);
            break;
        case CX_TK_TEMPLATE:
        case CX_TK_REGEX:
            chain_reset(&f->cur);
            chain_add(sc, &f->cur, CX_SEG_VALUE, t->start, t->end, NULL);
            break;
        case CX_TK_PUNCT:
            on_punct(sc, f, t);
            break;
        default:
            break;
        }
    }
    sc->prev = *t;
}

static void snapshot(cx_scan *sc)
{
    cx_cursor *at = &sc->at;
    cx_frame *f = sc->top;
    at->reached = true;
    at->frame = f;
    at->chain = chain_copy(sc, &f->cur);
    at->prev = sc->prev;
    at->kstate = f->kstate;
    at->key_start = f->key_start;
    at->key_end = f->key_end;
    at->arg = f->arg;
}

/* Takes the snapshot when token t reaches the cursor; true when it did.
 * The token holding the cursor is kept back (sc->held). */
static bool check_hover(cx_scan *sc, const cx_tok *t)
{
    uint32_t o = sc->offset;
    if (t->kind != CX_TK_EOF && t->end <= o)
        return false;
    snapshot(sc);
    if (t->kind == CX_TK_EOF || t->start > o)
        return true;
    if (t->kind == CX_TK_IDENT)
        sc->at.word = *t;
    else if (t->kind == CX_TK_STRING)
        sc->at.str = *t;
    else
        sc->at.in_comment = true;
    return true;
}

static bool check_cursor(cx_scan *sc, const cx_tok *t)
{
    uint32_t o = sc->offset;
    cx_cursor *at = &sc->at;
    if (sc->hover)
        return check_hover(sc, t);
    if (t->kind == CX_TK_EOF || t->start >= o) {
        snapshot(sc);
        return true;
    }
    bool inside = t->end > o;
    switch (t->kind) {
    case CX_TK_IDENT:
        if (!inside && t->end != o)
            return false;
        snapshot(sc);
        at->word = *t;
        break;
    case CX_TK_STRING:
        if (!inside && !(t->unterminated && t->end == o))
            return false;
        snapshot(sc);
        at->str = *t;
        break;
    case CX_TK_COMMENT:
        if (!inside && !(t->end == o && (t->unterminated || sc->s[t->start + 1] == '/')))
            return false;
        snapshot(sc);
        at->in_comment = true;
        break;
    case CX_TK_NUMBER:
    case CX_TK_TEMPLATE:
    case CX_TK_REGEX:
        if (!inside && !(t->end == o && (t->unterminated || t->kind == CX_TK_NUMBER)))
            return false;
        snapshot(sc);
        at->in_comment = true;
        break;
    default:
        if (!inside)
            return false;
        snapshot(sc); /* inside `=>` or `...`: before it */
        break;
    }
    return true;
}

/* ---- the statement at the cursor ------------------------------------------ */

/* The current tree of the text, or a null node. */
static TSNode tree_root(const cx_scan *sc)
{
    const amp_doc *d = sc->env->doc;
    if (!d || !d->tree || d->tree_stale || d->text.bytes != sc->s || d->text.len != sc->len)
        return (TSNode){0};
    return ts_tree_root_node(d->tree);
}

static bool is_error_node(TSNode n)
{
    return strcmp(ts_node_type(n), "ERROR") == 0;
}

/* Where the scan may start: the top-level statement holding the cursor (or
 * the end of the one before it); 0 when an ERROR at the top level comes
 * first, since its statements cannot be told apart. */
static uint32_t statement_start(const cx_scan *sc, TSNode root)
{
    uint32_t start = 0, n = ts_node_child_count(root);
    if (is_error_node(root))
        return 0;
    for (uint32_t i = 0; i < n; i++) {
        TSNode c = ts_node_child(root, i);
        uint32_t s = ts_node_start_byte(c), e = ts_node_end_byte(c);
        if (s >= sc->offset)
            break;
        if (is_error_node(c) || ts_node_is_missing(c))
            return 0;
        start = e < sc->offset ? e : s;
        if (e >= sc->offset)
            break;
    }
    return start;
}

/* Reads the import statements that end before `start`. */
static void scan_imports(cx_scan *sc, TSNode root, uint32_t start)
{
    uint32_t n = ts_node_child_count(root);
    for (uint32_t i = 0; i < n; i++) {
        TSNode c = ts_node_child(root, i);
        if (ts_node_end_byte(c) > start)
            break;
        if (strcmp(ts_node_type(c), "import_statement") != 0)
            continue;
        cx_lexer lx;
        cx_lex_init(&lx, sc->s, ts_node_end_byte(c));
        lx.pos = ts_node_start_byte(c);
        for (cx_tok t = cx_lex_next(&lx); t.kind != CX_TK_EOF; t = cx_lex_next(&lx))
            if (t.kind != CX_TK_COMMENT)
                step(sc, &t);
        sc->imp.state = 0;
    }
}

/* Moves the scan to the cursor's statement when the tree allows it. */
static void skip_to_statement(cx_scan *sc)
{
    TSNode root = tree_root(sc);
    if (ts_node_is_null(root))
        return;
    uint32_t start = statement_start(sc, root);
    if (start == 0)
        return;
    scan_imports(sc, root, start);
    cx_lex_init(&sc->lx, sc->s, sc->len);
    sc->lx.pos = start;
    sc->prev.kind = CX_TK_PUNCT;
    sc->prev.p = ';';
    sc->prev.start = sc->prev.end = start;
    sc->lx.prev = sc->prev;
    sc->top = sc->root;
}

int cx_scan_run(cx_scan *sc, amp_arena *arena, const amp_feature_env *env, uint32_t offset,
                unsigned flags)
{
    memset(sc, 0, sizeof *sc);
    sc->hover = flags & CX_SCAN_HOVER;
    sc->values = flags & CX_SCAN_VALUES;
    sc->arena = arena;
    sc->env = env;
    sc->s = env->text->bytes;
    sc->len = env->text->len;
    sc->offset = offset > sc->len ? sc->len : offset;
    sc->root = amp_arena_alloc(arena, sizeof *sc->root);
    if (!sc->root)
        return -1;
    sc->root->block = true;
    sc->root->end = UINT32_MAX;
    sc->top = sc->root;
    sc->prev.kind = CX_TK_EOF;
    sc->at.word.kind = sc->at.str.kind = CX_TK_EOF;
    cx_lex_init(&sc->lx, sc->s, sc->len);
    if (!sc->values)
        skip_to_statement(sc);
    for (;;) {
        cx_tok t = cx_lex_next(&sc->lx);
        if (check_cursor(sc, &t)) {
            sc->held = t;
            sc->has_held = t.kind != CX_TK_EOF;
            break;
        }
        if (t.kind != CX_TK_COMMENT)
            step(sc, &t);
    }
    return sc->oom ? -1 : 0;
}

cx_scan *cx_scan_full(cx_scan *sc)
{
    if (sc->full)
        return sc->full;
    cx_scan *full = amp_arena_alloc(sc->arena, sizeof *full);
    if (!full || cx_scan_run(full, sc->arena, sc->env, sc->len, CX_SCAN_VALUES) != 0) {
        sc->oom = true;
        return NULL;
    }
    full->model_done = sc->model_done;
    full->model = sc->model;
    sc->full = full;
    return full;
}

void cx_scan_finish(cx_scan *sc)
{
    cx_frame *stop = sc->at.frame;
    if (!stop || stop == sc->root)
        return;
    cx_tok t = sc->held;
    bool have = sc->has_held;
    sc->has_held = false;
    while (stop->end == UINT32_MAX) {
        if (!have)
            t = cx_lex_next(&sc->lx);
        have = false;
        if (t.kind == CX_TK_EOF)
            break;
        if (t.kind != CX_TK_COMMENT)
            step(sc, &t);
    }
    if (stop->end == UINT32_MAX)
        finish_member(sc, stop); /* the text ended inside the frame */
}
