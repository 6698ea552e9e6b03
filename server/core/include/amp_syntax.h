/*
 * amp_syntax.h: what the core reads off a TypeScript tree before any Amplify
 * knowledge: syntax-error diagnostics and the module imports of a file.
 */
#ifndef AMP_SYNTAX_H
#define AMP_SYNTAX_H

#include "amp_diag.h"
#include "amp_doc.h"

/* At most this many syntax diagnostics per file; one more says how many were
 * left out. */
#define AMP_MAX_SYNTAX_DIAGS 50

/* Appends one diagnostic per ERROR node and per MISSING node of the doc's
 * tree (code "syntax-error" / "syntax-missing"), and one "file-too-large"
 * or "file-too-complex" notice when the doc was not parsed (see amp_doc.h).
 * The tree must be current.
 * Walks iteratively: deep nesting cannot overflow the stack. */
void amp_syntax_diagnostics(const amp_doc *doc, amp_diag_list *out);

typedef struct amp_import {
    char *specifier;     /* owned: the module string, e.g. "./data/resource" */
    uint32_t start, end; /* byte range of the string literal's content */
} amp_import;

typedef struct amp_import_list {
    amp_import *items; /* owned */
    size_t count;
} amp_import_list;

/* Collects the top-level `import ... from 'x'`, `import 'x'` and
 * `export ... from 'x'` statements of the doc. Returns 0 or -1 (out of
 * memory; the list then holds what was collected). */
int amp_syntax_imports(const amp_doc *doc, amp_import_list *out);

/* Frees the list's contents. */
void amp_import_list_clear(amp_import_list *list);

#endif
