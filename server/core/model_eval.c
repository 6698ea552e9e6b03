/*
 * model_eval.c: the evaluator that turns TypeScript expressions into values
 * (see amp_model.h for what values are).
 *
 * Each file gets a symbol table of its top-level bindings (declarations and
 * imports) and its exports. An identifier resolves through the scope of
 * function parameters first, then the file's bindings, following imports,
 * re-exports (`export { x as y } from`, `export * from`) and namespace
 * imports across the backend's files. Values of declarations and calls are
 * memoised per syntax node, so a const used in several places is one value
 * and a cycle of imports ends in UNKNOWN instead of looping.
 *
 * Builder chains are evaluated iteratively along their spine (the object of
 * each method call), so a chain of ten thousand calls uses no C stack; other
 * nesting is bounded by AMP_EVAL_MAX_DEPTH and the total work by
 * AMP_EVAL_MAX_STEPS.
 */
#include "model_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- small helpers ------------------------------------------------------- */

static bool is_type(TSNode n, const char *type)
{
    if (ts_node_is_null(n))
        return false;
    const char *t = ts_node_type(n);
    return t[0] == type[0] && strcmp(t, type) == 0;
}

/* The child in grammar field `name` (one of AMP_EVAL_FIELDS); needs `b`. */
#define field(n, name) ts_node_child_by_field_id((n), b->fid[AMP_F_##name])

static const char *text_of(amp_builder *b, uint32_t file, TSNode n)
{
    const amp_text *t = &b->files[file].doc->text;
    uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
    if (e > t->len)
        e = t->len;
    if (s > e)
        s = e;
    return amp_arena_strndup(b->a, t->bytes + s, e - s);
}

static amp_loc loc_of(uint32_t file, TSNode n)
{
    amp_loc l = {file, 0, 0};
    if (!ts_node_is_null(n)) {
        l.start = ts_node_start_byte(n);
        l.end = ts_node_end_byte(n);
    }
    return l;
}

void *amp_push(amp_arena *a, void **array, size_t *count, size_t size)
{
    size_t n = *count;
    if (n == 0 || (n >= 4 && (n & (n - 1)) == 0)) {
        void *grown = amp_arena_grow(a, *array, n, n ? n * 2 : 4, size);
        if (!grown)
            return NULL;
        *array = grown;
    }
    (*count)++;
    char *slot = (char *)*array + n * size;
    memset(slot, 0, size);
    return slot;
}

static amp_value *new_value(amp_builder *b, amp_val_kind kind, uint32_t file, TSNode n)
{
    amp_value *v = amp_arena_alloc(b->a, sizeof *v);
    if (!v)
        return NULL;
    v->kind = kind;
    v->loc = loc_of(file, n);
    v->binding = -1;
    return v;
}

const amp_value *amp_eval_unknown(amp_builder *b, uint32_t file, TSNode node)
{
    static const amp_value oom = {.kind = AMP_VAL_UNKNOWN, .binding = -1};
    amp_value *v = new_value(b, AMP_VAL_UNKNOWN, file, node);
    return v ? v : &oom;
}

/* A slot hash of a pointer, for the tables keyed by address (clone map,
 * held entries, pair notes): the alignment bits dropped, the rest mixed
 * up into the bits a mask keeps. */
static size_t ptr_hash(const void *p)
{
    uint64_t h = (uint64_t)((uintptr_t)p >> 3) * 0x9E3779B97F4A7C15ull;
    return (size_t)(h ^ (h >> 29));
}

/* Makes room for one more element in a log (or any array the builder
 * grows) of count elements of size bytes (cap of them allocated); false
 * when out of memory. */
static bool log_room(void **log, size_t count, size_t *cap, size_t size)
{
    if (count < *cap)
        return true;
    size_t grown_cap = *cap ? *cap * 2 : 64;
    void *grown = realloc(*log, grown_cap * size);
    if (!grown)
        return false;
    *log = grown;
    *cap = grown_cap;
    return true;
}

/* Appends to the logs an entry being evaluated keeps (eval_entry); false
 * when out of memory. */
static bool log_dep(amp_builder *b, const char *name, const amp_value *v, uint32_t file)
{
    if (!log_room((void **)&b->dep_log, b->dep_count, &b->dep_cap, sizeof *b->dep_log))
        return false;
    b->dep_log[b->dep_count++] = (amp_entry_dep){name, v, file};
    return true;
}

static bool log_site(amp_builder *b, amp_site_kind kind, amp_loc loc, const amp_value *v,
                     bool defines)
{
    if (!log_room((void **)&b->site_log, b->site_count, &b->site_cap, sizeof *b->site_log))
        return false;
    /* Absolute for now; eval_entry makes them relative to the entry. */
    b->site_log[b->site_count++] = (amp_entry_site){kind, loc.start, loc.end, loc.file, v, defines};
    return true;
}

/* Records a name site in the model (see amp_name_site). */
static void push_site(amp_builder *b, amp_site_kind kind, amp_loc loc, const amp_value *v,
                      bool defines)
{
    amp_name_site *site = amp_push(b->a, (void **)&b->m->sites, &b->m->site_count, sizeof *site);
    if (site)
        *site = (amp_name_site){kind, loc, v, defines};
}

/* Records that the name at node n stands for v (CALL values only; see
 * amp_name_site). */
static void add_site(amp_builder *b, amp_site_kind kind, uint32_t file, TSNode n,
                     const amp_value *v, bool defines)
{
    if (!v || v->kind != AMP_VAL_CALL || ts_node_is_null(n))
        return;
    b->impure++; /* a cloned entry would not record it */
    push_site(b, kind, loc_of(file, n), v, defines);
}

/* Strips parentheses and type-only wrappers: (x), x as T, x satisfies T, x!, <T>x. */
static amp_node_class node_class(const amp_builder *b, TSNode n)
{
    TSSymbol sym = ts_node_symbol(n);
    return sym < b->symbol_count ? (amp_node_class)b->node_class[sym] : AMP_NC_OTHER;
}

int amp_eval_init(amp_builder *b)
{
    static const struct {
        const char *type;
        amp_node_class cls;
    } classes[] = {
        {"parenthesized_expression", AMP_NC_WRAPPER},
        {"as_expression", AMP_NC_WRAPPER},
        {"satisfies_expression", AMP_NC_WRAPPER},
        {"non_null_expression", AMP_NC_WRAPPER},
        {"type_assertion", AMP_NC_TYPE_ASSERTION},
        {"string", AMP_NC_STRING},
        {"template_string", AMP_NC_TEMPLATE_STRING},
        {"number", AMP_NC_NUMBER},
        {"true", AMP_NC_TRUE},
        {"false", AMP_NC_FALSE},
        {"null", AMP_NC_NULL},
        {"undefined", AMP_NC_UNDEFINED},
        {"object", AMP_NC_OBJECT},
        {"array", AMP_NC_ARRAY},
        {"identifier", AMP_NC_IDENTIFIER},
        {"member_expression", AMP_NC_MEMBER},
        {"call_expression", AMP_NC_CALL},
        {"arrow_function", AMP_NC_FUNCTION},
        {"function_expression", AMP_NC_FUNCTION},
        {"function", AMP_NC_FUNCTION},
        {"binary_expression", AMP_NC_BINARY},
        {"template_literal", AMP_NC_TEMPLATE_LITERAL},
        {"pair", AMP_NC_PAIR},
    };
    const TSLanguage *lang = amp_typescript_language();
#define AMP_FIELD_ID(n) b->fid[AMP_F_##n] = ts_language_field_id_for_name(lang, #n, sizeof #n - 1);
    AMP_EVAL_FIELDS(AMP_FIELD_ID)
#undef AMP_FIELD_ID
    b->symbol_count = ts_language_symbol_count(lang);
    b->node_class = calloc(b->symbol_count ? b->symbol_count : 1, 1);
    if (!b->node_class)
        return -1;
    /* By name, over every symbol (aliases included): exactly what comparing
     * ts_node_type() with these names would decide. */
    for (uint32_t sym = 0; sym < b->symbol_count; sym++) {
        const char *name = ts_language_symbol_name(lang, (TSSymbol)sym);
        for (size_t i = 0; name && i < sizeof classes / sizeof classes[0]; i++)
            if (strcmp(name, classes[i].type) == 0)
                b->node_class[sym] = (uint8_t)classes[i].cls;
    }
    return 0;
}

/* The first and the last child of a node whose grammar rule puts a field
 * there: call_expression (function ... arguments), member_expression
 * (object ... property), pair (key : value). Extras never come first or
 * last inside a node, so these are exact, and much cheaper than a lookup
 * by field, which searches the field map child by child. */
static TSNode first_child(TSNode n)
{
    return ts_node_child(n, 0);
}

static TSNode last_child(TSNode n)
{
    uint32_t count = ts_node_child_count(n);
    TSNode none = {0};
    return count ? ts_node_child(n, count - 1) : none;
}

/* The named children of n, in order, in an owned array (free with free);
 * NULL when n has none or out of memory. One pass over the children:
 * ts_node_named_child(n, i) starts from the first child each time, which
 * is quadratic over a schema of a thousand entries. */
static TSNode *named_children(TSNode n, uint32_t *count)
{
    *count = ts_node_named_child_count(n);
    if (*count == 0)
        return NULL;
    TSNode *out = malloc(*count * sizeof *out);
    if (!out) {
        *count = 0;
        return NULL;
    }
    uint32_t k = 0;
    TSTreeCursor c = ts_tree_cursor_new(n);
    if (ts_tree_cursor_goto_first_child(&c)) {
        do {
            TSNode child = ts_tree_cursor_current_node(&c);
            if (ts_node_is_named(child) && k < *count)
                out[k++] = child;
        } while (ts_tree_cursor_goto_next_sibling(&c));
    }
    ts_tree_cursor_delete(&c);
    *count = k;
    return out;
}

/* The expression inside parentheses, type assertions and the like. */
static TSNode strip(const amp_builder *b, TSNode n)
{
    for (int i = 0; i < 64 && !ts_node_is_null(n); i++) {
        amp_node_class c = node_class(b, n);
        if (c != AMP_NC_WRAPPER && c != AMP_NC_TYPE_ASSERTION)
            break;
        TSNode inner = ts_node_named_child(n, c == AMP_NC_TYPE_ASSERTION ? 1 : 0);
        if (ts_node_is_null(inner))
            return n;
        n = inner;
    }
    return n;
}

/* ---- file indexes ------------------------------------------------------- */

/* Joins a relative specifier to the importing file's folder, textually. */
static char *join_module_path(const char *from, const char *spec)
{
    const char *slash = strrchr(from, '/');
    size_t dir = slash ? (size_t)(slash - from) : 0;
    size_t n = dir + 1 + strlen(spec) + 1;
    char *joined = malloc(n);
    if (!joined)
        return NULL;
    snprintf(joined, n, "%.*s/%s", (int)dir, from, spec);
    /* Collapse "/./" and "/x/.." in place. */
    char *out = joined, *p = joined;
    while (*p) {
        if (p[0] == '/' && p[1] == '.' && (p[2] == '/' || p[2] == '\0')) {
            p += 2;
        } else if (p[0] == '/' && p[1] == '.' && p[2] == '.' && (p[3] == '/' || p[3] == '\0')) {
            while (out > joined && *--out != '/')
                ;
            p += 3;
        } else {
            *out++ = *p++;
        }
    }
    *out = '\0';
    return joined;
}

/* The file a relative specifier names among the backend's files, or -1. */
static int resolve_module(amp_builder *b, uint32_t from, const char *spec)
{
    if (spec[0] != '.')
        return -1;
    char *base = join_module_path(b->files[from].path, spec);
    if (!base)
        return -1;
    static const char *suffixes[] = {"", ".ts", ".tsx", ".mts", "/index.ts", "/index.tsx"};
    size_t n = strlen(base);
    bool js = n > 3 && strcmp(base + n - 3, ".js") == 0;
    char *cand = malloc(n + 16);
    /* The first file (by index) that is base with one of the suffixes (no
     * suffix only for a .ts base), or for base x.js the file x.ts. */
    size_t found = SIZE_MAX;
    for (size_t i = 0; cand && i < sizeof suffixes / sizeof suffixes[0] + js; i++) {
        if (i == 0 && !(n > 3 && strcmp(base + n - 3, ".ts") == 0))
            continue;
        if (i < sizeof suffixes / sizeof suffixes[0])
            snprintf(cand, n + 16, "%s%s", base, suffixes[i]);
        else
            snprintf(cand, n + 16, "%.*s.ts", (int)(n - 3), base);
        uintptr_t at = (uintptr_t)amp_strmap_get(&b->paths, cand);
        if (at && at - 1 < found)
            found = at - 1;
    }
    free(cand);
    free(base);
    return found == SIZE_MAX ? -1 : (int)found;
}

static bool is_amplify_package(const char *spec)
{
    return strncmp(spec, "@aws-amplify/backend", 20) == 0 ||
           strncmp(spec, "@aws-amplify/data-schema", 24) == 0;
}

/* The text of a string literal node's content (arena), or NULL. */
static const char *string_content(amp_builder *b, uint32_t file, TSNode n)
{
    if (!is_type(n, "string"))
        return NULL;
    uint32_t s = ts_node_start_byte(n) + 1, e = ts_node_end_byte(n);
    e = e > s ? e - 1 : s;
    const amp_text *t = &b->files[file].doc->text;
    return amp_arena_strndup(b->a, t->bytes + s, e - s);
}

static amp_binding *new_binding(amp_builder *b, amp_bind_kind kind)
{
    amp_binding *bind = amp_arena_alloc(b->a, sizeof *bind);
    if (bind) {
        bind->kind = kind;
        bind->module = -1;
    }
    return bind;
}

/* Records a relative specifier that names no file of the backend (the
 * rules ask the caller whether it exists on disk). */
static void note_missing_import(amp_builder *b, uint32_t f, TSNode source, const char *spec,
                                int module)
{
    if (module >= 0 || spec[0] != '.')
        return;
    amp_file_index *ix = b->files[f].ix;
    amp_str *slot = amp_push(b->a, (void **)&ix->missing, &ix->missing_count, sizeof *slot);
    if (slot) {
        slot->s = spec;
        slot->loc = loc_of(f, source);
    }
}

