/*
 * analysis.c: diagnostics for one workspace file (see amp_analysis.h).
 * Today: syntax diagnostics from the tree. The Amplify model's rules plug in
 * here, per backend.
 */
#include "amp_analysis.h"

#include "amp_syntax.h"

void amp_analyze_file(amp_workspace *ws, amp_file *f)
{
    amp_file_parse(ws, f);
    amp_diag_list_clear(&f->diags);
    amp_syntax_diagnostics(&f->doc, &f->diags);
    f->diag_dirty = false;
}
