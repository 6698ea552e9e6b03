/*
 * lang_hook.c: the hooked language copy (see lang_hook.h).
 *
 * This file includes the grammar's tree_sitter/parser.h (for the layout of
 * TSLanguage) and not tree-sitter's api.h: the two declare the same types
 * differently in tree-sitter 0.20.7.
 */
#include "lang_hook.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tree_sitter/parser.h"

const TSLanguage *tree_sitter_typescript(void);

/* The block's size and alignment: a TSLanguage (about 200 bytes) and the
 * grammar's scanner states (states x tokens bools, 110 for 0.23.2). */
#define BLOCK_SIZE 4096u

typedef struct lang_block {
    TSLanguage lang; /* first: the language pointer is the block's address */
    bool (*scan)(void *, TSLexer *, const bool *); /* the grammar's own */
    uint32_t error_token; /* index of `__error_recovery` among the external tokens */
    amp_error_lex_fn hook;
    void *hook_ctx;
    bool states[]; /* copy of lang.external_scanner.states */
} lang_block;

static bool hooked_scan(void *payload, TSLexer *lexer, const bool *valid)
{
    const lang_block *b = (const lang_block *)((uintptr_t)valid & ~(uintptr_t)(BLOCK_SIZE - 1));
    if (b->hook && valid[b->error_token])
        b->hook(b->hook_ctx);
    return b->scan(payload, lexer, valid);
}

/* The index of the external token whose name, past its leading
 * underscores, is name; or -1. */
static int external_token(const TSLanguage *l, const char *name)
{
    for (uint32_t i = 0; i < l->external_token_count; i++) {
        TSSymbol sym = l->external_scanner.symbol_map[i];
        const char *s = sym < l->symbol_count ? l->symbol_names[sym] : "";
        while (*s == '_')
            s++;
        if (strcmp(s, name) == 0)
            return (int)i;
    }
    return -1;
}

const struct TSLanguage *amp_lang_hooked_new(void)
{
    const TSLanguage *plain = tree_sitter_typescript();
    int error_token = external_token(plain, "error_recovery");
    /* The rows of states run from 0 to the largest external lex state of any
     * lex mode (row 0 is never read: state 0 means no external tokens). */
    uint32_t rows = 0;
    for (uint32_t i = 0; i < plain->state_count; i++)
        if (plain->lex_modes[i].external_lex_state + 1u > rows)
            rows = plain->lex_modes[i].external_lex_state + 1u;
    size_t states = (size_t)rows * plain->external_token_count;
    if (error_token < 0 || !plain->external_scanner.states || !plain->external_scanner.scan ||
        sizeof(lang_block) + states > BLOCK_SIZE)
        return NULL;
    lang_block *b = aligned_alloc(BLOCK_SIZE, BLOCK_SIZE);
    if (!b)
        return NULL;
    memset(b, 0, BLOCK_SIZE);
    memcpy(&b->lang, plain, sizeof b->lang);
    memcpy(b->states, plain->external_scanner.states, states);
    b->scan = plain->external_scanner.scan;
    b->error_token = (uint32_t)error_token;
    b->lang.external_scanner.states = b->states;
    b->lang.external_scanner.scan = hooked_scan;
    return &b->lang;
}

void amp_lang_hooked_free(const struct TSLanguage *lang)
{
    if (lang && lang != tree_sitter_typescript())
        free((void *)lang);
}

bool amp_lang_set_hook(const struct TSLanguage *lang, amp_error_lex_fn fn, void *ctx)
{
    if (!lang || lang == tree_sitter_typescript())
        return false;
    lang_block *b = (lang_block *)(void *)lang;
    b->hook = fn;
    b->hook_ctx = fn ? ctx : NULL;
    return true;
}