/* Records the bindings of an import statement. */
static void index_import(amp_builder *b, uint32_t f, TSNode stmt)
{
    const char *spec = string_content(b, f, field(stmt, source));
    if (!spec)
        return;
    int module = resolve_module(b, f, spec);
    note_missing_import(b, f, field(stmt, source), spec, module);
    bool builtin = is_amplify_package(spec);
    TSNode clause = ts_node_named_child(stmt, 0);
    if (!is_type(clause, "import_clause"))
        return; /* import 'x' or import type: nothing bound */
    uint32_t n = ts_node_named_child_count(clause);
    for (uint32_t i = 0; i < n; i++) {
        TSNode c = ts_node_named_child(clause, i);
        if (is_type(c, "identifier")) { /* default import */
            amp_binding *bind = new_binding(b, AMP_BIND_IMPORT);
            if (!bind)
                return;
            bind->module = module;
            bind->builtin = builtin;
            bind->name = "default";
            bind->name_node = c; /* for the name sites (amp_eval_record_specifiers) */
            amp_strmap_put(&b->files[f].ix->locals, text_of(b, f, c), bind, NULL);
        } else if (is_type(c, "namespace_import")) {
            amp_binding *bind = new_binding(b, AMP_BIND_NAMESPACE);
            TSNode id = ts_node_named_child(c, 0);
            if (!bind || ts_node_is_null(id))
                return;
            bind->module = module;
            bind->builtin = builtin;
            amp_strmap_put(&b->files[f].ix->locals, text_of(b, f, id), bind, NULL);
        } else if (is_type(c, "named_imports")) {
            uint32_t k = ts_node_named_child_count(c);
            for (uint32_t j = 0; j < k; j++) {
                TSNode spec_node = ts_node_named_child(c, j);
                TSNode name = field(spec_node, name), alias = field(spec_node, alias);
                if (ts_node_is_null(name))
                    continue;
                amp_binding *bind = new_binding(b, AMP_BIND_IMPORT);
                if (!bind)
                    return;
                bind->module = module;
                bind->builtin = builtin;
                bind->name = text_of(b, f, name);
                bind->name_node = spec_node; /* for the name sites */
                const char *local = text_of(b, f, ts_node_is_null(alias) ? name : alias);
                amp_strmap_put(&b->files[f].ix->locals, local, bind, NULL);
            }
        }
    }
}

/* Records `const a = x, b = y` (exported when exported is true). */
static void index_declaration(amp_builder *b, uint32_t f, TSNode decl, bool exported)
{
    if (!is_type(decl, "lexical_declaration") && !is_type(decl, "variable_declaration"))
        return;
    uint32_t n = ts_node_named_child_count(decl);
    for (uint32_t i = 0; i < n; i++) {
        TSNode d = ts_node_named_child(decl, i);
        TSNode name = field(d, name), value = field(d, value);
        if (!is_type(d, "variable_declarator") || !is_type(name, "identifier") ||
            ts_node_is_null(value))
            continue;
        amp_binding *bind = new_binding(b, AMP_BIND_NODE);
        if (!bind)
            return;
        bind->node = value;
        bind->name_node = name;
        const char *id = text_of(b, f, name);
        amp_strmap_put(&b->files[f].ix->locals, id, bind, NULL);
        if (exported)
            amp_strmap_put(&b->files[f].ix->exports, id, bind, NULL);
    }
}

/* Records an export statement's bindings. */
static void index_export(amp_builder *b, uint32_t f, TSNode stmt)
{
    TSNode decl = field(stmt, declaration);
    if (!ts_node_is_null(decl)) {
        index_declaration(b, f, decl, true);
        return;
    }
    TSNode value = field(stmt, value);
    if (!ts_node_is_null(value)) { /* export default <expr> */
        amp_binding *bind = new_binding(b, AMP_BIND_NODE);
        if (bind) {
            bind->node = value;
            bind->name_node = value;
            amp_strmap_put(&b->files[f].ix->exports, "default", bind, NULL);
        }
        return;
    }
    const char *spec = string_content(b, f, field(stmt, source));
    int module = spec ? resolve_module(b, f, spec) : -1;
    if (spec)
        note_missing_import(b, f, field(stmt, source), spec, module);
    bool builtin = spec && is_amplify_package(spec);
    TSNode clause = ts_node_named_child(stmt, 0);
    if (is_type(clause, "export_clause")) {
        uint32_t n = ts_node_named_child_count(clause);
        for (uint32_t i = 0; i < n; i++) {
            TSNode s = ts_node_named_child(clause, i);
            TSNode name = field(s, name), alias = field(s, alias);
            if (ts_node_is_null(name))
                continue;
            amp_binding *bind = new_binding(b, spec ? AMP_BIND_IMPORT : AMP_BIND_LOCAL);
            if (!bind)
                return;
            bind->module = module;
            bind->builtin = builtin;
            bind->name = text_of(b, f, name);
            bind->name_node = s; /* for the name sites */
            amp_strmap_put(&b->files[f].ix->exports,
                           text_of(b, f, ts_node_is_null(alias) ? name : alias), bind, NULL);
        }
    } else if (is_type(clause, "namespace_export")) {
        TSNode id = ts_node_named_child(clause, 0);
        amp_binding *bind = new_binding(b, AMP_BIND_NAMESPACE);
        if (bind && !ts_node_is_null(id)) {
            bind->module = module;
            bind->builtin = builtin;
            amp_strmap_put(&b->files[f].ix->exports, text_of(b, f, id), bind, NULL);
        }
    } else if (spec && module >= 0) { /* export * from './x' */
        amp_file_index *ix = b->files[f].ix;
        int *slot = amp_push(b->a, (void **)&ix->star, &ix->star_count, sizeof *slot);
        if (slot)
            *slot = module;
    }
}

/* A hash of the names file f imports from Amplify packages (local name,
 * kind, imported name), independent of their order: what a pure entry's
 * value may depend on besides its text. */
static uint64_t import_sig(const amp_builder *b, uint32_t f)
{
    uint64_t sig = 0;
    size_t pos = 0;
    const char *key;
    void *value;
    while (amp_strmap_next(&b->files[f].ix->locals, &pos, &key, &value)) {
        const amp_binding *bind = value;
        if (!bind->builtin)
            continue;
        uint64_t h = 1469598103934665603ull ^ (uint64_t)bind->kind;
        for (const char *parts[] = {key, "\1", bind->name ? bind->name : ""}, **p = parts;
             p < parts + 3; p++)
            for (const unsigned char *c = (const unsigned char *)*p; *c; c++)
                h = (h ^ *c) * 1099511628211ull;
        sig += h;
    }
    return sig;
}

void amp_file_index_free(amp_file_index *ix)
{
    if (!ix)
        return;
    amp_strmap_free(&ix->locals);
    amp_strmap_free(&ix->exports);
    amp_arena_free(&ix->arena);
    free(ix);
}

/* A hash of the build's file paths, in order: what resolve_module reads. */
static uint64_t paths_hash(const amp_builder *b)
{
    uint64_t h = b->file_count;
    for (uint32_t f = 0; f < b->file_count; f++)
        h = amp_hash_bytes(h, b->files[f].path, strlen(b->files[f].path) + 1);
    return h;
}

/* Whether prev's index of file f holds for this build: read from the same
 * text (its nodes are of prev's copy of the tree, which goes with it), with
 * the same files to resolve imports among. */
static bool index_holds(const amp_builder *b, const amp_model *prev, uint32_t f, uint64_t paths)
{
    if (!prev || !prev->file_index || !prev->trees || !prev->file_hash ||
        prev->file_count != b->file_count || !b->m->trees)
        return false;
    const amp_file_index *ix = prev->file_index[f];
    return ix && ix->kept && ix->paths == paths && prev->trees[f] && b->m->file_hash[f] &&
           prev->file_hash[f] == b->m->file_hash[f];
}

/* Reads file f's imports, exports and declarations into a new index (its
 * nodes of tree), or the builder's empty one when out of memory. */
static amp_file_index *read_index(amp_builder *b, uint32_t f, const TSTree *tree, bool kept,
                                  uint64_t paths)
{
    amp_file_index *ix = calloc(1, sizeof *ix);
    if (!ix)
        return &b->no_index;
    ix->arena.chunk = 1024; /* a few bindings per file, for hundreds of files */
    ix->paths = paths;
    ix->kept = kept;
    b->files[f].ix = ix;
    amp_arena *home = b->a;
    b->a = &ix->arena;
    TSNode root = ts_tree_root_node(tree);
    uint32_t n;
    TSNode *stmts = named_children(root, &n);
    for (uint32_t i = 0; i < n; i++) {
        TSNode stmt = stmts[i];
        if (is_type(stmt, "import_statement"))
            index_import(b, f, stmt);
        else if (is_type(stmt, "export_statement"))
            index_export(b, f, stmt);
        else
            index_declaration(b, f, stmt, false);
    }
    free(stmts);
    b->a = home;
    ix->sig = import_sig(b, f);
    return ix;
}

void amp_eval_index_files(amp_builder *b, amp_model *prev)
{
    amp_model *m = b->m;
    for (uint32_t f = 0; f < b->file_count; f++) /* the first of a path wins */
        if (!amp_strmap_get(&b->paths, b->files[f].path))
            amp_strmap_put(&b->paths, b->files[f].path, (void *)(uintptr_t)(f + 1), NULL);
    b->import_sig = calloc(b->file_count ? b->file_count : 1, sizeof *b->import_sig);
    m->file_index = calloc(b->file_count ? b->file_count : 1, sizeof *m->file_index);
    uint64_t paths = paths_hash(b);
    for (uint32_t f = 0; f < b->file_count; f++) {
        const amp_doc *doc = b->files[f].doc;
        b->files[f].ix = &b->no_index;
        if (!doc || !doc->tree)
            continue;
        amp_file_index *ix;
        if (m->file_index && index_holds(b, prev, f, paths)) {
            /* Taken over with the tree its nodes are of: the build reads
             * the file from that tree (a copy of the same text's). */
            ix = prev->file_index[f];
            prev->file_index[f] = NULL;
            ts_tree_delete(m->trees[f]);
            m->trees[f] = prev->trees[f];
            prev->trees[f] = NULL;
            b->files[f].ix = ix;
        } else {
            bool kept = m->file_index && m->trees && m->trees[f];
            ix = read_index(b, f, kept ? m->trees[f] : doc->tree, kept, paths);
        }
        if (ix != &b->no_index && m->file_index)
            m->file_index[f] = ix;
        b->files[f].tree = m->trees && m->trees[f] ? m->trees[f] : doc->tree;
        if (b->import_sig)
            b->import_sig[f] = ix->sig;
        for (size_t i = 0; i < ix->missing_count; i++) {
            amp_str *slot = amp_push(b->a, (void **)&m->missing_imports, &m->missing_import_count,
                                     sizeof *slot);
            if (slot) /* the text in the model's arena: the index may go first */
                *slot =
                    (amp_str){amp_arena_strndup(b->a, ix->missing[i].s, strlen(ix->missing[i].s)),
                              ix->missing[i].loc};
        }
    }
}

void amp_eval_free_files(amp_builder *b)
{
    for (size_t f = 0; f < b->file_count; f++) /* an index the model could not keep */
        if (b->files[f].ix != &b->no_index && (!b->m->file_index || !b->m->file_index[f]))
            amp_file_index_free(b->files[f].ix);
    free(b->node_class);
    b->node_class = NULL;
    free(b->import_sig);
    b->import_sig = NULL;
    amp_strmap_free(&b->paths);
    amp_clone_map_free(&b->clones);
    free(b->fix);
    for (size_t i = 0; i < b->buried_count; i++)
        amp_entry_free(b->buried[i]);
    free(b->buried);
    b->buried = NULL;
    b->buried_count = b->buried_cap = 0;
    free(b->held);
    b->held = NULL;
    b->held_cap = b->held_count = 0;
    free(b->dep_log);
    free(b->site_log);
    b->dep_log = NULL;
    b->site_log = NULL;
    b->dep_count = b->dep_cap = b->site_count = b->site_cap = 0;
    b->symbol_count = 0;
}

/* ---- resolution ---------------------------------------------------------- */

static const amp_value *eval_binding(amp_builder *b, uint32_t f, const amp_binding *bind,
                                     const char *name, int hops);

static amp_value *builtin_value(amp_builder *b, uint32_t file, TSNode at, const char *path)
{
    amp_value *v = new_value(b, AMP_VAL_BUILTIN, file, at);
    if (v)
        v->str = path;
    return v;
}

/* The value of export `name` of file f (following re-exports), or NULL. */
static const amp_value *eval_export(amp_builder *b, uint32_t f, const char *name, int hops)
{
    if (hops > 32)
        return NULL;
    amp_binding *bind = amp_strmap_get(&b->files[f].ix->exports, name);
    if (bind)
        return eval_binding(b, f, bind, name, hops + 1);
    for (size_t i = 0; i < b->files[f].ix->star_count; i++) {
        const amp_value *v = eval_export(b, (uint32_t)b->files[f].ix->star[i], name, hops + 1);
        if (v)
            return v;
    }
    return NULL;
}

/* Collects the exported names of file f (and of its `export *` sources). */
static void collect_exports(amp_builder *b, uint32_t f, amp_strmap *names, int hops)
{
    if (hops > 32)
        return;
    size_t pos = 0;
    const char *key;
    void *value;
    while (amp_strmap_next(&b->files[f].ix->exports, &pos, &key, &value))
        if (strcmp(key, "default") != 0 && !amp_strmap_get(names, key))
            amp_strmap_put(names, key, (void *)(uintptr_t)(f + 1), NULL);
    for (size_t i = 0; i < b->files[f].ix->star_count; i++)
        collect_exports(b, (uint32_t)b->files[f].ix->star[i], names, hops + 1);
}

/* A namespace import as an OBJECT of the module's exports, in the order of
 * their positions in their files. */
