/*
 * amp_analysis.h: running the analysis core over the workspace's files.
 * Used by the LSP session (to publish) and by `amplify-ls check` (to print),
 * so both report exactly the same diagnostics.
 */
#ifndef AMP_ANALYSIS_H
#define AMP_ANALYSIS_H

#include "amp_workspace.h"

/* Recomputes f->diags from f's current text (parsing it first if needed)
 * and clears f->diag_dirty. */
void amp_analyze_file(amp_workspace *ws, amp_file *f);

#endif
