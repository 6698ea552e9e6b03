/*
 * hover.c: catalogue hover (see amp_complete.h). The hovered token is typed
 * with the completion engine: a name starting an expression (a define*
 * export, `a`, a callback parameter), a member after `.`, an option key, or
 * a string literal filling a slot with documented values.
 */
#include "complete_internal.h"

#include <stdlib.h>
#include <string.h>

bool amp_hover_token(const amp_text *text, uint32_t offset, uint32_t *start, uint32_t *end)
{
    cx_lexer lx;
    cx_lex_init(&lx, text->bytes, text->len);
    for (;;) {
        cx_tok t = cx_lex_next(&lx);
        if (t.kind == CX_TK_EOF || t.start > offset)
            return false;
        if (offset < t.end) {
            if (t.kind != CX_TK_IDENT && t.kind != CX_TK_STRING)
                return false;
            *start = t.start;
            *end = t.end;
            return true;
        }
    }
}

/* The token after the hovered one (comments skipped). */
static cx_tok next_token(const cx_scan *sc)
{
    cx_lexer lx = sc->lx;
    cx_tok t;
    do
        t = cx_lex_next(&lx);
    while (t.kind == CX_TK_COMMENT);
    return t;
}

static bool is_punct(const cx_tok *t, char p)
{
    return t->kind == CX_TK_PUNCT && t->p == p;
}

/* An option key: `key:` in an object literal. */
static const amp_cat_entry *key_entry(cx_scan *sc, uint32_t ks, uint32_t ke)
{
    const cx_cursor *at = &sc->at;
    cx_frame *f = at->frame;
    if (f->open != '{' || f->block || at->kstate != CX_KEY)
        return NULL;
    cx_tok n = next_token(sc);
    if (!is_punct(&n, ':'))
        return NULL;
    cx_slot obj = cx_frame_slot(sc, f);
    return cx_key_entry(&obj, cx_str(sc, ks, ke));
}

/* A parameter's hover: its name and the type of the callback argument. */
static char *param_markdown(cx_scan *sc, const cx_tok *w, const amp_cat_entry *type)
{
    cx_buf b = {0};
    cx_buf_printf(&b, "```typescript\n(parameter) %s: %s\n```\n\n", cx_str(sc, w->start, w->end),
                  amp_cat_id(type));
    char *rest = amp_cat_markdown(type);
    if (rest) {
        /* the type's own header is replaced by the parameter line */
        const char *body = strstr(rest, "```\n\n");
        cx_buf_add(&b, body ? body + 5 : rest);
    }
    free(rest);
    return cx_buf_take(&b);
}

/* The first parameter of an arrow being declared: `(allow) =>` with the
 * cursor on allow. Returns the type of the callback's argument, or NULL. */
static const amp_cat_entry *declared_param_type(cx_scan *sc)
{
    cx_frame *g = sc->at.frame;
    cx_tok n = next_token(sc);
    if (n.kind == CX_TK_PUNCT && n.p == CX_P_ARROW) { /* allow => ... */
        cx_slot slot = cx_position_slot(sc, g, sc->at.arg, sc->at.kstate == CX_VALUE,
                                        sc->at.key_start, sc->at.key_end);
        return slot.known ? amp_cat_value_arg(slot.value) : NULL;
    }
    if (g->open != '(' || g->callee.len || g->ident_count != 0 || !g->parent)
        return NULL;
    cx_lexer lx = sc->lx;
    cx_tok t;
    do
        t = cx_lex_next(&lx);
    while (t.kind == CX_TK_COMMENT || (t.kind == CX_TK_IDENT) ||
           (t.kind == CX_TK_PUNCT && (t.p == ':' || t.p == ',')));
    if (!is_punct(&t, ')'))
        return NULL;
    do
        t = cx_lex_next(&lx);
    while (t.kind == CX_TK_COMMENT);
    if (!(t.kind == CX_TK_PUNCT && t.p == CX_P_ARROW))
        return NULL;
    cx_slot slot = cx_position_slot(sc, g->parent, g->open_arg, g->open_in_value, g->open_key_start,
                                    g->open_key_end);
    return slot.known ? amp_cat_value_arg(slot.value) : NULL;
}

static char *word_markdown(cx_scan *sc)
{
    const cx_cursor *at = &sc->at;
    const cx_tok *w = &at->word;
    const amp_cat_entry *e = key_entry(sc, w->start, w->end);
    if (e)
        return amp_cat_markdown(e);
    const amp_cat_entry *declared = declared_param_type(sc);
    if (declared)
        return param_markdown(sc, w, declared);
    if (at->chain.dot && at->chain.len) {
        cx_type t = cx_resolve(sc, at->frame, &at->chain);
        const amp_cat_entry *m =
            t.ok && t.type ? amp_cat_child(t.type, cx_str(sc, w->start, w->end)) : NULL;
        return m && !strchr(amp_cat_name(m), '*') ? amp_cat_markdown(m) : NULL;
    }
    cx_seg seg = {CX_SEG_IDENT, w->start, w->end, NULL};
    cx_chain one = {&seg, 1, 1, false};
    cx_type t = cx_resolve(sc, at->frame, &one);
    if (!t.ok)
        return NULL;
    if (t.param && t.type)
        return param_markdown(sc, w, t.type);
    return t.entry ? amp_cat_markdown(t.entry) : NULL;
}

/* A literal's hover: its own entry when the catalogue documents it, else
 * the slot's entry under a line naming the value. */
static char *string_markdown(cx_scan *sc)
{
    const cx_cursor *at = &sc->at;
    const cx_tok *s = &at->str;
    uint32_t cs = s->start + 1, ce = s->unterminated ? s->end : s->end - 1;
    if (ce < cs)
        ce = cs;
    const amp_cat_entry *key = key_entry(sc, cs, ce);
    if (key)
        return amp_cat_markdown(key);
    cx_slot slot = cx_position_slot(sc, at->frame, at->arg, at->kstate == CX_VALUE, at->key_start,
                                    at->key_end);
    if (!slot.known || cx_slot_special(&slot) != CX_SP_NONE)
        return NULL;
    const char *lit = cx_str(sc, cs, ce);
    const amp_cat_entry *v = amp_cat_child(slot.owner, lit);
    if (v && amp_cat_kind_of(v) == AMP_CAT_VALUE)
        return amp_cat_markdown(v);
    if (!amp_cat_value_enum_contains(slot.value, lit))
        return NULL;
    cx_buf b = {0};
    cx_buf_printf(&b, "`'%s'`: an allowed value of `%s`.\n\n---\n\n", lit,
                  amp_cat_name(slot.owner));
    char *rest = amp_cat_markdown(slot.owner);
    if (rest)
        cx_buf_add(&b, rest);
    free(rest);
    return cx_buf_take(&b);
}

bool amp_hover_at(const amp_feature_env *env, uint32_t offset, amp_hover *out)
{
    memset(out, 0, sizeof *out);
    amp_arena arena = {0};
    cx_scan sc;
    char *md = NULL;
    if (cx_scan_run(&sc, &arena, env, offset, CX_SCAN_HOVER) == 0) {
        if (sc.at.word.kind == CX_TK_IDENT) {
            md = word_markdown(&sc);
            out->start = sc.at.word.start;
            out->end = sc.at.word.end;
        } else if (sc.at.str.kind == CX_TK_STRING) {
            md = string_markdown(&sc);
            out->start = sc.at.str.start;
            out->end = sc.at.str.end;
        }
    }
    amp_arena_free(&arena);
    out->markdown = md;
    return md != NULL;
}