static const amp_value *namespace_value(amp_builder *b, uint32_t f, TSNode at, int module, int hops)
{
    amp_value *obj = new_value(b, AMP_VAL_OBJECT, f, at);
    if (!obj || module < 0) {
        if (obj)
            obj->open = true;
        return obj;
    }
    amp_strmap names = {0};
    collect_exports(b, (uint32_t)module, &names, 0);
    size_t pos = 0;
    const char *key;
    void *value;
    while (amp_strmap_next(&names, &pos, &key, &value)) {
        const amp_value *v = eval_export(b, (uint32_t)module, key, hops + 1);
        if (!v) /* an export that does not resolve (a cycle, too many hops) */
            continue;
        amp_prop *p = amp_push(b->a, (void **)&obj->props, &obj->prop_count, sizeof *p);
        if (!p)
            continue;
        p->key = amp_arena_strndup(b->a, key, strlen(key));
        p->key_loc = v->loc;
        p->value = v;
    }
    amp_strmap_free(&names);
    /* Keep a stable, source-like order: by file, then by position. */
    for (size_t i = 1; i < obj->prop_count; i++)
        for (size_t j = i; j > 0; j--) {
            amp_prop *x = &obj->props[j - 1], *y = &obj->props[j];
            if (x->value->loc.file < y->value->loc.file ||
                (x->value->loc.file == y->value->loc.file &&
                 x->value->loc.start <= y->value->loc.start))
                break;
            amp_prop t = *x;
            *x = *y;
            *y = t;
        }
    return obj;
}

/* Memo key of a node: file and byte range and symbol. */
static void node_key(char *out, size_t cap, uint32_t file, TSNode n)
{
    snprintf(out, cap, "%u:%u:%u:%u", file, ts_node_start_byte(n), ts_node_end_byte(n),
             (unsigned)ts_node_symbol(n));
}

/* Evaluates a declaration's initializer once; later uses get the same value. */
static const amp_value *eval_node_memo(amp_builder *b, uint32_t f, TSNode node, TSNode name_node)
{
    char key[64];
    node_key(key, sizeof key, f, node);
    const amp_value *v = amp_strmap_get(&b->memo, key);
    if (v)
        return v;
    /* A cycle (a = b, b = a) meets this placeholder and stops. */
    amp_strmap_put(&b->memo, key, (void *)amp_eval_unknown(b, f, node), NULL);
    v = amp_eval(b, f, node, NULL);
    amp_strmap_put(&b->memo, key, (void *)v, NULL);
    if (v && !ts_node_eq(node, name_node) && is_type(name_node, "identifier")) {
        bool defines = v->kind == AMP_VAL_CALL && v->callee_loc.file == f &&
                       v->callee_loc.start >= ts_node_start_byte(node) &&
                       v->callee_loc.start < ts_node_end_byte(node);
        add_site(b, AMP_SITE_DECL, f, name_node, v, defines);
    }
    if (v && v->binding < 0 && !ts_node_eq(node, name_node) && is_type(name_node, "identifier")) {
        const char **slot =
            amp_push(b->a, (void **)&b->m->binding_names, &b->m->binding_count, sizeof *slot);
        if (slot) {
            *slot = text_of(b, f, name_node);
            ((amp_value *)v)->binding = (int)b->m->binding_count - 1;
        }
        if (slot && v->loc.file != f) { /* this file names another file's value */
            amp_file_pair *pair =
                amp_push(b->a, (void **)&b->m->namings, &b->m->naming_count, sizeof *pair);
            if (pair)
                *pair = (amp_file_pair){f, v->loc.file};
        }
    }
    return v;
}

static const amp_value *eval_binding(amp_builder *b, uint32_t f, const amp_binding *bind,
                                     const char *name, int hops)
{
    TSNode none = {0};
    switch (bind->kind) {
    case AMP_BIND_NODE:
        return eval_node_memo(b, f, bind->node, bind->name_node);
    case AMP_BIND_LOCAL: {
        amp_binding *local = amp_strmap_get(&b->files[f].ix->locals, bind->name);
        return local && hops < 32 ? eval_binding(b, f, local, bind->name, hops + 1) : NULL;
    }
    case AMP_BIND_IMPORT:
        if (bind->builtin) { /* the name copied: the file's index may go before the value */
            const char *path = amp_arena_strndup(b->a, bind->name, strlen(bind->name));
            return path ? builtin_value(b, f, none, path) : NULL;
        }
        if (bind->module < 0)
            return NULL;
        return eval_export(b, (uint32_t)bind->module, bind->name, hops + 1);
    case AMP_BIND_NAMESPACE:
        if (bind->builtin)
            return builtin_value(b, f, none, "*");
        return namespace_value(b, f, none, bind->module, hops);
    }
    (void)name;
    return NULL;
}

/* Resolves an identifier: parameters first, then the file's bindings. */
static const amp_value *eval_identifier(amp_builder *b, uint32_t f, TSNode n,
                                        const amp_scope *scope)
{
    const amp_text *t = &b->files[f].doc->text;
    uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
    for (const amp_scope *sc = scope; sc; sc = sc->up)
        if (strlen(sc->name) == e - s && memcmp(sc->name, t->bytes + s, e - s) == 0) {
            /* A parameter role carries the location of this use. */
            if (sc->value && sc->value->kind == AMP_VAL_BUILTIN) {
                amp_value *use = builtin_value(b, f, n, sc->value->str);
                return use ? use : sc->value;
            }
            return sc->value;
        }
    const char *name = text_of(b, f, n);
    amp_binding *bind = name ? amp_strmap_get(&b->files[f].ix->locals, name) : NULL;
    /* Builtin imports (part of an entry's key) keep a value pure; while an
     * entry is evaluated, so does an import of another file's export, which
     * the entry keeps as a dependency. */
    bool dep = bind && !bind->builtin && bind->kind == AMP_BIND_IMPORT && bind->module >= 0 &&
               b->recording > 0;
    if (!dep && (!bind || !bind->builtin ||
                 (bind->kind != AMP_BIND_IMPORT && bind->kind != AMP_BIND_NAMESPACE)))
        b->impure++;
    if (!bind) {
        if (name && strcmp(name, "undefined") == 0)
            return new_value(b, AMP_VAL_UNDEFINED, f, n);
        return amp_eval_unknown(b, f, n);
    }
    const amp_value *v = eval_binding(b, f, bind, name, 0);
    if (!v) {
        b->impure += dep;
        return amp_eval_unknown(b, f, n);
    }
    if (dep) {
        if (!log_dep(b, name, v, f) ||
            (v->kind == AMP_VAL_CALL && !log_site(b, AMP_SITE_USE, loc_of(f, n), v, false)))
            b->impure++;
        if (v->kind == AMP_VAL_CALL)
            push_site(b, AMP_SITE_USE, loc_of(f, n), v, false);
    } else {
        add_site(b, AMP_SITE_USE, f, n, v, false);
    }
    if (v->kind == AMP_VAL_BUILTIN && v->loc.start == 0 && v->loc.end == 0) {
        /* Builtins carry the location of their use. */
        amp_value *copy = builtin_value(b, f, n, v->str);
        return copy ? copy : v;
    }
    return v;
}

/* ---- expressions --------------------------------------------------------- */

/* Decodes a string literal's escapes (the common ones; others kept). */
static amp_value *eval_string(amp_builder *b, uint32_t f, TSNode n)
{
    amp_value *v = new_value(b, AMP_VAL_STRING, f, n);
    const char *raw = string_content(b, f, n);
    if (!v || !raw)
        return v;
    size_t len = strlen(raw);
    char *out = amp_arena_alloc(b->a, len + 1);
    if (!out)
        return v;
    size_t j = 0;
    for (size_t i = 0; i < len; i++) {
        if (raw[i] == '\\' && i + 1 < len) {
            char c = raw[++i];
            out[j++] = c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c;
        } else {
            out[j++] = raw[i];
        }
    }
    out[j] = '\0';
    v->str = out;
    return v;
}

static amp_value *eval_template(amp_builder *b, uint32_t f, TSNode n)
{
    bool plain = true;
    for (uint32_t i = 0; i < ts_node_named_child_count(n); i++)
        if (is_type(ts_node_named_child(n, i), "template_substitution"))
            plain = false;
    amp_value *v = new_value(b, plain ? AMP_VAL_STRING : AMP_VAL_TEMPLATE, f, n);
    if (v && plain) {
        const amp_text *t = &b->files[f].doc->text;
        uint32_t s = ts_node_start_byte(n) + 1, e = ts_node_end_byte(n);
        e = e > s ? e - 1 : s;
        v->str = amp_arena_strndup(b->a, t->bytes + s, e - s);
    }
    return v;
}

static amp_value *eval_number(amp_builder *b, uint32_t f, TSNode n)
{
    amp_value *v = new_value(b, AMP_VAL_NUMBER, f, n);
    const char *s = text_of(b, f, n);
    if (v && s) {
        char clean[64];
        size_t j = 0;
        for (size_t i = 0; s[i] && j + 1 < sizeof clean; i++)
            if (s[i] != '_')
                clean[j++] = s[i];
        clean[j] = '\0';
        v->num = strtod(clean, NULL);
    }
    return v;
}

static void add_prop(amp_builder *b, amp_value *obj, const char *key, amp_loc key_loc,
                     const amp_value *value)
{
    amp_prop *p = amp_push(b->a, (void **)&obj->props, &obj->prop_count, sizeof *p);
    if (p) {
        p->key = key;
        p->key_loc = key_loc;
        p->value = value;
    }
}

/* The key text of a pair's key node, or NULL for computed keys. */
static const char *key_text(amp_builder *b, uint32_t f, TSNode key)
{
    if (is_type(key, "string")) {
        const amp_value *s = eval_string(b, f, key);
        return s ? s->str : NULL;
    }
    if (is_type(key, "property_identifier") || is_type(key, "number") ||
        is_type(key, "private_property_identifier"))
        return text_of(b, f, key);
    return NULL;
}

/* The capacity amp_push assumes for an array of n elements. */
static size_t push_capacity(size_t n)
{
    size_t cap = 4;
    while (cap < n)
        cap *= 2;
    return n ? cap : 0;
}

/* ---- schema entries ------------------------------------------------------ */

/* A keystroke in a schema of five hundred models changes one entry, but the
 * file is evaluated again whole. So the value of each `key: value` pair
 * that is a call (outside any function, at least AMP_ENTRY_MIN_BYTES long,
 * without syntax errors) is remembered in model->entries under its text
 * and a hash of its file's builtin imports, when its evaluation was pure:
 * it read no binding but builtin imports and recorded no name site and no
 * root (b->impure did not move). The same text then has the same value
 * wherever it is: the next build copies it into an arena of the entry's
 * own, shifting every location inside the entry to where the text now is,
 * and the builds after that take that arena over and shift the locations
 * in place, so an unchanged entry costs a walk of its values, not a copy
 * (take_entry). Steps and
 * depth are accounted as if it had been evaluated, and an entry is cloned
 * only where evaluating it would not have met a limit either, so a build
 * that clones equals a fresh one. */
#define AMP_ENTRY_MIN_BYTES 32

static size_t clone_slot(const amp_clone_map *cm, const amp_value *v)
{
    size_t i = ptr_hash(v) & (cm->cap - 1);
    while (cm->stamp[i] == cm->gen && cm->from[i] != v)
        i = (i + 1) & (cm->cap - 1);
    return i;
}

/* Doubles the map, keeping the current entry's pairs. */
static bool clone_map_grow(amp_clone_map *cm)
{
    size_t cap = cm->cap ? cm->cap * 2 : 256;
    amp_clone_map next = {malloc(cap * sizeof *next.from),
                          malloc(cap * sizeof *next.to),
                          calloc(cap, sizeof *next.stamp),
                          cap,
                          0,
                          1};
    if (!next.from || !next.to || !next.stamp) {
        free(next.from);
        free(next.to);
        free(next.stamp);
        return false;
    }
    for (size_t i = 0; i < cm->cap; i++)
        if (cm->stamp[i] == cm->gen) {
            size_t j = clone_slot(&next, cm->from[i]);
            next.from[j] = cm->from[i];
            next.to[j] = cm->to[i];
            next.stamp[j] = 1;
            next.count++;
        }
    amp_clone_map_free(cm);
    *cm = next;
    return true;
}

/* Starts the map afresh for the next entry. */
static void clone_map_next(amp_clone_map *cm)
{
    cm->count = 0;
    if (++cm->gen == 0) {
        if (cm->stamp)
            memset(cm->stamp, 0, cm->cap * sizeof *cm->stamp);
        cm->gen = 1;
    }
}

/* The slot of v, the map grown first when it must be (SIZE_MAX when out of
 * memory); v is in the map when the slot's stamp is the current gen. */
static size_t clone_map_find(amp_clone_map *cm, const amp_value *v)
{
    if ((cm->count + 1) * 2 > cm->cap && !clone_map_grow(cm))
        return SIZE_MAX;
    return clone_slot(cm, v);
}

/* Records in slot (from clone_map_find, no insertion since) that from maps to to. */
static void clone_map_set(amp_clone_map *cm, size_t slot, const amp_value *from, amp_value *to)
{
    cm->stamp[slot] = cm->gen;
    cm->from[slot] = from;
    cm->to[slot] = to;
    cm->count++;
}

void amp_clone_map_free(amp_clone_map *cm)
{
    free(cm->from);
    free(cm->to);
    free(cm->stamp);
    memset(cm, 0, sizeof *cm);
}

/* How one entry moves: locations of file `from` inside [lo, hi) shift by
 * delta into file `to`. */
typedef struct relocation {
    uint32_t from, to, lo, hi;
    int64_t delta;
    amp_builder *list; /* when not NULL, each location shifted in place goes to its fix */
    bool list_failed;  /* out of memory on the way: the list is not whole */
} relocation;

static amp_loc relocate(const relocation *r, amp_loc l)
{
    if (l.file == r->from && l.start >= r->lo && l.end <= r->hi && l.start <= l.end) {
        l.file = r->to;
        l.start = (uint32_t)((int64_t)l.start + r->delta);
        l.end = (uint32_t)((int64_t)l.end + r->delta);
    }
    return l;
}

