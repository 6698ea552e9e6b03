/*
 * amp_fix.h: quick fixes for the diagnostics of one backend.
 *
 * A fix answers one rule finding with text edits, recomputed from the model
 * at the finding's range (never from what a client sends back):
 *
 *   did you mean       any finding whose message says "Did you mean 'X'?"
 *                      about the token it covers (an unknown type, option
 *                      key or value, group, rule strategy, provider,
 *                      operation, handler function ...): the token becomes X
 *   data-missing-counterpart       adds the belongsTo (or hasMany/hasOne)
 *                      on the related model, and its reference fields
 *   data-reference-field-missing   adds the reference field to the child
 *                      model, typed like the parent's identifier
 *   data-model-missing-authorization  appends .authorization(...) with the
 *                      rule of defineData's default authorization mode
 *   options-secret-expected        wraps the literal in secret('NAME') and
 *                      imports secret from '@aws-amplify/backend'
 *   backend-function-data-access   adds allow.resource(fn) to the schema's
 *                      authorization (and imports fn into the schema's file)
 *   backend-resource-not-deployed  adds the resource to defineBackend (and
 *                      imports it into backend.ts)
 *   backend-stack-cycle            sets the resourceGroupName the finding
 *                      names on each function it moves
 *
 * Pure: no I/O, no JSON. Places are byte ranges in the model's files (an
 * amp_loc); the caller converts them to wire positions.
 */
#ifndef AMP_FIX_H
#define AMP_FIX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "amp_arena.h"
#include "amp_diag.h"
#include "amp_model.h"
#include "amp_nav.h"
#include "amp_text.h"

/* An edit: the bytes of loc (empty: an insertion point) become text. The
 * same shape as a rename's edits, so both reach the client the same way. */
typedef amp_nav_edit amp_fix_edit;

typedef struct amp_fix {
    const char *title;   /* e.g. "Change 'Coment' to 'Comment'" */
    size_t diag;         /* the index of the finding it fixes in the given list */
    bool preferred;      /* the obvious fix (an editor may apply it directly) */
    amp_fix_edit *edits; /* sorted by file, then start; none overlapping */
    size_t edit_count;
} amp_fix;

typedef struct amp_fix_set {
    amp_arena arena; /* owns everything below */
    amp_fix *fixes;  /* in the order of the findings */
    size_t count;
} amp_fix_set;

/* The fixes for the findings of diags (in model file `file`) whose range
 * meets the byte range [start, end] (touching counts). m and texts (texts[i]
 * is the text of m->files[i]) are borrowed for the call only: the set copies
 * what it keeps. Returns an owned set (free with amp_fix_set_delete; empty
 * when nothing is fixable), or NULL when out of memory. */
amp_fix_set *amp_fix_compute(const amp_model *m, const amp_text *const *texts, uint32_t file,
                             const amp_diag *diags, size_t diag_count, uint32_t start,
                             uint32_t end);

/* The fixes for the findings of diags in a file outside the model (a
 * function's handler file, whose text is text): only did-you-mean, which
 * reads nothing but the finding and its token. Edits are in file 0, which
 * stands for that file. Same ownership as amp_fix_compute. */
amp_fix_set *amp_fix_compute_outside(const amp_text *text, const amp_diag *diags,
                                     size_t diag_count, uint32_t start, uint32_t end);

/* Frees the set. Accepts NULL. */
void amp_fix_set_delete(amp_fix_set *set);

#endif
