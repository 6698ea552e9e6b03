/*
 * syntax.c: syntax diagnostics and import extraction (see amp_syntax.h).
 */
#include "amp_syntax.h"

#include <stdlib.h>
#include <string.h>

/* Length of the well-formed UTF-8 sequence at p (at most avail bytes), or 0. */
static uint32_t utf8_len(const unsigned char *p, uint32_t avail)
{
    uint32_t n = p[0] < 0x80                    ? 1
                 : p[0] >= 0xF0 && p[0] <= 0xF4 ? 4
                 : p[0] >= 0xE0                 ? 3
                 : p[0] >= 0xC2 && p[0] <= 0xDF ? 2
                                                : 0;
    if (n == 0 || n > avail)
        return 0;
    for (uint32_t i = 1; i < n; i++)
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    return n;
}

/* Describes the token text at [start, end) for a message: at most 24
 * bytes, cut at a line break, never inside a UTF-8 sequence. Control
 * characters and bytes that are not well-formed UTF-8 print as '?', so that
 * messages are valid UTF-8 whatever the file holds. */
static void token_excerpt(const amp_text *text, uint32_t start, uint32_t end, char *out, size_t cap)
{
    const unsigned char *p = (const unsigned char *)text->bytes + start;
    uint32_t n = end - start, i = 0;
    size_t j = 0;
    while (i < n && i < 24 && j + 5 < cap) {
        if (p[i] == '\n' || p[i] == '\r')
            break;
        uint32_t k = utf8_len(p + i, n - i);
        if (k == 0 || (k == 1 && p[i] < 0x20)) {
            out[j++] = '?';
            i++;
            continue;
        }
        memcpy(out + j, p + i, k);
        j += k;
        i += k;
    }
    out[j] = '\0';
}

/* The first leaf at or below node that has a non-empty range. */
static TSNode first_leaf(TSNode node)
{
    while (ts_node_child_count(node) > 0) {
        TSNode child = ts_node_child(node, 0);
        if (ts_node_end_byte(child) <= ts_node_start_byte(child))
            break;
        node = child;
    }
    return node;
}

static void report_error_node(const amp_doc *doc, TSNode node, amp_diag_list *out)
{
    TSNode leaf = first_leaf(node);
    uint32_t start = ts_node_start_byte(leaf), end = ts_node_end_byte(leaf);
    char excerpt[64];
    token_excerpt(&doc->text, start, end, excerpt, sizeof excerpt);
    if (excerpt[0])
        amp_diag_add(out, start, end, AMP_SEV_ERROR, "syntax-error",
                     "Syntax error: unexpected `%s`. The code around it is analysed as if it "
                     "were not there.",
                     excerpt);
    else
        amp_diag_add(out, start, end, AMP_SEV_ERROR, "syntax-error",
                     "Syntax error: this code cannot be parsed as TypeScript.");
}

static void report_missing_node(TSNode node, amp_diag_list *out)
{
    uint32_t at = ts_node_start_byte(node);
    const char *type = ts_node_type(node);
    if (ts_node_is_named(node))
        amp_diag_add(out, at, at, AMP_SEV_ERROR, "syntax-missing", "Syntax error: missing %s here.",
                     type);
    else
        amp_diag_add(out, at, at, AMP_SEV_ERROR, "syntax-missing",
                     "Syntax error: missing `%s` here.", type);
}

void amp_syntax_diagnostics(const amp_doc *doc, amp_diag_list *out)
{
    if (doc->too_large) {
        amp_diag_add(out, 0, 0, AMP_SEV_INFO, "file-too-large",
                     "This file has %u bytes, more than the %u that amplify-ls analyses; it is "
                     "not checked.",
                     doc->text.len, doc->parse_limit);
        return;
    }
    if (doc->too_complex && doc->error_region) {
        amp_diag_add(out, doc->run_start, doc->run_end, AMP_SEV_INFO, "file-too-complex",
                     "This file is not checked: the syntax error that starts here runs on for "
                     "more than %u tokens, more than the TypeScript parser amplify-ls uses "
                     "handles safely. Fix the code here (or undo the paste) and the file is "
                     "checked again.",
                     AMP_DOC_WATCH_ERROR_TOKENS);
        return;
    }
    if (doc->too_complex) {
        amp_diag_add(out, doc->run_start, doc->run_end, AMP_SEV_INFO, "file-too-complex",
                     "This file is not checked: it nests or chains more than %u brackets, "
                     "operators or comments with no `,` or `;` between them (the limit is passed "
                     "here), more than the TypeScript parser amplify-ls uses handles safely.",
                     AMP_DOC_MAX_RUN);
        return;
    }
    if (!doc->tree || !ts_node_has_error(ts_tree_root_node(doc->tree)))
        return;
    size_t found = 0;
    TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(doc->tree));
    for (;;) {
        TSNode node = ts_tree_cursor_current_node(&cursor);
        int descend = ts_node_has_error(node);
        if (ts_node_symbol(node) == (TSSymbol)-1) { /* ERROR (no ts_node_is_error in 0.20) */
            if (found++ < AMP_MAX_SYNTAX_DIAGS)
                report_error_node(doc, node, out);
            descend = 0;
        } else if (ts_node_is_missing(node)) {
            if (found++ < AMP_MAX_SYNTAX_DIAGS)
                report_missing_node(node, out);
        }
        if (descend && ts_tree_cursor_goto_first_child(&cursor))
            continue;
        while (!ts_tree_cursor_goto_next_sibling(&cursor))
            if (!ts_tree_cursor_goto_parent(&cursor))
                goto done;
    }
done:
    ts_tree_cursor_delete(&cursor);
    if (found > AMP_MAX_SYNTAX_DIAGS)
        amp_diag_add(out, 0, 0, AMP_SEV_INFO, "syntax-error",
                     "%zu more syntax errors in this file are not listed.",
                     found - AMP_MAX_SYNTAX_DIAGS);
}

int amp_syntax_imports(const amp_doc *doc, amp_import_list *out)
{
    memset(out, 0, sizeof *out);
    if (!doc->tree)
        return 0;
    TSNode root = ts_tree_root_node(doc->tree);
    uint32_t n = ts_node_named_child_count(root);
    for (uint32_t i = 0; i < n; i++) {
        TSNode stmt = ts_node_named_child(root, i);
        const char *type = ts_node_type(stmt);
        if (strcmp(type, "import_statement") != 0 && strcmp(type, "export_statement") != 0)
            continue;
        TSNode source = ts_node_child_by_field_name(stmt, "source", 6);
        if (ts_node_is_null(source) || ts_node_named_child_count(source) == 0)
            continue;
        TSNode frag = ts_node_named_child(source, 0);
        uint32_t s = ts_node_start_byte(frag), e = ts_node_end_byte(frag);
        amp_import *grown = realloc(out->items, (out->count + 1) * sizeof *grown);
        if (!grown)
            return -1;
        out->items = grown;
        amp_import *imp = &out->items[out->count];
        memset(imp, 0, sizeof *imp);
        imp->specifier = strndup(doc->text.bytes + s, e - s);
        if (!imp->specifier)
            return -1;
        imp->start = s;
        imp->end = e;
        out->count++;
    }
    return 0;
}

void amp_import_list_clear(amp_import_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        free(list->items[i].specifier);
    free(list->items);
    memset(list, 0, sizeof *list);
}