/* Shifts *l as relocate does, listing it in r->list's fix when it moves. */
static void shift(relocation *r, amp_loc *l)
{
    if (!(l->file == r->from && l->start >= r->lo && l->end <= r->hi && l->start <= l->end))
        return;
    *l = relocate(r, *l);
    amp_builder *b = r->list;
    if (!b || r->list_failed)
        return;
    if (!log_room((void **)&b->fix, b->fix_count, &b->fix_cap, sizeof *b->fix)) {
        r->list_failed = true;
        return;
    }
    b->fix[b->fix_count++] = l;
}

static const char *clone_str(amp_builder *b, const char *s)
{
    return s ? amp_arena_strndup(b->a, s, strlen(s)) : NULL;
}

/* An arena array of count elements of size bytes, with the capacity
 * amp_push expects, holding a copy of from. */
static void *clone_array(amp_builder *b, const void *from, size_t count, size_t size)
{
    if (!count)
        return NULL;
    void *to = amp_arena_alloc(b->a, push_capacity(count) * size);
    if (to)
        memcpy(to, from, count * size);
    return to;
}

static bool clone_values(amp_builder *b, relocation *r, const amp_value **items, size_t count,
                         int depth);

/* A deep copy of v in this build's arena, relocated; NULL when out of
 * memory or too deep (the entry is then evaluated instead). */
static const amp_value *clone_value(amp_builder *b, relocation *r, const amp_value *v, int depth)
{
    if (!v)
        return NULL;
    if (depth > 2 * AMP_EVAL_MAX_DEPTH)
        return NULL;
    amp_clone_map *cm = &b->clones;
    size_t slot = clone_map_find(cm, v);
    if (slot == SIZE_MAX)
        return NULL;
    if (cm->stamp[slot] == cm->gen)
        return cm->to[slot];
    amp_value *c = amp_arena_alloc(b->a, sizeof *c);
    if (!c)
        return NULL;
    clone_map_set(cm, slot, v, c);
    *c = *v;
    c->loc = relocate(r, v->loc);
    c->callee_loc = relocate(r, v->callee_loc);
    c->str = clone_str(b, v->str);
    if ((v->str && !c->str) ||
        (v->prop_count && !(c->props = clone_array(b, v->props, v->prop_count, sizeof *c->props))))
        return NULL;
    for (size_t i = 0; i < c->prop_count; i++) {
        amp_prop *p = &c->props[i];
        p->key = clone_str(b, p->key);
        p->key_loc = relocate(r, p->key_loc);
        p->value = clone_value(b, r, p->value, depth + 1);
        if (!p->key || !p->value)
            return NULL;
    }
    c->items = clone_array(b, v->items, v->item_count, sizeof *c->items);
    if ((v->item_count && !c->items) ||
        !clone_values(b, r, (const amp_value **)c->items, c->item_count, depth))
        return NULL;
    c->methods = clone_array(b, v->methods, v->method_count, sizeof *c->methods);
    if (v->method_count && !c->methods)
        return NULL;
    for (size_t i = 0; i < c->method_count; i++) {
        amp_method *m = &c->methods[i];
        m->name = clone_str(b, m->name);
        m->name_loc = relocate(r, m->name_loc);
        m->loc = relocate(r, m->loc);
        m->args = clone_array(b, m->args, m->arg_count, sizeof *m->args);
        if (!m->name || (m->arg_count && !m->args) ||
            !clone_values(b, r, m->args, m->arg_count, depth))
            return NULL;
    }
    if (v->body && !(c->body = clone_value(b, r, v->body, depth + 1)))
        return NULL;
    return c;
}

/* Replaces each of items[0..count) by its clone. */
static bool clone_values(amp_builder *b, relocation *r, const amp_value **items, size_t count,
                         int depth)
{
    for (size_t i = 0; i < count; i++)
        if (!(items[i] = clone_value(b, r, items[i], depth + 1)))
            return false;
    return true;
}

/* Writes the n low hex digits of w to out, last digit first. */
static void put_hex(char *out, uint64_t w, int n)
{
    static const char hex[] = "0123456789abcdef";
    for (int i = n - 1; i >= 0; i--, w >>= 4)
        out[i] = hex[w & 15];
}

/* The entry key of an entry text of len bytes with hash h in file f, in
 * key (at least 41 bytes): the file's builtin import hash, the text's hash
 * and its length. Entries keep their text, so a hash collision is caught
 * by comparing it. */
static void entry_key_of(const amp_builder *b, uint32_t f, uint64_t h, uint32_t len, char *key)
{
    put_hex(key, b->import_sig[f], 16);
    put_hex(key + 16, h, 16);
    put_hex(key + 32, len, 8);
    key[40] = '\0';
}

/* The hash of bytes [s, e) of file f that entry keys take. */
static uint64_t entry_hash(const amp_builder *b, uint32_t f, uint32_t s, uint32_t e)
{
    return amp_hash_bytes(0, b->files[f].doc->text.bytes + s, e - s);
}

/* Entries of one key form a chain (amp_entry.next) in their map, all of the
 * same text: a schema can hold one entry text many times (every group's
 * `Status: a.enum([...])`), and each place takes its own entry. */

/* The chain under key in map, if its text is bytes [s, e) of file f. */
static amp_entry *find_entry(const amp_builder *b, const amp_strmap *map, const char *key,
                             uint32_t f, uint32_t s, uint32_t e)
{
    amp_entry *entry = amp_strmap_get(map, key);
    return entry && entry->end - entry->start == e - s &&
                   memcmp(entry->text, b->files[f].doc->text.bytes + s, e - s) == 0
               ? entry
               : NULL;
}

void amp_entry_free(amp_entry *entry)
{
    if (entry && entry->own.head) {
        amp_arena own = entry->own; /* the struct lives in it */
        amp_arena_free(&own);
    }
}

void amp_entries_free(amp_strmap *map)
{
    size_t pos = 0;
    const char *key;
    void *value;
    while (amp_strmap_next(map, &pos, &key, &value))
        for (amp_entry *x = value, *next; x; x = next) {
            next = x->next;
            amp_entry_free(x);
        }
    amp_strmap_free(map);
}

void amp_entry_unlink(amp_strmap *map, const char *key, amp_entry *entry)
{
    void **head = amp_strmap_ref(map, key);
    if (head && *head == entry) {
        if (entry->next)
            *head = entry->next;
        else
            amp_strmap_remove(map, key);
    } else {
        for (amp_entry *x = head ? *head : NULL; x; x = x->next)
            if (x->next == entry) {
                x->next = entry->next;
                break;
            }
    }
    entry->next = NULL;
}

/* Puts entry at the head of the chain under key in this build's map;
 * false when the chain there has another text (a hash collision) or out
 * of memory. */
static bool entry_push(amp_builder *b, const char *key, amp_entry *entry)
{
    amp_entry *head = amp_strmap_get(&b->m->entries, key);
    if (head && (head->end - head->start != entry->end - entry->start ||
                 memcmp(head->text, entry->text, entry->end - entry->start) != 0))
        return false;
    entry->next = head;
    if (amp_strmap_put(&b->m->entries, key, entry, NULL) != 0) {
        entry->next = NULL;
        return false;
    }
    return true;
}

/* Whether this build may change entry: nothing of this build uses it yet,
 * and no reused file's values (which may point into it) holds it. */
static bool entry_free_to_take(const amp_builder *b, const amp_entry *entry)
{
    return entry->serial != b->m->serial &&
           !(b->reuse && entry->file < b->file_count && b->reuse[entry->file]);
}

/* The entry of a chain this build may take over, or NULL. */
static amp_entry *entry_to_take(const amp_builder *b, amp_entry *chain)
{
    for (amp_entry *x = chain; x; x = x->next)
        if (x->own.head && entry_free_to_take(b, x))
            return x;
    return NULL;
}

/* Copies an entry's effects (deps, sites) into arena a; false when out of
 * memory. */
static bool copy_effects(amp_arena *a, amp_entry *to, const amp_entry_dep *deps, size_t dep_count,
                         const amp_entry_site *sites, size_t site_count)
{
    amp_entry_dep *d = dep_count ? amp_arena_alloc(a, dep_count * sizeof *d) : NULL;
    amp_entry_site *t = site_count ? amp_arena_alloc(a, site_count * sizeof *t) : NULL;
    if ((dep_count && !d) || (site_count && !t))
        return false;
    for (size_t i = 0; i < dep_count; i++) {
        d[i] = deps[i];
        if (!(d[i].name = amp_arena_strndup(a, deps[i].name, strlen(deps[i].name))))
            return false;
    }
    if (site_count)
        memcpy(t, sites, site_count * sizeof *t);
    to->deps = d;
    to->dep_count = (uint32_t)dep_count;
    to->sites = t;
    to->site_count = (uint32_t)site_count;
    return true;
}

/* Remembers v (in this build's arena) as the entry of bytes [s, e) of
 * file f for the next build, with the effects its evaluation logged from
 * dep0 and site0 on. */
static void remember_entry(amp_builder *b, const char *key, const amp_value *v, uint32_t f,
                           uint32_t s, uint32_t e, size_t steps, int depth, size_t dep0,
                           size_t site0)
{
    amp_entry *entry = amp_arena_alloc(b->a, sizeof *entry);
    const char *text = amp_arena_strndup(b->a, b->files[f].doc->text.bytes + s, e - s);
    if (entry && text) {
        *entry = (amp_entry){.value = v,
                             .text = text,
                             .file = f,
                             .start = s,
                             .end = e,
                             .steps = (uint32_t)steps,
                             .depth = (uint32_t)depth,
                             .serial = b->m->serial};
        /* No arithmetic on the logs before their first element exists. */
        const amp_entry_dep *deps = b->dep_count > dep0 ? b->dep_log + dep0 : NULL;
        const amp_entry_site *sites = b->site_count > site0 ? b->site_log + site0 : NULL;
        if (copy_effects(b->a, entry, deps, b->dep_count - dep0, sites, b->site_count - site0) &&
            entry_push(b, key, entry) && v && b->m->origin_count < UINT32_MAX)
            ((amp_value *)v)->origin = ++b->m->origin_count; /* a fresh value; copies keep it */
    }
}

/* Whether the imports entry read still resolve, in file f, to the values
 * it holds (evaluating them when this build has not yet). */
static bool deps_hold(amp_builder *b, uint32_t f, const amp_entry *entry)
{
    for (size_t i = 0; i < entry->dep_count; i++) {
        const amp_entry_dep *d = &entry->deps[i];
        amp_binding *bind = amp_strmap_get(&b->files[f].ix->locals, d->name);
        if (!bind || bind->builtin || bind->kind != AMP_BIND_IMPORT || bind->module < 0 ||
            eval_binding(b, f, bind, d->name, 0) != d->value)
            return false;
    }
    return true;
}

/* What evaluating the entry would have recorded: its sites, placed from
 * byte s of file f on, and, for an enclosing entry being evaluated, its
 * deps and sites in the logs. */
static void replay_effects(amp_builder *b, uint32_t f, uint32_t s, const amp_entry_dep *deps,
                           size_t dep_count, const amp_entry_site *sites, size_t site_count)
{
    for (size_t i = 0; i < site_count; i++) {
        amp_loc loc = {f, s + sites[i].start, s + sites[i].end};
        push_site(b, sites[i].kind, loc, sites[i].value, sites[i].defines);
        if (b->recording > 0 && !log_site(b, sites[i].kind, loc, sites[i].value, sites[i].defines))
            b->impure++;
    }
    for (size_t i = 0; b->recording > 0 && i < dep_count; i++)
        if (!log_dep(b, deps[i].name, deps[i].value, f))
            b->impure++;
}

/* Starts the clone map for copying or shifting entry: the values of its
 * imports belong to other files and stay as they are. */
static bool clone_map_start(amp_builder *b, const amp_entry *entry)
{
    amp_clone_map *cm = &b->clones;
    clone_map_next(cm);
    for (size_t i = 0; i < entry->dep_count; i++) {
        const amp_value *v = entry->deps[i].value;
        size_t slot = clone_map_find(cm, v);
        if (slot == SIZE_MAX)
            return false;
        if (cm->stamp[slot] != cm->gen)
            clone_map_set(cm, slot, v, (amp_value *)v);
    }
    return true;
}

/* Shifts the locations of v and everything it holds, in place (each value
 * once: the clone map marks those done); false when out of memory or too
 * deep, with some locations shifted and others not. */
static bool relocate_value(amp_builder *b, relocation *r, const amp_value *cv, int depth)
{
    if (!cv)
        return true;
    if (depth > 2 * AMP_EVAL_MAX_DEPTH)
        return false;
    amp_clone_map *cm = &b->clones;
    size_t slot = clone_map_find(cm, cv);
    if (slot == SIZE_MAX)
        return false;
    if (cm->stamp[slot] == cm->gen)
        return true;
    amp_value *v = (amp_value *)cv; /* in the entry's own arena, which this build holds */
    clone_map_set(cm, slot, cv, v);
    shift(r, &v->loc);
    shift(r, &v->callee_loc);
    for (size_t i = 0; i < v->prop_count; i++) {
        shift(r, &v->props[i].key_loc);
        if (!relocate_value(b, r, v->props[i].value, depth + 1))
            return false;
    }
    for (size_t i = 0; i < v->item_count; i++)
        if (!relocate_value(b, r, v->items[i], depth + 1))
            return false;
    for (size_t i = 0; i < v->method_count; i++) {
        amp_method *m = &v->methods[i];
        shift(r, &m->name_loc);
        shift(r, &m->loc);
        for (size_t k = 0; k < m->arg_count; k++)
            if (!relocate_value(b, r, m->args[k], depth + 1))
                return false;
    }
    return relocate_value(b, r, v->body, depth + 1);
}

/* ---- the types of entries ---------------------------------------------------- */

static size_t held_slot(const amp_builder *b, const amp_value *v)
{
    size_t i = ptr_hash(v) & (b->held_cap - 1);
    while (b->held[i] && b->held[i]->value != v)
        i = (i + 1) & (b->held_cap - 1);
    return i;
}

