/*
 * lang_hook.h: a per-parser copy of the TypeScript language whose external
 * scanner tells the parse in progress when tree-sitter lexes in error
 * recovery.
 *
 * tree-sitter calls the grammar's external scanner with every external
 * token marked valid when it lexes a token in its error-recovery state; the
 * grammar declares a token no rule uses (`__error_recovery`) so a scanner can
 * tell. The copy replaces the scanner's entry point with one that calls a
 * hook first. doc.c's error watch uses it to run tree-sitter's (costly)
 * logger only from the first error on (see amp_doc.h).
 *
 * The hook is found without global state: the copy is the first member of a
 * block aligned to its own power-of-two size, whose external scanner states
 * (the `valid` array every scan receives) are copied into the same block,
 * so a scan finds the block by masking the array's address.
 */
#ifndef AMP_LANG_HOOK_H
#define AMP_LANG_HOOK_H

#include <stdbool.h>

struct TSLanguage;

/* Called on each lex in error recovery while a hook is set. */
typedef void (*amp_error_lex_fn)(void *ctx);

/* A hooked copy of the TypeScript language (owned: free with
 * amp_lang_hooked_free after every parser and tree using it is gone), or
 * NULL when the grammar has no error-recovery token or out of memory. */
const struct TSLanguage *amp_lang_hooked_new(void);

/* Frees a language from amp_lang_hooked_new; does nothing for any other. */
void amp_lang_hooked_free(const struct TSLanguage *lang);

/* Sets (fn non-NULL) or clears the hook of lang. Returns false, and does
 * nothing, when lang is not a hooked copy. */
bool amp_lang_set_hook(const struct TSLanguage *lang, amp_error_lex_fn fn, void *ctx);

#endif
