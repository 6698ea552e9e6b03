/*
 * fix_internal.h: shared by the quick-fix sources (see amp_fix.h).
 *
 *   fix.c          the entry point, did-you-mean, and the editing helpers:
 *                  text, edits, appending to objects, arrays and builder
 *                  chains, imports
 *   fix_data.c     data schema fixes (relationships, reference fields,
 *                  model authorization)
 *   fix_backend.c  secrets, allow.resource grants, defineBackend keys,
 *                  resource groups
 *
 * A fix is built in a fix_ctx: the helpers add edits (copied into the set's
 * arena), fix_done turns them into one amp_fix, and any helper that cannot
 * do its part marks the fix failed so that nothing half-done is offered.
 */
#ifndef AMP_FIX_INTERNAL_H
#define AMP_FIX_INTERNAL_H

#include "amp_fix.h"

typedef struct fix_ctx {
    const amp_model *m;           /* borrowed */
    const amp_text *const *texts; /* borrowed: texts[i] is the text of m->files[i] */
    size_t file_count;            /* of texts (m's files, or the one file outside it) */
    amp_fix_set *set;             /* borrowed: where fixes and their strings go */
    const amp_diag *d;            /* the finding being fixed (borrowed) */
    size_t diag;                  /* its index in the caller's list */
    amp_loc at;                   /* its range, in its file */
    amp_fix_edit *edits;          /* the fix being built (in set->arena) */
    size_t edit_count;
    bool failed;
} fix_ctx;

/* ---- text ------------------------------------------------------------------ */

/* The bytes of loc and their length in *len; NULL when loc is out of range. */
const char *fix_text(const fix_ctx *c, amp_loc loc, uint32_t *len);

/* True when two places are the same range of the same file. */
bool fix_loc_eq(amp_loc a, amp_loc b);

/* loc without its quotes when the text there is a quoted string literal. */
amp_loc fix_unquote(const fix_ctx *c, amp_loc loc);

/* The text after `lead` in msg up to the next single quote, copied into the
 * arena; NULL when msg does not contain lead followed by a closing quote.
 * Rule messages quote names and suggestions this way ("Did you mean 'X'?"). */
const char *fix_quoted_after(fix_ctx *c, const char *msg, const char *lead);

/* A formatted string in the set's arena (NULL when out of memory). */
const char *fix_printf(fix_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The first parameter's name of the arrow or function expression at loc
 * ("allow"), in the arena; NULL when it has none (or destructures it). */
const char *fix_param_name(fix_ctx *c, amp_loc loc);

/* Gives the arrow or function expression at loc, written with an empty
 * parameter list `()`, the one parameter `name`; fails the fix otherwise. */
void fix_name_param(fix_ctx *c, amp_loc loc, const char *name);

/* ---- edits ----------------------------------------------------------------- */

/* Adds an edit replacing loc by text (copied). */
void fix_edit(fix_ctx *c, amp_loc loc, const char *text);

/* Adds an insertion of text at offset `at` of file. */
void fix_insert(fix_ctx *c, uint32_t file, uint32_t at, const char *text);

/* Ends the fix being built: offers it with this title when it has edits and
 * did not fail, else drops it. Either way a new fix can then be built. */
void fix_done(fix_ctx *c, const char *title, bool preferred);

/* ---- structure ------------------------------------------------------------- */

/* Adds the n elements (property or item texts) at the end of the object or
 * array literal at loc (from its `{`/`[` to its `}`/`]`), in its style: on
 * lines of their own with the last element's indentation when the literal
 * spans lines, else inline (`{ a }`, `[a]` when it was empty); a trailing
 * comma is kept. */
void fix_append_elements(fix_ctx *c, amp_loc loc, const char *const *elements, size_t n);

/* Appends a method call (text such as ".authorization(...)") to the builder
 * chain of the CALL value v: on a line of its own when the chain's last
 * method starts its line. */
void fix_append_method(fix_ctx *c, const amp_value *v, const char *method);

/* Makes `name` imported from module in file: nothing when a (non-type)
 * import from module already names it, else added to such an import's
 * braces, else a new import after the last one (or at the top). */
void fix_import(fix_ctx *c, uint32_t file, const char *name, const char *module);

/* The name that stands for CALL value v in file (the const declaring it, or
 * the local name of an import of it; export clauses bind no name), or NULL. */
const char *fix_local_name(const fix_ctx *c, uint32_t file, const amp_value *v);

/* Makes resource r usable from file `file` under the returned name: its name
 * there when it has one; else the name a module the file imports from
 * already exports it as (a barrel's `export { x as y } from './x'`),
 * imported from there; else the name its own file exports it as, imported
 * from that file (adding `export` to its const when nothing exports it).
 * NULL (and the fix failed) when r has no const. */
const char *fix_use_resource(fix_ctx *c, uint32_t file, int r);

/* ---- the fixes ------------------------------------------------------------- */

/* Each adds the fixes of its finding c->d (none when the model at c->at is
 * not what the finding says). */
void fix_counterpart(fix_ctx *c);
void fix_reference_field(fix_ctx *c);
void fix_model_auth(fix_ctx *c);
void fix_secret(fix_ctx *c);
void fix_data_access(fix_ctx *c);
void fix_not_deployed(fix_ctx *c);
void fix_stack_cycle(fix_ctx *c);

#endif