/* Makes room in the held table for n entries in all; false when out of
 * memory. The first table is as large as prev's notes say this build will
 * need. */
static bool held_room(amp_builder *b, size_t n)
{
    if (2 * n <= b->held_cap)
        return true;
    size_t cap = b->held_cap ? 2 * b->held_cap : 64;
    const amp_pair_ids *was = b->prev ? b->prev->pair_ids : NULL;
    while (cap < 2 * n || (!b->held_cap && was && cap < 2 * (was->count + 1)))
        cap *= 2;
    amp_entry **old = b->held, **grown = calloc(cap, sizeof *grown);
    if (!grown)
        return false;
    size_t old_cap = b->held_cap;
    b->held = grown;
    b->held_cap = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i])
            b->held[held_slot(b, old[i]->value)] = old[i];
    free(old);
    return true;
}

/* Notes that this build holds entry's value (a failure to note, out of
 * memory, only costs reading its type again). */
static void hold_entry(amp_builder *b, amp_entry *entry)
{
    if (!held_room(b, b->held_count + 1))
        return;
    size_t i = held_slot(b, entry->value);
    if (!b->held[i])
        b->held_count++;
    b->held[i] = entry;
}

void amp_eval_fetch_entry_of(const amp_builder *b, const amp_value *v)
{
    if (v && b->held_cap)
        amp_fetch(&b->held[ptr_hash(v) & (b->held_cap - 1)], sizeof *b->held);
}

amp_entry *amp_eval_entry_of(const amp_builder *b, const amp_value *v)
{
    return v && b->held_cap ? b->held[held_slot(b, v)] : NULL;
}

static void relocate_strs(relocation *r, amp_str *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        shift(r, &s[i].loc);
}

static void relocate_rules(relocation *r, amp_rule *rules, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        amp_rule *x = &rules[i];
        shift(r, &x->loc);
        shift(r, &x->strategy_loc);
        shift(r, &x->provider.loc);
        shift(r, &x->field.loc);
        relocate_strs(r, x->groups, x->group_count);
        relocate_strs(r, x->operations, x->operation_count);
    }
}

static void relocate_type(relocation *r, amp_type *t, int depth);

static void relocate_field(relocation *r, amp_field *f, int depth)
{
    shift(r, &f->name_loc);
    shift(r, &f->target.loc);
    relocate_strs(r, f->references, f->reference_count);
    shift(r, &f->references_loc);
    relocate_rules(r, f->rules, f->rule_count);
    relocate_strs(r, f->enum_values, f->enum_count);
    if (f->inline_type)
        relocate_type(r, f->inline_type, depth + 1);
}

/* Shifts the locations a type read from an entry's value holds, in place,
 * as relocate_value shifts the value's. */
static void relocate_type(relocation *r, amp_type *t, int depth)
{
    if (depth > 2 * AMP_EVAL_MAX_DEPTH)
        return;
    shift(r, &t->name_loc);
    for (size_t i = 0; i < t->field_count; i++)
        relocate_field(r, &t->fields[i], depth);
    relocate_strs(r, t->identifier, t->identifier_count);
    for (size_t i = 0; i < t->index_count; i++) {
        amp_index *ix = &t->indexes[i];
        shift(r, &ix->pk.loc);
        relocate_strs(r, ix->sort_keys, ix->sort_key_count);
        shift(r, &ix->name.loc);
        shift(r, &ix->query_field.loc);
        shift(r, &ix->loc);
    }
    relocate_rules(r, t->rules, t->rule_count);
    relocate_strs(r, t->disabled_ops, t->disabled_op_count);
    relocate_strs(r, t->enum_values, t->enum_count);
    if (t->returns)
        relocate_field(r, t->returns, depth);
    for (size_t i = 0; i < t->handler_count; i++) {
        amp_handler *h = &t->handlers[i];
        shift(r, &h->loc);
        shift(r, &h->entry.loc);
        shift(r, &h->data_source.loc);
    }
    relocate_strs(r, t->sources, t->source_count);
}

/* Frees entry, out of every map, after the evaluation: prev's pair notes
 * may name it until then. Freed now when it cannot be kept. */
static void bury(amp_builder *b, amp_entry *entry)
{
    if (!log_room((void **)&b->buried, b->buried_count, &b->buried_cap, sizeof *b->buried)) {
        b->notes_off = true;
        amp_entry_free(entry);
        return;
    }
    b->buried[b->buried_count++] = entry;
}

/* Takes entry (with its own arena, found in map) over for bytes [s, e) of
 * file f: moved into this build's map and shifted in place. NULL when that
 * fails; *gone tells whether the entry was freed on the way. */
static const amp_value *take_entry(amp_builder *b, amp_strmap *map, const char *key,
                                   amp_entry *entry, uint32_t f, uint32_t s, uint32_t e, bool *gone)
{
    if (map != &b->m->entries) {
        amp_entry_unlink(map, key, entry);
        if (!entry_push(b, key, entry)) {
            bury(b, entry);
            *gone = true;
            return NULL;
        }
    }
    relocation r = {entry->file, f,    entry->start, entry->end, (int64_t)s - (int64_t)entry->start,
                    NULL,        false};
    if (r.from == r.to && r.delta != 0 && entry->fix && entry->fix_type == entry->type) {
        for (uint32_t i = 0; i < entry->fix_count; i++) {
            amp_loc *l = entry->fix[i];
            l->start = (uint32_t)((int64_t)l->start + r.delta);
            l->end = (uint32_t)((int64_t)l->end + r.delta);
        }
    } else if (r.from != r.to || r.delta != 0 || !entry->fix || entry->fix_type != entry->type) {
        /* Moved, or not listed yet: walked (a walk that moves nothing
         * lists, so that the next shift, a keystroke's, goes by the list). */
        b->fix_count = 0;
        r.list = b;
        if (!clone_map_start(b, entry) || !relocate_value(b, &r, entry->value, 0)) {
            amp_entry_unlink(&b->m->entries, key, entry);
            bury(b, entry);
            *gone = true;
            return NULL;
        }
        if (entry->type)
            relocate_type(&r, entry->type, 0);
        /* Listed once in the entry's arena (a failure only costs walking
         * again next time). */
        amp_loc **fix = r.list_failed || b->fix_count > UINT32_MAX
                            ? NULL
                            : amp_arena_alloc(&entry->own, b->fix_count * sizeof *fix + 1);
        if (fix)
            memcpy(fix, b->fix, b->fix_count * sizeof *fix);
        entry->fix = fix;
        entry->fix_count = fix ? (uint32_t)b->fix_count : 0;
        entry->fix_type = entry->type;
    }
    entry->file = f;
    entry->start = s;
    entry->end = e;
    entry->serial = b->m->serial;
    hold_entry(b, entry);
    return entry->value;
}

/* Copies old into an arena of its own for bytes [s, e) of file f and
 * remembers the copy; NULL when that fails. */
static const amp_value *own_entry(amp_builder *b, const char *key, const amp_entry *old, uint32_t f,
                                  uint32_t s, uint32_t e)
{
    amp_arena own = {.chunk = 2048};
    amp_arena *home = b->a;
    b->a = &own;
    relocation r = {old->file, f,    old->start, old->end, (int64_t)s - (int64_t)old->start,
                    NULL,      false};
    const amp_value *v = clone_map_start(b, old) ? clone_value(b, &r, old->value, 0) : NULL;
    amp_entry *entry = v ? amp_arena_alloc(&own, sizeof *entry) : NULL;
    char *text = entry ? amp_arena_strndup(&own, old->text, old->end - old->start) : NULL;
    if (text) {
        *entry = (amp_entry){.value = v,
                             .text = text,
                             .file = f,
                             .start = s,
                             .end = e,
                             .steps = old->steps,
                             .depth = old->depth,
                             .serial = b->m->serial};
        if (!copy_effects(&own, entry, old->deps, old->dep_count, old->sites, old->site_count))
            text = NULL;
    }
    b->a = home;
    if (text)
        entry->own = own; /* before the push: amp_entries_free may free it from there on */
    if (!text || !entry_push(b, key, entry)) {
        amp_arena_free(&own);
        return NULL;
    }
    hold_entry(b, entry);
    return v;
}

/* Whether v and all it holds are known (no UNKNOWN, nothing open). */
static bool known_whole(const amp_value *v, int depth)
{
    if (!v)
        return true;
    if (v->closed)
        return true;
    if (depth > 2 * AMP_EVAL_MAX_DEPTH || v->kind == AMP_VAL_UNKNOWN || v->open)
        return false;
    for (size_t i = 0; i < v->prop_count; i++)
        if (!known_whole(v->props[i].value, depth + 1))
            return false;
    for (size_t i = 0; i < v->item_count; i++)
        if (!known_whole(v->items[i], depth + 1))
            return false;
    for (size_t i = 0; i < v->method_count; i++)
        for (size_t k = 0; k < v->methods[i].arg_count; k++)
            if (!known_whole(v->methods[i].args[k], depth + 1))
                return false;
    return known_whole(v->body, depth + 1);
}

/* The value of the entry text at bytes [s, e) of file f, under key: an
 * entry of an earlier build taken over or copied, with its effects
 * replayed; NULL when there is none to reuse. */
static const amp_value *reuse_entry(amp_builder *b, uint32_t f, uint32_t s, uint32_t e,
                                    const char *key, amp_entry *noted, amp_entry **used)
{
    /* An entry of this build's map or of prev's (when it gave its map to
     * no one) that this build may take over, else one to copy; noted, an
     * entry a note names for this very text, first (it is where the map
     * was at the start of the build: it has not been taken since). */
    amp_strmap *map = &b->m->entries;
    amp_entry *old = noted, *taken = noted;
    *used = NULL;
    if (noted) {
        if (!b->adopted)
            map = &b->prev->entries;
    } else if ((old = find_entry(b, map, key, f, s, e)) != NULL) {
        taken = entry_to_take(b, old);
    }
    if (!taken && b->prev) {
        amp_entry *chain = find_entry(b, &b->prev->entries, key, f, s, e);
        if ((taken = chain ? entry_to_take(b, chain) : NULL) || !old)
            map = &b->prev->entries;
        old = old ? old : chain;
    }
    if (taken)
        old = taken;
    if (old && b->steps + old->steps < AMP_EVAL_MAX_STEPS &&
        (size_t)b->depth + old->depth < AMP_EVAL_MAX_DEPTH && deps_hold(b, f, old)) {
        uint32_t steps = old->steps, depth = old->depth;
        /* The effects stay valid while old does (a take-over keeps its
         * arena; a copy reads old, which lives through this build). */
        const amp_entry_dep *deps = old->deps;
        const amp_entry_site *sites = old->sites;
        size_t dep_count = old->dep_count, site_count = old->site_count;
        const amp_value *v = NULL;
        bool gone = false;
        /* Inside an entry being evaluated, which holds what this gives it
         * until the next build copies it: a copy in this build's arena. An
         * entry taken over or given an arena here could be taken over by
         * another place of the next build and shifted in place before the
         * enclosing entry is copied from it. */
        if (b->recording > 0)
            ;
        else if (taken)
            v = take_entry(b, map, key, taken, f, s, e, &gone);
        else
            v = own_entry(b, key, old, f, s, e);
        *used = v ? amp_eval_entry_of(b, v) : NULL;
        if (!v && !gone) { /* out of memory, or a collision: a clone in this build's arena */
            relocation r = {old->file, f,    old->start, old->end, (int64_t)s - (int64_t)old->start,
                            NULL,      false};
            v = clone_map_start(b, old) ? clone_value(b, &r, old->value, 0) : NULL;
        }
        if (v) {
            replay_effects(b, f, s, deps, dep_count, sites, site_count);
            b->m->cloned_count++;
            b->steps += steps;
            if (b->depth + (int)depth > b->peak)
                b->peak = b->depth + (int)depth;
            return v;
        }
    }
    return NULL;
}

/* The value of a pair's value node outside any function: taken over or
 * cloned from an earlier evaluation of the same text when there is one
 * (reuse_entry), else evaluated (and remembered when pure). *hash is the
 * text's entry hash, when *hashed says it was taken (an entry's text). */
static const amp_value *eval_entry(amp_builder *b, uint32_t f, TSNode node, uint64_t *hash,
                                   bool *hashed, amp_entry **used)
{
    *used = NULL;
    uint32_t s = ts_node_start_byte(node), e = ts_node_end_byte(node);
    *hashed = false;
    if (!b->import_sig || e > b->files[f].doc->text.len || e - s < AMP_ENTRY_MIN_BYTES ||
        node_class(b, strip(b, node)) != AMP_NC_CALL || ts_node_has_error(node))
        return amp_eval(b, f, node, NULL);
    char key[64];
    *hash = entry_hash(b, f, s, e);
    *hashed = true;
    entry_key_of(b, f, *hash, e - s, key);
    const amp_value *v = reuse_entry(b, f, s, e, key, NULL, used);
    if (v)
        return v;
    size_t impure = b->impure, steps = b->steps, dep0 = b->dep_count, site0 = b->site_count;
    int peak = b->peak;
    b->peak = b->depth;
    b->recording++;
    v = amp_eval(b, f, node, NULL);
    b->recording--;
    int depth = b->peak - b->depth;
    /* What it read and recorded must be its own: in file f, sites inside it. */
    bool own_effects = true;
    for (size_t i = dep0; i < b->dep_count; i++)
        own_effects &= b->dep_log[i].file == f;
    for (size_t i = site0; i < b->site_count; i++) {
        const amp_entry_site *site = &b->site_log[i];
        own_effects &= site->file == f && site->start >= s && site->end <= e;
    }
    if (b->impure == impure && own_effects && b->steps < AMP_EVAL_MAX_STEPS &&
        b->peak < AMP_EVAL_MAX_DEPTH) {
        /* Pure, so it holds no resource (a define* call is a root, which is
         * impure) unless through an import: without one, known whole, so
         * walks that look for resources skip it. */
        if (v && v->kind == AMP_VAL_CALL && b->dep_count == dep0 && known_whole(v, 0))
            ((amp_value *)v)->closed = true;             /* a fresh value of this evaluation */
        for (size_t i = site0; i < b->site_count; i++) { /* kept relative to the entry */
            b->site_log[i].start -= s;
            b->site_log[i].end -= s;
        }
        remember_entry(b, key, v, f, s, e, b->steps - steps, depth, dep0, site0);
        for (size_t i = site0; i < b->site_count; i++) { /* absolute again, for enclosing ones */
            b->site_log[i].start += s;
            b->site_log[i].end += s;
        }
    } else if (b->recording > 0) {
        b->impure++; /* an enclosing entry holds this one, which is not pure */
    }
    if (b->recording == 0)
        b->dep_count = b->site_count = 0;
    if (peak > b->peak)
        b->peak = peak;
    return v;
}

