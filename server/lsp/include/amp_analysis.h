/*
 * amp_analysis.h: running the analysis core over the workspace's files.
 * Used by the LSP session (to publish) and by `amplify-ls check` (to print),
 * so both report exactly the same diagnostics.
 */
#ifndef AMP_ANALYSIS_H
#define AMP_ANALYSIS_H

#include "amp_model.h"
#include "amp_nav.h"
#include "amp_workspace.h"

/* The current semantic model of backend b (rebuilt when any file changed
 * since it was built), borrowed until the next change of the workspace; NULL
 * when b is out of range or out of memory. texts, when not NULL, receives an
 * owned array (free with free) of the texts of model->files. */
const amp_model *amp_backend_model(amp_workspace *ws, size_t b, const amp_text ***texts);

/* The navigation index of backend b's current model (built on first use
 * after a change, then reused) with its answers of earlier requests freed;
 * NULL when there is no model or out of memory. Borrowed like the model.
 * *model receives the model. */
amp_nav_index *amp_backend_nav(amp_workspace *ws, size_t b, const amp_model **model);

/* While the editor is idle after a backend's first model: rebuilds one
 * backend's current model from the same texts (the findings stay, the
 * same), so that the first keystrokes cost what later ones do. Returns true
 * while a model still wants it; call when nothing else is waiting. */
bool amp_backend_warm(amp_workspace *ws);
/* True when amp_backend_warm has work. */
bool amp_backend_wants_warm(const amp_workspace *ws);

/* Frees the models the backends' last rebuilds replaced (amp_model_collect):
 * call once their answers have gone out. */
void amp_workspace_collect(amp_workspace *ws);

/* Brings every backend's model (and its rule findings) up to date; files
 * whose findings may have changed are marked dirty. Call before looking at
 * which files are dirty. */
void amp_analyze_models(amp_workspace *ws);

/* Recomputes f->diags (syntax diagnostics plus the backend's rule findings
 * in f) and clears f->diag_dirty. Returns true when the list changed. */
bool amp_analyze_file(amp_workspace *ws, amp_file *f);

#endif
