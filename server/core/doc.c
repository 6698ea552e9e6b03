/*
 * doc.c: documents with incremental reparsing (see amp_doc.h).
 */
#include "amp_doc.h"

#include <stdlib.h>
#include <string.h>

const TSLanguage *tree_sitter_typescript(void);

const TSLanguage *amp_typescript_language(void)
{
    return tree_sitter_typescript();
}

TSParser *amp_parser_new(void)
{
    TSParser *parser = ts_parser_new();
    if (parser && !ts_parser_set_language(parser, tree_sitter_typescript())) {
        ts_parser_delete(parser);
        return NULL;
    }
    return parser;
}

int amp_doc_init(amp_doc *doc, const char *bytes, uint32_t len, int64_t version,
                 uint32_t parse_limit)
{
    memset(doc, 0, sizeof *doc);
    doc->version = version;
    doc->parse_limit = parse_limit;
    doc->tree_stale = true;
    doc->too_large = len > parse_limit;
    return amp_text_init(&doc->text, bytes, len);
}

void amp_doc_free(amp_doc *doc)
{
    amp_text_free(&doc->text);
    ts_tree_delete(doc->tree);
    memset(doc, 0, sizeof *doc);
}

int amp_doc_set_text(amp_doc *doc, const char *bytes, uint32_t len)
{
    /* The same text (an editor opening a file the workspace scan has read)
     * keeps its tree: a full parse is the costliest step on a large file. */
    if (len == doc->text.len && (len == 0 || memcmp(doc->text.bytes, bytes, len) == 0))
        return 0;
    amp_text fresh;
    if (amp_text_init(&fresh, bytes, len) != 0) {
        amp_text_free(&fresh);
        return -1;
    }
    amp_text_free(&doc->text);
    doc->text = fresh;
    ts_tree_delete(doc->tree);
    doc->tree = NULL;
    doc->tree_stale = true;
    doc->too_large = len > doc->parse_limit;
    return 0;
}

int amp_doc_edit(amp_doc *doc, uint32_t start, uint32_t end, const char *ins, uint32_t ins_len)
{
    if (end > doc->text.len)
        end = doc->text.len;
    if (start > end)
        start = end;
    TSInputEdit edit;
    edit.start_byte = start;
    edit.old_end_byte = end;
    edit.new_end_byte = start + ins_len;
    edit.start_point = amp_text_point(&doc->text, start);
    edit.old_end_point = amp_text_point(&doc->text, end);
    if (amp_text_replace(&doc->text, start, end, ins, ins_len) != 0)
        return -1;
    edit.new_end_point = amp_text_point(&doc->text, start + ins_len);
    if (doc->tree)
        ts_tree_edit(doc->tree, &edit);
    doc->tree_stale = true;
    doc->too_large = doc->text.len > doc->parse_limit;
    return 0;
}

int amp_doc_reparse(amp_doc *doc, TSParser *parser)
{
    if (!doc->tree_stale)
        return 0;
    doc->tree_stale = false;
    if (doc->too_large) {
        ts_tree_delete(doc->tree);
        doc->tree = NULL;
        return 0;
    }
    TSTree *tree = ts_parser_parse_string(parser, doc->tree, doc->text.bytes, doc->text.len);
    ts_tree_delete(doc->tree);
    doc->tree = tree;
    return tree ? 0 : -1;
}

int amp_doc_check(const amp_doc *doc)
{
    if (amp_text_check(&doc->text) != 0)
        return -1;
    if (!doc->tree || doc->tree_stale)
        return 0;
    TSNode root = ts_tree_root_node(doc->tree);
    /* The root starts after leading blanks and never runs past the text;
     * its end point must be the one the text computes for its end byte,
     * which proves the points given to ts_tree_edit were consistent. */
    uint32_t end = ts_node_end_byte(root);
    if (end > doc->text.len)
        return -1;
    TSPoint want = amp_text_point(&doc->text, end), got = ts_node_end_point(root);
    return want.row == got.row && want.column == got.column ? 0 : -1;
}