/* ---- pair notes ------------------------------------------------------------ */

void amp_pair_ids_free(amp_pair_ids *ids)
{
    if (ids)
        free(ids->slots);
}

static size_t note_slot(const amp_pair_ids *ids, const void *id)
{
    size_t i = ptr_hash(id) & (ids->cap - 1);
    while (ids->slots[i].id && ids->slots[i].id != id)
        i = (i + 1) & (ids->cap - 1);
    return i;
}

/* prev's note of the pair of key node key and value node value in file
 * f, or NULL. Each node id names its node's place in its parent's
 * children, and tree-sitter keeps a node (and so the ids of its children)
 * only while its text is unchanged: the ids of the value and of the key,
 * both as noted, say that the value's text and the key's are. (Not the
 * key's alone: the key stays while the value changes.) */
static const amp_pair_note *find_note(const amp_builder *b, uint32_t f, TSNode key, TSNode value)
{
    const amp_pair_ids *ids = b->prev && !b->notes_off ? b->prev->pair_ids : NULL;
    if (!ids || !ids->cap || !value.id || !key.id)
        return NULL;
    const amp_pair_note *n = &ids->slots[note_slot(ids, value.id)];
    return n->id && n->key_id == key.id && n->file == f ? n : NULL;
}

/* Notes for the next build that the pair of key node key (key text k) and
 * value node value has the entry text of hash h, taken from entry (NULL
 * when evaluated); only while this build holds f's tree, which keeps the
 * ids meaning those nodes. A failure (out of memory) only costs reading
 * the pair next time. */
static void note_pair(amp_builder *b, uint32_t f, TSNode key, TSNode value, const char *k,
                      uint64_t h, amp_entry *entry)
{
    amp_model *m = b->m;
    if (!m->trees || !m->trees[f] || !key.id || !value.id)
        return;
    if (!m->pair_ids && !(m->pair_ids = calloc(1, sizeof *m->pair_ids)))
        return;
    amp_pair_ids *ids = m->pair_ids;
    if (2 * (ids->count + 1) > ids->cap) {
        const amp_pair_ids *was = b->prev ? b->prev->pair_ids : NULL;
        /* First as large as prev's notes say this build will need: a
         * keystroke in a file of many files notes only that file's pairs. */
        size_t cap = ids->cap ? 2 * ids->cap : 64;
        while (!ids->cap && was && cap < 2 * (was->count + 1))
            cap *= 2;
        amp_pair_ids grown = {calloc(cap, sizeof *grown.slots), cap, 0};
        if (!grown.slots)
            return;
        for (size_t i = 0; i < ids->cap; i++)
            if (ids->slots[i].id) {
                grown.slots[note_slot(&grown, ids->slots[i].id)] = ids->slots[i];
                grown.count++;
            }
        free(ids->slots);
        *ids = grown;
    }
    amp_pair_note *n = &ids->slots[note_slot(ids, value.id)];
    if (!n->id)
        ids->count++;
    *n = (amp_pair_note){value.id, key.id, k, h, b->import_sig[f], entry, f};
}

/* The value of an unchanged pair prev noted (key node key, value node
 * value), from its entry, with its key text in *k, the value text's hash
 * in *hash and the entry it came from in *from; NULL when the pair must be
 * read (not noted, or its entry not to be reused). */
static const amp_value *noted_pair(amp_builder *b, uint32_t f, TSNode key, TSNode value,
                                   const char **k, uint64_t *hash, amp_entry **from)
{
    const amp_pair_note *n = b->import_sig ? find_note(b, f, key, value) : NULL;
    if (!n)
        return NULL;
    uint32_t s = ts_node_start_byte(value), e = ts_node_end_byte(value);
    if (e > b->files[f].doc->text.len)
        return NULL;
    char entry[64];
    entry_key_of(b, f, n->hash, e - s, entry);
    /* The noted entry, while it stands for this text (the same builtin
     * imports) and no other pair has taken it: else whichever the key
     * finds. */
    amp_entry *noted = n->entry;
    if (noted && (n->sig != b->import_sig[f] || !noted->own.head || !entry_free_to_take(b, noted) ||
                  noted->end - noted->start != e - s))
        noted = NULL;
    amp_entry *used;
    const amp_value *v = reuse_entry(b, f, s, e, entry, noted, &used);
    *k = v ? amp_arena_strndup(b->a, n->key, strlen(n->key)) : NULL;
    if (!*k)
        return NULL;
    b->m->noted_count++;
    note_pair(b, f, key, value, *k, n->hash, used);
    *hash = n->hash;
    *from = used;
    return v;
}

/* ---- reading ahead --------------------------------------------------------- */

/* How far ahead of the pair being read an object's loop fetches the next
 * pairs' notes and entries. */
#define AMP_AHEAD 8

/* A pair of the object being read, seen ahead of its turn. */
typedef struct ahead_pair {
    uint32_t index; /* of the pair among the object's children; UINT32_MAX: none */
    TSNode key, value;
    const amp_pair_note *slot; /* where prev's note of the value would be first looked for */
    const amp_entry *entry;    /* the entry that note names, when it names the value */
} ahead_pair;

/* Before pair i of an object's children is read, fetches (amp_fetch) what
 * the next pairs' reuse will read: the note of pair i + AMP_AHEAD, the
 * entry it names four pairs later, that entry's location list, sites and
 * slots in this build's tables three pairs ahead, and the locations
 * themselves two pairs ahead. A schema of 2,000 models holds 3,000 entries
 * spread over tens of megabytes: read one after another, each of these is
 * a wait for memory. Only hints: the reads decide nothing, and what they
 * read is alive (prev's notes, and the entries they name, which this
 * build frees only after its evaluation while notes are on). ring holds
 * AMP_AHEAD * 2 slots. */
static void read_ahead(const amp_builder *b, const TSNode *children, uint32_t count, uint32_t i,
                       ahead_pair *ring)
{
    if (b->notes_off) /* an entry may have been freed early */
        return;
    const amp_pair_ids *ids = b->prev->pair_ids;
    uint32_t j = i + AMP_AHEAD;
    if (j < count) {
        ahead_pair *a = &ring[j % (2 * AMP_AHEAD)];
        a->index = UINT32_MAX;
        a->entry = NULL;
        if (node_class(b, children[j]) == AMP_NC_PAIR) {
            a->index = j;
            a->key = first_child(children[j]);
            a->value = last_child(children[j]);
            a->slot = &ids->slots[ptr_hash(a->value.id) & (ids->cap - 1)];
            amp_fetch(a->slot, sizeof *a->slot);
        }
    }
    j = i + AMP_AHEAD / 2;
    ahead_pair *a = &ring[j % (2 * AMP_AHEAD)];
    if (j < count && a->index == j && a->slot->id == a->value.id && a->slot->entry) {
        a->entry = a->slot->entry;
        amp_fetch(a->entry, sizeof *a->entry);
        amp_fetch(a->slot->key, 1);
    }
    a = &ring[(i + 3) % (2 * AMP_AHEAD)];
    if (i + 3 < count && a->index == i + 3 && a->entry) {
        amp_fetch(a->entry->fix, a->entry->fix_count * sizeof *a->entry->fix);
        amp_fetch(a->entry->sites, a->entry->site_count * sizeof *a->entry->sites);
        /* Where this build will hold the entry and note the pair. */
        if (b->held_cap)
            amp_fetch(&b->held[ptr_hash(a->entry->value) & (b->held_cap - 1)], sizeof *b->held);
        const amp_pair_ids *next = b->m->pair_ids;
        if (next && next->cap)
            amp_fetch(&next->slots[ptr_hash(a->value.id) & (next->cap - 1)], sizeof *next->slots);
    }
    a = &ring[(i + 2) % (2 * AMP_AHEAD)];
    if (i + 2 < count && a->index == i + 2 && a->entry && a->entry->fix)
        for (uint32_t k = 0; k < a->entry->fix_count; k++)
            amp_fetch(a->entry->fix[k], sizeof *a->entry->fix[k]);
}

/* ---- splicing large objects ------------------------------------------------ */

/* A keystroke inside one pair of a schema of thousands leaves every other
 * pair's text as it was, at an offset that is the same before the edit and
 * shifted by the edit's length after it. A build records each object of at
 * least AMP_SPLICE_MIN named children outside functions (amp_splice: its
 * children's places, keys, entry hashes and the entries their values came
 * from); the next build, when the document's change log (amp_doc_changed_since)
 * says that one edit fell inside the value of one recorded pair and the new
 * tree agrees (the object where it was, as many children, no error, that
 * pair where it was with its end shifted), reads only that pair from the
 * tree and takes every other value over from its entry, as a note would,
 * without walking the object's thousands of nodes. Whatever the record does
 * not hold (a spread, a value that is no entry, an entry that no longer
 * holds) is read from the tree at its shifted place. */

void amp_splice_free(amp_splice *sp)
{
    if (!sp)
        return;
    free(sp->items);
    amp_arena_free(&sp->keys);
    memset(sp, 0, sizeof *sp);
}

/* A new record of the object at node n of file f with count children in
 * this build's model, items zeroed; NULL when out of memory (the next
 * build then reads the object). */
static amp_splice *splice_new(amp_builder *b, uint32_t f, TSNode n, size_t count)
{
    amp_model *m = b->m;
    if (m->splice_count == m->splice_cap) {
        size_t cap = m->splice_cap ? 2 * m->splice_cap : 4;
        amp_splice **grown = realloc(m->splices, cap * sizeof *grown);
        if (!grown)
            return NULL;
        m->splices = grown;
        m->splice_cap = cap;
    }
    amp_splice *sp = calloc(1, sizeof *sp);
    amp_splice_item *items = sp ? calloc(count, sizeof *items) : NULL;
    if (!items) {
        free(sp);
        return NULL;
    }
    *sp = (amp_splice){f, ts_node_start_byte(n), ts_node_end_byte(n), items, count, {0}};
    sp->keys.chunk = 4096;
    m->splices[m->splice_count++] = sp;
    return sp;
}

/* prev's record of the object starting at byte start of file f, or NULL. */
static const amp_splice *splice_of(const amp_model *prev, uint32_t f, uint32_t start)
{
    for (size_t i = 0; i < prev->splice_count; i++) {
        const amp_splice *sp = prev->splices[i];
        if (sp && sp->file == f && sp->start == start && sp->items)
            return sp;
    }
    return NULL;
}

/* Records in item the pair [key, value] of key text k whose value came
 * from the entry text of hash h (when hashed) and entry used. */
static void splice_pair(amp_builder *b, amp_splice *sp, amp_splice_item *item, uint32_t f,
                        TSNode key, TSNode value, const char *k, bool hashed, uint64_t h,
                        amp_entry *used)
{
    item->start = ts_node_start_byte(key);
    item->key_end = ts_node_end_byte(key);
    item->value_start = ts_node_start_byte(value);
    item->end = ts_node_end_byte(value);
    item->kind = AMP_SPLICE_OTHER;
    if (!hashed || !k)
        return;
    item->key = amp_arena_strndup(&sp->keys, k, strlen(k));
    if (!item->key)
        return;
    item->kind = AMP_SPLICE_ENTRY;
    item->hash = h;
    item->sig = b->import_sig[f];
    item->entry = used;
}

/* Reads child c of object obj (outside functions when scope is NULL); seen,
 * when not NULL, holds the pair's key and value, read ahead. Records the
 * child in item when not NULL. */
static void object_child(amp_builder *b, uint32_t f, TSNode c, const amp_scope *scope,
                         amp_value *obj, const ahead_pair *seen, amp_splice *sp,
                         amp_splice_item *item)
{
    if (item) {
        item->start = ts_node_start_byte(c);
        item->end = ts_node_end_byte(c);
        item->kind = AMP_SPLICE_OTHER;
    }
    if (seen || is_type(c, "pair")) {
        TSNode key = seen ? seen->key : first_child(c), value = seen ? seen->value : last_child(c);
        const char *k;
        uint64_t h = 0;
        amp_entry *used = NULL;
        const amp_value *v = scope ? NULL : noted_pair(b, f, key, value, &k, &h, &used);
        if (v) {
            add_prop(b, obj, k, loc_of(f, key), v);
            if (item)
                splice_pair(b, sp, item, f, key, value, k, true, h, used);
            return;
        }
        k = key_text(b, f, key);
        if (!k) {
            obj->open = true;
            return;
        }
        bool hashed = false;
        v = scope ? amp_eval(b, f, value, scope) : eval_entry(b, f, value, &h, &hashed, &used);
        if (hashed)
            note_pair(b, f, key, value, k, h, used);
        add_prop(b, obj, k, loc_of(f, key), v);
        if (item)
            splice_pair(b, sp, item, f, key, value, k, hashed, h, used);
    } else if (is_type(c, "shorthand_property_identifier")) {
        add_prop(b, obj, text_of(b, f, c), loc_of(f, c), eval_identifier(b, f, c, scope));
    } else if (is_type(c, "spread_element")) {
        const amp_value *s = amp_eval(b, f, ts_node_named_child(c, 0), scope);
        if (s && s->kind == AMP_VAL_OBJECT) {
            for (size_t j = 0; j < s->prop_count; j++)
                add_prop(b, obj, s->props[j].key, s->props[j].key_loc, s->props[j].value);
            obj->open |= s->open;
        } else {
            obj->open = true;
        }
    } else if (is_type(c, "method_definition")) {
        TSNode key = field(c, name);
        const char *k = key_text(b, f, key);
        if (k)
            add_prop(b, obj, k, loc_of(f, key), new_value(b, AMP_VAL_FUNCTION, f, c));
    } else if (!is_type(c, "comment")) {
        obj->open = true;
    } else if (item) {
        item->kind = AMP_SPLICE_COMMENT;
    }
}

/* The value of recorded pair x (its place shifted by delta) taken from its
 * entry, as noted_pair does; false when it must be read. */
static bool splice_take(amp_builder *b, uint32_t f, amp_value *obj, const amp_splice_item *x,
                        int64_t delta, amp_splice *sp, amp_splice_item *item)
{
    uint32_t s = (uint32_t)(x->value_start + delta), e = (uint32_t)(x->end + delta);
    if (e > b->files[f].doc->text.len)
        return false;
    char key[64];
    entry_key_of(b, f, x->hash, e - s, key);
    amp_entry *noted = b->notes_off ? NULL : x->entry; /* else it may be freed */
    if (noted && (x->sig != b->import_sig[f] || !noted->own.head || !entry_free_to_take(b, noted) ||
                  noted->end - noted->start != e - s))
        noted = NULL;
    amp_entry *used;
    const amp_value *v = reuse_entry(b, f, s, e, key, noted, &used);
    const char *k = v ? amp_arena_strndup(b->a, x->key, strlen(x->key)) : NULL;
    if (!k)
        return false;
    b->m->noted_count++;
    amp_loc key_loc = {f, (uint32_t)(x->start + delta), (uint32_t)(x->key_end + delta)};
    add_prop(b, obj, k, key_loc, v);
    if (item) {
        *item = *x;
        item->start = key_loc.start;
        item->key_end = key_loc.end;
        item->value_start = s;
        item->end = e;
        item->key = amp_arena_strndup(&sp->keys, x->key, strlen(x->key));
        item->sig = b->import_sig[f];
        item->entry = used;
        if (!item->key)
            item->kind = AMP_SPLICE_OTHER;
    }
    return true;
}

/* The named child of object n that starts at byte at, or a null node. */
static TSNode child_at(TSNode n, uint32_t at)
{
    TSNode c = ts_node_first_named_child_for_byte(n, at);
    TSNode none = {0};
    return !ts_node_is_null(c) && ts_node_start_byte(c) == at ? c : none;
}

/* Before item i of prev's record is taken, fetches (amp_fetch) what the
 * next takes will read, as read_ahead does for notes: the entry eight
 * items ahead, the location list, sites and held slot of the one four
 * ahead, and the locations of the one two ahead (a take shifts them). */
static void splice_ahead(const amp_builder *b, const amp_splice *sp, size_t i)
{
    if (b->notes_off) /* an entry may have been freed early */
        return;
    if (i + 8 < sp->count && sp->items[i + 8].entry)
        amp_fetch(sp->items[i + 8].entry, sizeof *sp->items[i + 8].entry);
    const amp_entry *e = i + 4 < sp->count ? sp->items[i + 4].entry : NULL;
    if (e) {
        amp_fetch(e->fix, e->fix_count * sizeof *e->fix);
        amp_fetch(e->sites, e->site_count * sizeof *e->sites);
        if (b->held_cap)
            amp_fetch(&b->held[ptr_hash(e->value) & (b->held_cap - 1)], sizeof *b->held);
    }
    e = i + 2 < sp->count ? sp->items[i + 2].entry : NULL;
    if (e && e->fix)
        for (uint32_t k = 0; k < e->fix_count; k++)
            amp_fetch(e->fix[k], sizeof *e->fix[k]);
}

/* Fills obj, the object at node n of file f outside functions, from prev's
 * record of it (see above); false, having read nothing, when the record
 * does not hold: then the object is read whole. */
static bool splice_object(amp_builder *b, uint32_t f, TSNode n, amp_value *obj)
{
    const amp_model *prev = b->prev;
    if (!prev || !prev->splice_count || b->notes_off || !b->import_sig || b->recording > 0 ||
        !prev->file_gen || f >= prev->file_count ||
        strcmp(prev->files[f].path, b->files[f].path) != 0)
        return false;
    const amp_splice *sp = splice_of(prev, f, ts_node_start_byte(n));
    uint32_t lo, old_hi, new_hi;
    if (!sp || !amp_doc_changed_since(b->files[f].doc, prev->file_gen[f], &lo, &old_hi, &new_hi))
        return false;
    int64_t delta = (int64_t)new_hi - (int64_t)old_hi;
    if (lo <= sp->start || old_hi >= sp->end || ts_node_end_byte(n) != sp->end + delta ||
        ts_node_has_error(n) || ts_node_named_child_count(n) != sp->count)
        return false;
    /* The one recorded pair whose value holds the change. */
    size_t lo_i = 0, hi_i = sp->count;
    while (lo_i < hi_i) { /* the first item ending at or after lo */
        size_t mid = lo_i + (hi_i - lo_i) / 2;
        if (sp->items[mid].end < lo)
            lo_i = mid + 1;
        else
            hi_i = mid;
    }
    size_t j = lo_i;
    const amp_splice_item *x = j < sp->count ? &sp->items[j] : NULL;
    if (!x || x->kind != AMP_SPLICE_ENTRY || lo < x->value_start || old_hi > x->end)
        return false;
    /* The new tree has that pair where it was, its end shifted. */
    TSNode pair = child_at(n, x->start);
    if (ts_node_is_null(pair) || !is_type(pair, "pair") || ts_node_end_byte(pair) != x->end + delta)
        return false;
    TSNode key = first_child(pair), value = last_child(pair);
    if (ts_node_start_byte(key) != x->start || ts_node_end_byte(key) != x->key_end ||
        ts_node_start_byte(value) != x->value_start || ts_node_end_byte(value) != x->end + delta)
        return false;
    /* The children the record cannot give, found first, so that a failure
     * leaves nothing half read. */
    size_t others = 0;
    for (size_t i = 0; i < sp->count; i++)
        others += i != j && sp->items[i].kind == AMP_SPLICE_OTHER;
    TSNode *found = others ? malloc(others * sizeof *found) : NULL;
    if (others && !found)
        return false;
    for (size_t i = 0, o = 0; i < sp->count; i++) {
        if (i == j || sp->items[i].kind != AMP_SPLICE_OTHER)
            continue;
        found[o] = child_at(n, (uint32_t)(sp->items[i].start + (i > j ? delta : 0)));
        if (ts_node_is_null(found[o++])) {
            free(found);
            return false;
        }
    }
    amp_splice *rec = splice_new(b, f, n, sp->count);
    /* prev's record stays valid: rec is this build's (a new array). */
    for (size_t i = 0, o = 0; i < sp->count; i++) {
        const amp_splice_item *y = &sp->items[i];
        int64_t d = i > j ? delta : 0;
        amp_splice_item *item = rec ? &rec->items[i] : NULL;
        splice_ahead(b, sp, i);
        if (i == j) {
            object_child(b, f, pair, NULL, obj, NULL, rec, item);
        } else if (y->kind == AMP_SPLICE_OTHER) {
            object_child(b, f, found[o++], NULL, obj, NULL, rec, item);
        } else if (y->kind == AMP_SPLICE_COMMENT) {
            if (item) {
                *item = *y;
                item->start = (uint32_t)(y->start + d);
                item->end = (uint32_t)(y->end + d);
            }
        } else if (!splice_take(b, f, obj, y, d, rec, item)) {
            /* Its entry no longer holds: read it from the tree. */
            TSNode c = child_at(n, (uint32_t)(y->start + d));
            if (ts_node_is_null(c))
                obj->open = true; /* not met: the tree agreed at both ends */
            else
                object_child(b, f, c, NULL, obj, NULL, rec, item);
        }
    }
    free(found);
    b->m->spliced_count++;
    return true;
}

static const amp_value *eval_object(amp_builder *b, uint32_t f, TSNode n, const amp_scope *scope)
{
    amp_value *obj = new_value(b, AMP_VAL_OBJECT, f, n);
    if (!obj)
        return amp_eval_unknown(b, f, n);
    if (!scope && splice_object(b, f, n, obj))
        return obj;
    uint32_t count;
    TSNode *children = named_children(n, &count);
    /* An object outside functions with many pairs (a schema) whose last
     * build noted its pairs: read ahead. */
    ahead_pair ring[2 * AMP_AHEAD];
    bool ahead = !scope && count > AMP_AHEAD && b->prev && b->prev->pair_ids &&
                 b->prev->pair_ids->cap && !b->notes_off && b->import_sig;
    for (uint32_t i = 0; ahead && i < 2 * AMP_AHEAD; i++)
        ring[i].index = UINT32_MAX;
    amp_splice *rec = !scope && b->recording == 0 && b->import_sig && count >= AMP_SPLICE_MIN
                          ? splice_new(b, f, n, count)
                          : NULL;
    for (uint32_t i = 0; i < count; i++) {
        const ahead_pair *seen = NULL;
        if (ahead) {
            read_ahead(b, children, count, i, ring);
            seen = ring[i % (2 * AMP_AHEAD)].index == i ? &ring[i % (2 * AMP_AHEAD)] : NULL;
        }
        object_child(b, f, children[i], scope, obj, seen, rec, rec ? &rec->items[i] : NULL);
    }
    free(children);
    return obj;
}

static void add_item(amp_builder *b, amp_value *arr, const amp_value *item)
{
    const amp_value **slot = amp_push(b->a, (void **)&arr->items, &arr->item_count, sizeof *slot);
    if (slot)
        *slot = item;
}

static const amp_value *eval_array(amp_builder *b, uint32_t f, TSNode n, const amp_scope *scope)
{
    amp_value *arr = new_value(b, AMP_VAL_ARRAY, f, n);
    if (!arr)
        return amp_eval_unknown(b, f, n);
    uint32_t count;
    TSNode *children = named_children(n, &count);
    for (uint32_t i = 0; i < count; i++) {
        TSNode c = children[i];
        if (is_type(c, "comment"))
            continue;
        if (is_type(c, "spread_element")) {
            const amp_value *s = amp_eval(b, f, ts_node_named_child(c, 0), scope);
            if (s && s->kind == AMP_VAL_ARRAY) {
                for (size_t j = 0; j < s->item_count; j++)
                    add_item(b, arr, s->items[j]);
                arr->open |= s->open;
            } else {
                arr->open = true;
            }
            continue;
        }
        add_item(b, arr, amp_eval(b, f, c, scope));
    }
    free(children);
    return arr;
}

/* The expression an arrow function or function returns: its expression
 * body, or the first `return` directly in its block. */
static TSNode returned_expression(amp_builder *b, TSNode fn)
{
    TSNode body = field(fn, body);
    if (!is_type(body, "statement_block"))
        return body;
    uint32_t n = ts_node_named_child_count(body);
    for (uint32_t i = 0; i < n; i++) {
        TSNode s = ts_node_named_child(body, i);
        if (is_type(s, "return_statement"))
            return ts_node_named_child(s, 0);
    }
    TSNode none = {0};
    return none;
}

static const amp_value *eval_function(amp_builder *b, uint32_t f, TSNode n, const amp_scope *scope)
{
    static const char *roles[] = {"$0", "$1", "$2", "$3"};
    amp_value *fn = new_value(b, AMP_VAL_FUNCTION, f, n);
    if (!fn)
        return amp_eval_unknown(b, f, n);
    amp_scope frames[4];
    const amp_scope *inner = scope;
    TSNode single = field(n, parameter);
    TSNode params = field(n, parameters);
    uint32_t count = 0;
    if (is_type(single, "identifier")) {
        frames[0] =
            (amp_scope){text_of(b, f, single), builtin_value(b, f, single, roles[0]), inner};
        inner = &frames[0];
        count = 1;
    } else if (!ts_node_is_null(params)) {
        uint32_t k = ts_node_named_child_count(params);
        for (uint32_t i = 0; i < k && count < 4; i++) {
            TSNode p = ts_node_named_child(params, i);
            TSNode pat = field(p, pattern);
            if (is_type(pat, "identifier")) {
                frames[count] =
                    (amp_scope){text_of(b, f, pat), builtin_value(b, f, pat, roles[count]), inner};
                inner = &frames[count];
            }
            count++;
        }
    }
    fn->param_count = count;
    TSNode ret = returned_expression(b, n);
    if (!ts_node_is_null(ret))
        fn->body = amp_eval(b, f, ret, inner);
    return fn;
}

/* Evaluates argument nodes into an arena array. */
static void eval_args(amp_builder *b, uint32_t f, TSNode args, const amp_scope *scope,
                      const amp_value ***out, size_t *count)
{
    *out = NULL;
    *count = 0;
    uint32_t n;
    TSNode *children = named_children(args, &n);
    for (uint32_t i = 0; i < n; i++) {
        TSNode c = children[i];
        if (is_type(c, "comment"))
            continue;
        const amp_value **slot = amp_push(b->a, (void **)out, count, sizeof *slot);
        if (slot)
            *slot = amp_eval(b, f, c, scope);
    }
    free(children);
}

static bool is_root_path(const char *path)
{
    return strncmp(path, "define", 6) == 0 || strcmp(path, "secret") == 0 ||
           strcmp(path, "referenceAuth") == 0 || strcmp(path, "a.schema") == 0 ||
           strcmp(path, "a.combine") == 0 || strcmp(path, "configure") == 0;
}

static void add_root(amp_builder *b, const amp_value *v)
{
    b->impure++; /* a cloned entry would not record it */
    for (size_t i = 0; i < b->root_count; i++)
        if (b->roots[i]->callee_loc.file == v->callee_loc.file &&
            b->roots[i]->callee_loc.start == v->callee_loc.start) {
            b->roots[i] = v; /* the longer chain of the same base call */
            return;
        }
    const amp_value **slot = amp_push(b->a, (void **)&b->roots, &b->root_count, sizeof *slot);
    if (slot)
        *slot = v;
}

/* Applies one call (callee member property or plain callee) to the value
 * the chain has so far. `owned` is the value this chain created last: only
 * that one may be extended in place (any other may be shared, e.g. a
 * memoised const), which keeps a chain of n calls linear, not quadratic. */
static const amp_value *apply_call(amp_builder *b, uint32_t f, TSNode call, const amp_value *so_far,
                                   TSNode property, const amp_scope *scope, amp_value *owned)
{
    TSNode args = last_child(call); /* the arguments (or a template string) */
    if (so_far->kind == AMP_VAL_BUILTIN) {
        amp_value *v = new_value(b, AMP_VAL_CALL, f, call);
        if (!v)
            return so_far;
        if (ts_node_is_null(property)) {
            v->str = so_far->str;
        } else {
            const char *p = text_of(b, f, property);
            size_t n = strlen(so_far->str) + strlen(p) + 2;
            char *path = amp_arena_alloc(b->a, n);
            if (path)
                snprintf(path, n, "%s.%s", so_far->str, p);
            v->str = path;
        }
        v->callee_loc = so_far->loc;
        v->callee_loc.end =
            ts_node_end_byte(ts_node_is_null(property) ? first_child(call) : property);
        eval_args(b, f, args, scope, (const amp_value ***)&v->items, &v->item_count);
        return v;
    }
    if (so_far->kind == AMP_VAL_CALL && !ts_node_is_null(property)) {
        amp_value *v = owned;
        if (so_far != owned) {
            v = amp_arena_alloc(b->a, sizeof *v);
            if (!v)
                return so_far;
            *v = *so_far;
            v->binding = -1;
            v->methods =
                so_far->method_count
                    ? amp_arena_grow(b->a, so_far->methods, so_far->method_count,
                                     push_capacity(so_far->method_count), sizeof *v->methods)
                    : NULL;
            if (so_far->method_count && !v->methods)
                return so_far;
        }
        uint32_t end = ts_node_end_byte(call);
        if (v->loc.file != f || v->loc.start > end) {
            /* Chained on in another file (`schema.authorization(...)` on
             * an imported schema): the chain is this file's, which is how
             * a rebuild learns to evaluate this file with the base's. Or
             * on a const declared after the chain (a duplicate `const`):
             * the range starts at the chain, never after its end. */
            v->loc.file = f;
            v->loc.start = ts_node_start_byte(call);
        }
        v->loc.end = end;
        amp_method *m = amp_push(b->a, (void **)&v->methods, &v->method_count, sizeof *m);
        if (!m)
            return v;
        m->name = text_of(b, f, property);
        m->name_loc = loc_of(f, property);
        m->loc = m->name_loc;
        m->loc.end = ts_node_end_byte(call);
        eval_args(b, f, args, scope, (const amp_value ***)&m->args, &m->arg_count);
        return v;
    }
    return amp_eval_unknown(b, f, call);
}

/* Evaluates a call chain along its spine without recursion. */
static const amp_value *eval_chain(amp_builder *b, uint32_t f, TSNode n, const amp_scope *scope)
{
    TSNode *spine = NULL;
    size_t count = 0;
    TSNode cur = n;
    for (;;) {
        cur = strip(b, cur);
        if (node_class(b, cur) != AMP_NC_CALL)
            break;
        TSNode fn = strip(b, first_child(cur));
        if (ts_node_is_null(fn))
            break;
        TSNode *slot = amp_push(b->a, (void **)&spine, &count, sizeof *slot);
        if (!slot)
            break;
        *slot = cur;
        if (node_class(b, fn) != AMP_NC_MEMBER) {
            cur = fn;
            break;
        }
        cur = first_child(fn); /* the object */
    }
    const amp_value *v = count ? amp_eval(b, f, cur, scope) : amp_eval_unknown(b, f, n);
    amp_value *owned = NULL;
    for (size_t i = count; i-- > 0 && v;) {
        TSNode fn = strip(b, first_child(spine[i]));
        bool member = node_class(b, fn) == AMP_NC_MEMBER;
        TSNode prop = member ? last_child(fn) : (TSNode){0};
        if (member && !is_type(prop, "property_identifier")) {
            v = amp_eval_unknown(b, f, spine[i]);
            continue;
        }
        const amp_value *next = apply_call(b, f, spine[i], v, prop, scope, owned);
        if (next != v && next->kind == AMP_VAL_CALL)
            owned = (amp_value *)next;
        v = next;
    }
    if (v && v->kind == AMP_VAL_CALL && v->str && is_root_path(v->str))
        add_root(b, v);
    return v;
}

static const amp_value *eval_member(amp_builder *b, uint32_t f, TSNode n, const amp_scope *scope)
{
    TSNode prop = last_child(n);
    const amp_value *obj = amp_eval(b, f, first_child(n), scope);
    if (!obj || !is_type(prop, "property_identifier"))
        return amp_eval_unknown(b, f, n);
    const char *p = text_of(b, f, prop);
    if (obj->kind == AMP_VAL_BUILTIN && p) {
        size_t len = strlen(obj->str) + strlen(p) + 2;
        char *path = amp_arena_alloc(b->a, len);
        if (path)
            snprintf(path, len, "%s.%s", strcmp(obj->str, "*") == 0 ? "" : obj->str, p);
        return builtin_value(b, f, n, path && path[0] == '.' ? path + 1 : path);
    }
    if (obj->kind == AMP_VAL_OBJECT && p) {
        const amp_prop *found = amp_value_prop(obj, p);
        if (found) {
            add_site(b, AMP_SITE_USE, f, prop, found->value, false);
            return found->value;
        }
    }
    return amp_eval_unknown(b, f, n);
}

/* Constant arithmetic on numbers (60 * 5) and concatenation of string
 * literals ('a' + 'b'); anything else is a TEMPLATE (a value not known). */
static const amp_value *eval_binary(amp_builder *b, uint32_t f, TSNode n, const amp_scope *scope)
{
    TSNode op = field(n, operator);
    const amp_value *l = amp_eval(b, f, field(n, left), scope);
    const amp_value *r = amp_eval(b, f, field(n, right), scope);
    const char *o = ts_node_is_null(op) ? "" : ts_node_type(op);
    if (l->kind == AMP_VAL_NUMBER && r->kind == AMP_VAL_NUMBER && o[0] && !o[1]) {
        double x = l->num, y = r->num, z;
        switch (o[0]) {
        case '+':
            z = x + y;
            break;
        case '-':
            z = x - y;
            break;
        case '*':
            z = x * y;
            break;
        case '/':
            if (y == 0)
                goto unknown;
            z = x / y;
            break;
        default:
            goto unknown;
        }
        amp_value *v = new_value(b, AMP_VAL_NUMBER, f, n);
        if (v)
            v->num = z;
        return v;
    }
    if (l->kind == AMP_VAL_STRING && r->kind == AMP_VAL_STRING && strcmp(o, "+") == 0) {
        amp_value *v = new_value(b, AMP_VAL_STRING, f, n);
        size_t ln = strlen(l->str), rn = strlen(r->str);
        char *s = v ? amp_arena_alloc(b->a, ln + rn + 1) : NULL;
        if (!s)
            return v;
        memcpy(s, l->str, ln);
        memcpy(s + ln, r->str, rn + 1);
        v->str = s;
        return v;
    }
unknown:
    return new_value(b, AMP_VAL_TEMPLATE, f, n);
}

const amp_value *amp_eval(amp_builder *b, uint32_t f, TSNode node, const amp_scope *scope)
{
    TSNode n = strip(b, node);
    if (ts_node_is_null(n))
        return amp_eval_unknown(b, f, node);
    if (b->depth > b->peak)
        b->peak = b->depth;
    if (b->depth >= AMP_EVAL_MAX_DEPTH || b->steps++ >= AMP_EVAL_MAX_STEPS)
        return amp_eval_unknown(b, f, n);
    b->depth++;
    const amp_value *v;
    switch (node_class(b, n)) {
    case AMP_NC_STRING:
        v = eval_string(b, f, n);
        break;
    case AMP_NC_TEMPLATE_STRING:
        v = eval_template(b, f, n);
        break;
    case AMP_NC_NUMBER:
        v = eval_number(b, f, n);
        break;
    case AMP_NC_TRUE:
    case AMP_NC_FALSE: {
        amp_value *bv = new_value(b, AMP_VAL_BOOL, f, n);
        if (bv)
            bv->b = node_class(b, n) == AMP_NC_TRUE;
        v = bv;
        break;
    }
    case AMP_NC_NULL:
        v = new_value(b, AMP_VAL_NULL, f, n);
        break;
    case AMP_NC_UNDEFINED:
        v = new_value(b, AMP_VAL_UNDEFINED, f, n);
        break;
    case AMP_NC_OBJECT:
        v = eval_object(b, f, n, scope);
        break;
    case AMP_NC_ARRAY:
        v = eval_array(b, f, n, scope);
        break;
    case AMP_NC_IDENTIFIER:
        v = eval_identifier(b, f, n, scope);
        break;
    case AMP_NC_MEMBER:
        v = eval_member(b, f, n, scope);
        break;
    case AMP_NC_CALL:
        v = eval_chain(b, f, n, scope);
        break;
    case AMP_NC_FUNCTION:
        v = eval_function(b, f, n, scope);
        break;
    case AMP_NC_BINARY:
        v = eval_binary(b, f, n, scope);
        break;
    case AMP_NC_TEMPLATE_LITERAL:
        v = new_value(b, AMP_VAL_TEMPLATE, f, n);
        break;
    default:
        v = amp_eval_unknown(b, f, n);
        break;
    }
    b->depth--;
    return v ? v : amp_eval_unknown(b, f, n);
}

/* Recovery for a file cut off inside a schema (typing at the end of the
 * file): tree-sitter then leaves one ERROR node holding `a.schema` and the
 * schema's `key: value` pairs as loose children. Those pairs are read as a
 * partial a.schema({...}) so the types typed so far stay known. */
static void recover_schema(amp_builder *b, uint32_t f, TSNode error)
{
    uint32_t n = ts_node_named_child_count(error);
    amp_value *schema = NULL, *obj = NULL;
    for (uint32_t i = 0; i < n; i++) {
        TSNode c = ts_node_named_child(error, i);
        if (!schema && (is_type(c, "member_expression") || is_type(c, "identifier"))) {
            const amp_value *v = amp_eval(b, f, c, NULL);
            if (v->kind == AMP_VAL_BUILTIN && strcmp(v->str, "a.schema") == 0) {
                schema = new_value(b, AMP_VAL_CALL, f, error);
                obj = new_value(b, AMP_VAL_OBJECT, f, error);
                if (!schema || !obj)
                    return;
                schema->str = "a.schema";
                schema->callee_loc = v->loc;
                obj->open = true;
                add_item(b, schema, obj);
            }
        } else if (obj && is_type(c, "pair")) {
            TSNode key = field(c, key);
            const char *k = key_text(b, f, key);
            if (k)
                add_prop(b, obj, k, loc_of(f, key), amp_eval(b, f, field(c, value), NULL));
        }
    }
    if (schema)
        add_root(b, schema);
}

/* Records the name sites of import and export specifiers (`import { fn }`,
 * `import { fn as f }`, `export { fn as g } from`), resolving each binding. */
static void record_specifiers(amp_builder *b, uint32_t f, const amp_strmap *map)
{
    size_t pos = 0;
    const char *key;
    void *value;
    while (amp_strmap_next(map, &pos, &key, &value)) {
        amp_binding *bind = value;
        if ((bind->kind != AMP_BIND_IMPORT && bind->kind != AMP_BIND_LOCAL) || bind->builtin ||
            ts_node_is_null(bind->name_node))
            continue;
        const amp_value *v = eval_binding(b, f, bind, key, 0);
        TSNode spec = bind->name_node;
        if (is_type(spec, "identifier")) {
            add_site(b, AMP_SITE_IMPORT, f, spec, v, false);
            continue;
        }
        TSNode name = field(spec, name), alias = field(spec, alias);
        add_site(b, AMP_SITE_IMPORT, f, name, v, false);
        if (!ts_node_is_null(alias))
            add_site(b, AMP_SITE_IMPORT, f, alias, v, false);
    }
}

/* Holds the entries of the files whose values this build reuses (skip):
 * their values are prev's, unmoved, so their types are too (read_type
 * copies them instead of reading every type of those files again). */
static void hold_reused(amp_builder *b, const bool *skip)
{
    if (!skip || !held_room(b, b->held_count + b->m->entries.count))
        return;
    size_t pos = 0;
    const char *key;
    void *value;
    while (amp_strmap_next(&b->m->entries, &pos, &key, &value))
        for (amp_entry *entry = value; entry; entry = entry->next)
            if (entry->own.head && entry->file < b->file_count && skip[entry->file])
                hold_entry(b, entry);
}

void amp_eval_all(amp_builder *b, const bool *skip)
{
    b->reuse = skip;
    for (uint32_t f = 0; f < b->file_count; f++) {
        if (!b->files[f].tree || (skip && skip[f]))
            continue;
        /* Declarations through their memo, so their values are shared. */
        size_t pos = 0;
        const char *key;
        void *value;
        while (amp_strmap_next(&b->files[f].ix->locals, &pos, &key, &value)) {
            amp_binding *bind = value;
            if (bind->kind == AMP_BIND_NODE)
                eval_node_memo(b, f, bind->node, bind->name_node);
        }
        pos = 0;
        while (amp_strmap_next(&b->files[f].ix->exports, &pos, &key, &value)) {
            amp_binding *bind = value;
            if (bind->kind == AMP_BIND_NODE)
                eval_node_memo(b, f, bind->node, bind->name_node);
        }
        TSNode root = ts_tree_root_node(b->files[f].tree);
        uint32_t n = ts_node_named_child_count(root);
        for (uint32_t i = 0; i < n; i++) {
            TSNode stmt = ts_node_named_child(root, i);
            if (is_type(stmt, "expression_statement"))
                amp_eval(b, f, ts_node_named_child(stmt, 0), NULL);
            else if (ts_node_symbol(stmt) == (TSSymbol)-1) /* ERROR */
                recover_schema(b, f, stmt);
        }
    }
    for (uint32_t f = 0; f < b->file_count; f++) {
        if (skip && skip[f])
            continue;
        record_specifiers(b, f, &b->files[f].ix->locals);
        record_specifiers(b, f, &b->files[f].ix->exports);
    }
    hold_reused(b, skip);
}
