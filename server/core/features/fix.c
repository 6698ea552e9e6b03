/*
 * fix.c: the quick-fix entry point, did-you-mean, and the editing helpers
 * the fixes share (see amp_fix.h, fix_internal.h).
 *
 * Fixes edit source text, so the helpers read it with the completion lexer
 * (complete_lex.c): literals, chains and import lists are found by their
 * tokens, which keeps comments and strings out of the way.
 */
#include "fix_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "complete_internal.h"
#include "nav_internal.h"

/* ---- text ------------------------------------------------------------------ */

const char *fix_text(const fix_ctx *c, amp_loc loc, uint32_t *len)
{
    if (loc.file >= c->file_count || !c->texts[loc.file])
        return NULL;
    const amp_text *t = c->texts[loc.file];
    if (loc.start > loc.end || loc.end > t->len)
        return NULL;
    *len = loc.end - loc.start;
    return t->bytes + loc.start;
}

bool fix_loc_eq(amp_loc a, amp_loc b)
{
    return a.file == b.file && a.start == b.start && a.end == b.end;
}

amp_loc fix_unquote(const fix_ctx *c, amp_loc loc)
{
    uint32_t n = 0;
    const char *p = fix_text(c, loc, &n);
    if (p && n >= 2 && (p[0] == '\'' || p[0] == '"' || p[0] == '`') && p[n - 1] == p[0]) {
        loc.start++;
        loc.end--;
    }
    return loc;
}

const char *fix_quoted_after(fix_ctx *c, const char *msg, const char *lead)
{
    const char *p = msg ? strstr(msg, lead) : NULL;
    if (!p)
        return NULL;
    p += strlen(lead);
    const char *q = strchr(p, '\'');
    return q && q > p ? amp_arena_strndup(&c->set->arena, p, (size_t)(q - p)) : NULL;
}

const char *fix_printf(fix_ctx *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *out = n >= 0 ? amp_arena_alloc(&c->set->arena, (size_t)n + 1) : NULL;
    if (!out) {
        c->failed = true;
        return NULL;
    }
    va_start(ap, fmt);
    vsnprintf(out, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return out;
}

/* The start of the line holding offset of file. */
static uint32_t line_start(const fix_ctx *c, uint32_t file, uint32_t offset)
{
    const char *s = c->texts[file]->bytes;
    while (offset > 0 && s[offset - 1] != '\n' && s[offset - 1] != '\r')
        offset--;
    return offset;
}

/* The spaces and tabs that start the line holding offset (arena). */
static const char *indent_at(fix_ctx *c, uint32_t file, uint32_t offset)
{
    const char *s = c->texts[file]->bytes;
    uint32_t a = line_start(c, file, offset), b = a;
    while (s[b] == ' ' || s[b] == '\t')
        b++;
    return amp_arena_strndup(&c->set->arena, s + a, b - a);
}

static bool newline_between(const fix_ctx *c, uint32_t file, uint32_t a, uint32_t b)
{
    const char *s = c->texts[file]->bytes;
    for (uint32_t i = a; i < b; i++)
        if (s[i] == '\n' || s[i] == '\r')
            return true;
    return false;
}

const char *fix_param_name(fix_ctx *c, amp_loc loc)
{
    uint32_t n = 0;
    const char *p = fix_text(c, loc, &n);
    if (!p)
        return NULL;
    cx_lexer lx;
    cx_lex_init(&lx, p, n);
    for (cx_tok t = cx_lex_next(&lx); t.kind != CX_TK_EOF; t = cx_lex_next(&lx)) {
        if (t.kind == CX_TK_IDENT && !cx_tok_is(p, &t, "async") && !cx_tok_is(p, &t, "function"))
            return amp_arena_strndup(&c->set->arena, p + t.start, t.end - t.start);
        if (t.kind == CX_TK_PUNCT && t.p != '(')
            return NULL;
    }
    return NULL;
}

void fix_name_param(fix_ctx *c, amp_loc loc, const char *name)
{
    uint32_t n = 0;
    const char *p = fix_text(c, loc, &n);
    if (!p) {
        c->failed = true;
        return;
    }
    cx_lexer lx;
    cx_lex_init(&lx, p, n);
    cx_tok t = cx_lex_next(&lx);
    while (t.kind == CX_TK_IDENT && (cx_tok_is(p, &t, "async") || cx_tok_is(p, &t, "function")))
        t = cx_lex_next(&lx);
    cx_tok close = cx_lex_next(&lx);
    if (t.kind != CX_TK_PUNCT || t.p != '(' || close.kind != CX_TK_PUNCT || close.p != ')') {
        c->failed = true; /* a parameter already, or not a function: leave it */
        return;
    }
    amp_loc parens = {loc.file, loc.start + t.start, loc.start + close.end};
    fix_edit(c, parens, fix_printf(c, "(%s)", name));
}

/* ---- edits ----------------------------------------------------------------- */

void fix_edit(fix_ctx *c, amp_loc loc, const char *text)
{
    uint32_t n;
    if (!text || !fix_text(c, loc, &n)) {
        c->failed = true;
        return;
    }
    amp_fix_edit *e = nav_push(&c->set->arena, (void **)&c->edits, &c->edit_count, sizeof *e);
    const char *copy = amp_arena_strndup(&c->set->arena, text, strlen(text));
    if (!e || !copy) {
        c->failed = true;
        return;
    }
    e->loc = loc;
    e->text = copy;
}

void fix_insert(fix_ctx *c, uint32_t file, uint32_t at, const char *text)
{
    amp_loc loc = {file, at, at};
    fix_edit(c, loc, text);
}

/* Orders edits by file and start, insertions in the order they were made. */
static void sort_edits(amp_fix_edit *e, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        amp_fix_edit x = e[i];
        size_t j = i;
        while (j > 0 && (e[j - 1].loc.file > x.loc.file ||
                         (e[j - 1].loc.file == x.loc.file && e[j - 1].loc.start > x.loc.start))) {
            e[j] = e[j - 1];
            j--;
        }
        e[j] = x;
    }
}

void fix_done(fix_ctx *c, const char *title, bool preferred)
{
    sort_edits(c->edits, c->edit_count);
    bool ok = !c->failed && c->edit_count > 0 && title;
    for (size_t i = 1; ok && i < c->edit_count; i++)
        if (c->edits[i].loc.file == c->edits[i - 1].loc.file &&
            c->edits[i].loc.start < c->edits[i - 1].loc.end)
            ok = false;
    amp_fix *f =
        ok ? nav_push(&c->set->arena, (void **)&c->set->fixes, &c->set->count, sizeof *f) : NULL;
    if (f) {
        f->title = title;
        f->diag = c->diag;
        f->preferred = preferred;
        f->edits = c->edits;
        f->edit_count = c->edit_count;
    }
    c->edits = NULL;
    c->edit_count = 0;
    c->failed = false;
}

/* ---- objects, arrays and chains -------------------------------------------- */

/* The shape of an object or array literal, read with the lexer. */
typedef struct literal_shape {
    uint32_t open_end;   /* after the opening bracket */
    uint32_t close;      /* the closing bracket */
    uint32_t last_start; /* the last element's first token (0: none) */
    uint32_t last_end;   /* the end of its last token, or of a trailing comma */
    uint32_t note_end;   /* the end of a comment on the last element's line, after it (0: none) */
    bool any;            /* there is an element */
    bool trailing;       /* the last element is followed by a comma */
} literal_shape;

static bool read_literal(const fix_ctx *c, amp_loc loc, literal_shape *out)
{
    uint32_t n = 0;
    const char *p = fix_text(c, loc, &n);
    if (!p || n < 2 || (p[0] != '{' && p[0] != '[') || p[n - 1] != (p[0] == '{' ? '}' : ']'))
        return false;
    memset(out, 0, sizeof *out);
    cx_lexer lx;
    cx_lex_init(&lx, p, n);
    int depth = 0;
    bool elem_open = false;
    for (cx_tok t = cx_lex_next(&lx); t.kind != CX_TK_EOF; t = cx_lex_next(&lx)) {
        if (t.kind == CX_TK_COMMENT) {
            /* `a, // note`: the note stays with a when elements follow. */
            if (depth == 1 && out->any && !out->note_end &&
                !memchr(p + (out->last_end - loc.start), '\n',
                        t.start - (out->last_end - loc.start)))
                out->note_end = loc.start + t.end;
            continue;
        }
        bool opens =
            t.kind == CX_TK_PUNCT && (t.p == '{' || t.p == '[' || t.p == '(' || t.p == CX_P_TOPEN);
        bool closes =
            t.kind == CX_TK_PUNCT && (t.p == '}' || t.p == ']' || t.p == ')' || t.p == CX_P_TCLOSE);
        if (depth == 0) {
            if (!opens)
                return false;
            depth = 1;
            out->open_end = loc.start + t.end;
            continue;
        }
        if (closes && depth == 1) {
            out->close = loc.start + t.start;
            return t.end == n;
        }
        if (depth == 1)
            out->note_end = 0; /* another element or comma follows the comment */
        if (depth == 1 && t.kind == CX_TK_PUNCT && t.p == ',') {
            out->trailing = true;
            out->last_end = loc.start + t.end;
            elem_open = false;
            continue;
        }
        if (depth == 1 && !elem_open) {
            out->last_start = loc.start + t.start;
            out->any = true;
            out->trailing = false;
            elem_open = true;
        }
        out->last_end = loc.start + t.end;
        depth += opens ? 1 : closes ? -1 : 0;
    }
    return false;
}

void fix_append_elements(fix_ctx *c, amp_loc loc, const char *const *elements, size_t n)
{
    literal_shape sh;
    if (n == 0 || !read_literal(c, loc, &sh)) {
        c->failed = true;
        return;
    }
    nav_buf b = {0};
    if (!sh.any) {
        bool lines = newline_between(c, loc.file, sh.open_end, sh.close);
        const char *ind = indent_at(c, loc.file, sh.open_end);
        const char *pad = c->texts[loc.file]->bytes[loc.start] == '{' ? " " : ""; /* { a }, [a] */
        for (size_t i = 0; i < n; i++) {
            if (lines)
                nav_buf_printf(&b, "\n%s  %s,", ind ? ind : "", elements[i]);
            else
                nav_buf_printf(&b, "%s%s", i ? ", " : pad, elements[i]);
        }
        if (!lines)
            nav_buf_add(&b, pad);
        const char *text = nav_buf_done(&b, &c->set->arena);
        amp_loc inside = {loc.file, sh.open_end, lines ? sh.open_end : sh.close};
        fix_edit(c, inside, text);
        return;
    }
    bool lines = newline_between(c, loc.file, sh.last_end, sh.close);
    const char *ind = lines ? indent_at(c, loc.file, sh.last_start) : "";
    uint32_t at = sh.last_end;
    if (!sh.trailing && lines && sh.note_end) {
        fix_insert(c, loc.file, sh.last_end, ",");
        at = sh.note_end;
    } else if (!sh.trailing) {
        nav_buf_add(&b, ",");
    } else if (lines && sh.note_end) {
        at = sh.note_end;
    }
    for (size_t i = 0; i < n; i++) {
        bool comma = sh.trailing || i + 1 < n;
        if (lines)
            nav_buf_printf(&b, "\n%s%s%s", ind ? ind : "", elements[i], comma ? "," : "");
        else
            nav_buf_printf(&b, " %s%s", elements[i], sh.trailing ? "," : i + 1 < n ? "," : "");
    }
    fix_insert(c, loc.file, at, nav_buf_done(&b, &c->set->arena));
}

void fix_append_method(fix_ctx *c, const amp_value *v, const char *method)
{
    if (!v || v->kind != AMP_VAL_CALL || v->loc.file >= c->m->file_count) {
        c->failed = true;
        return;
    }
    uint32_t file = v->loc.file;
    if (v->method_count > 0) {
        const amp_method *last = &v->methods[v->method_count - 1];
        const char *s = c->texts[file]->bytes;
        uint32_t a = line_start(c, file, last->name_loc.start), b = a;
        while (s[b] == ' ' || s[b] == '\t')
            b++;
        if (s[b] == '.' || (s[b] == '?' && s[b + 1] == '.')) {
            const char *ind = indent_at(c, file, a);
            fix_insert(c, file, v->loc.end, fix_printf(c, "\n%s%s", ind ? ind : "", method));
            return;
        }
    }
    fix_insert(c, file, v->loc.end, method);
}

/* ---- imports --------------------------------------------------------------- */

/* One import declaration at the top level of a file. */
typedef struct import_decl {
    uint32_t end;                      /* after its `;`, or its module string */
    bool type_only;                    /* import type { ... } */
    bool has_braces;                   /* import { ... } from */
    uint32_t brace_start, brace_end;   /* the braces (offsets in the file) */
    uint32_t module_start, module_end; /* the module string's content */
    bool names_it;                     /* the braces name the looked-for name */
} import_decl;

/* Reads the import declaration after the `import` keyword; false when it is
 * not one (an import() call, import.meta). */
static bool read_import(cx_lexer *lx, const char *name, import_decl *out)
{
    memset(out, 0, sizeof *out);
    const char *s = lx->s;
    cx_tok t = cx_lex_next(lx);
    if (t.kind == CX_TK_PUNCT && (t.p == '(' || t.p == '.'))
        return false;
    if (cx_tok_is(s, &t, "type")) {
        out->type_only = true;
        t = cx_lex_next(lx);
    }
    for (int guard = 0; t.kind != CX_TK_EOF && guard < 4096; guard++) {
        if (t.kind == CX_TK_STRING) {
            out->module_start = t.start + 1;
            out->module_end = t.end > t.start + 1 ? t.end - 1 : t.end;
            out->end = t.end;
            cx_lexer peek = *lx;
            cx_tok semi = cx_lex_next(&peek);
            if (semi.kind == CX_TK_PUNCT && semi.p == ';') {
                *lx = peek;
                out->end = semi.end;
            }
            return true;
        }
        if (t.kind == CX_TK_PUNCT && t.p == '{') {
            out->has_braces = true;
            out->brace_start = t.start;
        } else if (t.kind == CX_TK_PUNCT && t.p == '}') {
            out->brace_end = t.end;
        } else if (out->has_braces && !out->brace_end && cx_tok_is(s, &t, name)) {
            out->names_it = true;
        }
        t = cx_lex_next(lx);
    }
    return false;
}

void fix_import(fix_ctx *c, uint32_t file, const char *name, const char *module)
{
    if (file >= c->m->file_count || !c->texts[file]) {
        c->failed = true;
        return;
    }
    const amp_text *text = c->texts[file];
    cx_lexer lx;
    cx_lex_init(&lx, text->bytes, text->len);
    uint32_t after_last = 0;
    bool any = false;
    import_decl into = {0};
    size_t mlen = strlen(module);
    for (cx_tok t = cx_lex_next(&lx); t.kind != CX_TK_EOF; t = cx_lex_next(&lx)) {
        if (lx.braces != 0 || !cx_tok_is(text->bytes, &t, "import"))
            continue;
        import_decl d;
        if (!read_import(&lx, name, &d))
            continue;
        any = true;
        after_last = d.end;
        bool same = d.module_end - d.module_start == mlen &&
                    memcmp(text->bytes + d.module_start, module, mlen) == 0;
        if (same && !d.type_only && d.names_it)
            return;
        if (same && !d.type_only && d.has_braces && d.brace_end && !into.has_braces)
            into = d;
    }
    if (into.has_braces) {
        amp_loc braces = {file, into.brace_start, into.brace_end};
        fix_append_elements(c, braces, &name, 1);
    } else if (any) {
        fix_insert(c, file, after_last, fix_printf(c, "\nimport { %s } from '%s';", name, module));
    } else {
        fix_insert(c, file, 0, fix_printf(c, "import { %s } from '%s';\n", name, module));
    }
}

/* ---- names and modules ----------------------------------------------------- */

/* One name of an export clause at the top level of a file:
 * `export { name }`, `export { name as out }`, the same with `from '...'`
 * (a re-export, which binds no name in the file). */
typedef struct export_spec {
    uint32_t name_start, name_end; /* the name in the specifier (offsets in the file) */
    uint32_t out_start, out_end;   /* the name it is exported as (the alias, or the name) */
    uint32_t clause_start;         /* the clause's `{` ... */
    uint32_t clause_end;           /* ... and after its `}` */
} export_spec;

/* The next token that is not a comment. */
static cx_tok next_code(cx_lexer *lx)
{
    cx_tok t = cx_lex_next(lx);
    while (t.kind == CX_TK_COMMENT)
        t = cx_lex_next(lx);
    return t;
}

static bool is_punct(cx_tok t, int p)
{
    return t.kind == CX_TK_PUNCT && t.p == p;
}

/* Reads the specifiers of the export clause whose `{` (at open) was just
 * read, up to its `}`, appending them to *specs (arena); type-only names
 * are left out. */
static void read_export_clause(const fix_ctx *c, cx_lexer *lx, uint32_t open, export_spec **specs,
                               size_t *count)
{
    const char *s = lx->s;
    size_t first = *count;
    cx_tok t = next_code(lx);
    for (int guard = 0; t.kind == CX_TK_IDENT && guard < 4096; guard++) {
        cx_tok name = t;
        t = next_code(lx);
        bool type_only =
            cx_tok_is(s, &name, "type") && t.kind == CX_TK_IDENT && !cx_tok_is(s, &t, "as");
        if (type_only) { /* `type X`: not a value */
            name = t;
            t = next_code(lx);
        }
        cx_tok out = name;
        if (t.kind == CX_TK_IDENT && cx_tok_is(s, &t, "as")) {
            out = next_code(lx);
            t = next_code(lx);
        }
        export_spec *e = !type_only && out.kind == CX_TK_IDENT
                             ? nav_push(&c->set->arena, (void **)specs, count, sizeof *e)
                             : NULL;
        if (e)
            *e = (export_spec){name.start, name.end, out.start, out.end, open, 0};
        if (!is_punct(t, ','))
            break;
        t = next_code(lx);
    }
    uint32_t end = is_punct(t, '}') ? t.end : t.start;
    for (size_t i = first; i < *count; i++)
        (*specs)[i].clause_end = end;
}

/* The export clauses of file, in the arena; *count receives their number. */
static export_spec *export_specs(const fix_ctx *c, uint32_t file, size_t *count)
{
    *count = 0;
    export_spec *specs = NULL;
    if (file >= c->m->file_count || !c->texts[file])
        return NULL;
    const amp_text *text = c->texts[file];
    cx_lexer lx;
    cx_lex_init(&lx, text->bytes, text->len);
    for (cx_tok t = cx_lex_next(&lx); t.kind != CX_TK_EOF; t = cx_lex_next(&lx)) {
        if (lx.braces != 0 || !cx_tok_is(text->bytes, &t, "export"))
            continue;
        cx_tok open = next_code(&lx);
        if (is_punct(open, '{'))
            read_export_clause(c, &lx, open.start, &specs, count);
    }
    return specs;
}

/* True when loc lies inside one of the n export clauses. */
static bool in_export_clause(const export_spec *specs, size_t n, amp_loc loc)
{
    for (size_t i = 0; i < n; i++)
        if (loc.start > specs[i].clause_start && loc.end <= specs[i].clause_end)
            return true;
    return false;
}

const char *fix_local_name(const fix_ctx *c, uint32_t file, const amp_value *v)
{
    const amp_name_site *best = NULL;
    export_spec *specs = NULL;
    size_t nspecs = 0;
    bool lexed = false;
    for (size_t i = 0; i < c->m->site_count; i++) {
        const amp_name_site *s = &c->m->sites[i];
        if (s->value != v || s->loc.file != file || s->kind == AMP_SITE_USE)
            continue;
        if (s->kind == AMP_SITE_DECL) {
            best = s;
            break;
        }
        if (!lexed) {
            specs = export_specs(c, file, &nspecs);
            lexed = true;
        }
        /* Export clauses name what the file exports, not what it can use:
         * `export { x as y } from` binds neither x nor y here. */
        if (in_export_clause(specs, nspecs, s->loc))
            continue;
        if (!best || s->loc.start > best->loc.start)
            best = s; /* `import { x as y }`: the alias comes last */
    }
    if (!best)
        return NULL;
    uint32_t n = 0;
    const char *p = fix_text(c, best->loc, &n);
    return p ? amp_arena_strndup(&c->set->arena, p, n) : NULL;
}

/* The first non-blank offset of the line declaring the const at site. */
static uint32_t decl_line_start(const fix_ctx *c, const amp_name_site *site)
{
    const char *s = c->texts[site->loc.file]->bytes;
    uint32_t b = line_start(c, site->loc.file, site->loc.start);
    while (s[b] == ' ' || s[b] == '\t')
        b++;
    return b;
}

/* True when the const declared at site is written `export const`. */
static bool const_exported(const fix_ctx *c, const amp_name_site *site)
{
    return strncmp(c->texts[site->loc.file]->bytes + decl_line_start(c, site), "export ", 7) == 0;
}

/* The name under which file exports CALL value v (`export const x`,
 * `export { x as y }`, `export { x as y } from '...'`), in the arena; NULL
 * when it does not export it (`export *` is not followed). */
static const char *exported_name(const fix_ctx *c, uint32_t file, const amp_value *v)
{
    size_t n = 0;
    const export_spec *specs = export_specs(c, file, &n);
    for (size_t i = 0; i < c->m->site_count; i++) {
        const amp_name_site *s = &c->m->sites[i];
        if (s->value != v || s->loc.file != file || s->kind == AMP_SITE_USE)
            continue;
        uint32_t len = 0;
        const char *text = fix_text(c, s->loc, &len);
        if (s->kind == AMP_SITE_DECL && text && const_exported(c, s))
            return amp_arena_strndup(&c->set->arena, text, len);
        for (size_t k = 0; k < n; k++)
            if (specs[k].name_start == s->loc.start && specs[k].name_end == s->loc.end)
                return amp_arena_strndup(&c->set->arena, c->texts[file]->bytes + specs[k].out_start,
                                         specs[k].out_end - specs[k].out_start);
    }
    return NULL;
}

/* The module specifier of file `to` seen from file `from` ("./x/resource",
 * "../data/resource"), in the arena. */
static const char *module_path(fix_ctx *c, const char *from, const char *to)
{
    size_t common = 0;
    for (size_t i = 0; from[i] && from[i] == to[i]; i++)
        if (from[i] == '/')
            common = i + 1;
    nav_buf b = {0};
    int ups = 0;
    for (const char *p = from + common; *p; p++)
        ups += *p == '/';
    if (ups == 0)
        nav_buf_add(&b, "./");
    for (int i = 0; i < ups; i++)
        nav_buf_add(&b, "../");
    const char *rest = to + common;
    size_t n = strlen(rest);
    static const char *const exts[] = {".ts", ".tsx", ".mts", ".js", ".mjs"};
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
        size_t k = strlen(exts[i]);
        if (n > k && strcmp(rest + n - k, exts[i]) == 0) {
            n -= k;
            break;
        }
    }
    nav_buf_addn(&b, rest, n);
    return nav_buf_done(&b, &c->set->arena);
}

/* Adds `export ` before the declaration of the const declared at site,
 * unless it is exported already. */
static void export_const(fix_ctx *c, const amp_name_site *site)
{
    const char *s = c->texts[site->loc.file]->bytes;
    uint32_t b = decl_line_start(c, site);
    if (strncmp(s + b, "export ", 7) == 0)
        return;
    if (strncmp(s + b, "const ", 6) != 0 && strncmp(s + b, "let ", 4) != 0 &&
        strncmp(s + b, "var ", 4) != 0) {
        c->failed = true; /* not a plain declaration: leave it to the user */
        return;
    }
    fix_insert(c, site->loc.file, b, "export ");
}

/* The module strings of file's value imports with braces
 * (`import { ... } from './m'`), in the arena; *count receives their number. */
static const char **relative_imports(fix_ctx *c, uint32_t file, size_t *count)
{
    *count = 0;
    const char **mods = NULL;
    const amp_text *text = c->texts[file];
    cx_lexer lx;
    cx_lex_init(&lx, text->bytes, text->len);
    for (cx_tok t = cx_lex_next(&lx); t.kind != CX_TK_EOF; t = cx_lex_next(&lx)) {
        import_decl d;
        if (lx.braces != 0 || !cx_tok_is(text->bytes, &t, "import") || !read_import(&lx, "", &d) ||
            d.type_only || !d.has_braces || text->bytes[d.module_start] != '.')
            continue;
        const char **m = nav_push(&c->set->arena, (void **)&mods, count, sizeof *m);
        if (m)
            *m = amp_arena_strndup(&c->set->arena, text->bytes + d.module_start,
                                   d.module_end - d.module_start);
    }
    return mods;
}

/* True when module (as an import writes it) names the file whose specifier
 * module_path gives as spec: the same, with an extension, or the folder of
 * an index file. */
static bool module_is(const char *module, const char *spec)
{
    size_t ml = strlen(module), sl = strlen(spec);
    static const char *const exts[] = {".js", ".ts", ".mjs", ".mts"};
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
        size_t k = strlen(exts[i]);
        if (ml > k && strcmp(module + ml - k, exts[i]) == 0) {
            ml -= k;
            break;
        }
    }
    if (ml == sl && memcmp(module, spec, sl) == 0)
        return true;
    return sl > 6 && strcmp(spec + sl - 6, "/index") == 0 && ml == sl - 6 &&
           memcmp(module, spec, ml) == 0;
}

/* The name under which a module that file imports from already exports v
 * (a barrel's `export { x as y } from './x'`), with that module in *module;
 * NULL when none does. */
static const char *imported_module_export(fix_ctx *c, uint32_t file, const amp_value *v,
                                          const char **module)
{
    size_t n = 0;
    const char **mods = relative_imports(c, file, &n);
    for (size_t f = 0; n > 0 && f < c->m->file_count; f++) {
        if (f == file || !c->texts[f])
            continue;
        const char *spec = module_path(c, c->m->files[file].path, c->m->files[f].path);
        for (size_t i = 0; spec && i < n; i++) {
            if (!mods[i] || !module_is(mods[i], spec))
                continue;
            const char *name = exported_name(c, (uint32_t)f, v);
            if (name) {
                *module = mods[i];
                return name;
            }
            break;
        }
    }
    return NULL;
}

const char *fix_use_resource(fix_ctx *c, uint32_t file, int r)
{
    const amp_resource *res = &c->m->resources[r];
    const char *local = fix_local_name(c, file, res->value);
    if (local)
        return local;
    const char *module = NULL;
    const char *name = imported_module_export(c, file, res->value, &module);
    if (name) {
        fix_import(c, file, name, module);
        return name;
    }
    const amp_name_site *decl = NULL;
    for (size_t i = 0; i < c->m->site_count && !decl; i++)
        if (c->m->sites[i].kind == AMP_SITE_DECL && c->m->sites[i].defines &&
            c->m->sites[i].value == res->value)
            decl = &c->m->sites[i];
    if (!decl || decl->loc.file == file) {
        c->failed = true;
        return NULL;
    }
    name = exported_name(c, decl->loc.file, res->value);
    if (!name && res->var) {
        export_const(c, decl);
        name = res->var;
    }
    if (!name) {
        c->failed = true;
        return NULL;
    }
    fix_import(c, file, name,
               module_path(c, c->m->files[file].path, c->m->files[decl->loc.file].path));
    return name;
}

/* ---- did you mean ---------------------------------------------------------- */

/* "Did you mean 'X'?" about the token the finding covers: replace it. */
static void fix_did_you_mean(fix_ctx *c)
{
    const char *hint = fix_quoted_after(c, c->d->message, "Did you mean '");
    amp_loc tok = fix_unquote(c, c->at);
    uint32_t n = 0;
    const char *p = fix_text(c, tok, &n);
    if (!hint || !p || n == 0 || n > 200 || memchr(p, '\n', n) || memchr(p, '\'', n))
        return;
    char quoted[208];
    snprintf(quoted, sizeof quoted, "'%.*s'", (int)n, p);
    /* The finding must be about this token: its message quotes it. */
    if (!strstr(c->d->message, quoted) || (strlen(hint) == n && memcmp(hint, p, n) == 0))
        return;
    fix_edit(c, tok, hint);
    fix_done(c, fix_printf(c, "Change '%.*s' to '%s'", (int)n, p, hint), true);
}

/* ---- entry ------------------------------------------------------------------ */

static const struct {
    const char *code;
    void (*fn)(fix_ctx *c);
} fixers[] = {
    {"data-missing-counterpart", fix_counterpart},
    {"data-reference-field-missing", fix_reference_field},
    {"data-model-missing-authorization", fix_model_auth},
    {"options-secret-expected", fix_secret},
    {"backend-function-data-access", fix_data_access},
    {"backend-resource-not-deployed", fix_not_deployed},
    {"backend-stack-cycle", fix_stack_cycle},
};

amp_fix_set *amp_fix_compute(const amp_model *m, const amp_text *const *texts, uint32_t file,
                             const amp_diag *diags, size_t diag_count, uint32_t start, uint32_t end)
{
    amp_fix_set *set = calloc(1, sizeof *set);
    if (!set || !m || !texts || file >= m->file_count)
        return set;
    fix_ctx c = {0};
    c.m = m;
    c.texts = texts;
    c.file_count = m->file_count;
    c.set = set;
    for (size_t i = 0; i < diag_count; i++) {
        const amp_diag *d = &diags[i];
        if (d->start > end || d->end < start || !d->code || !d->message)
            continue;
        c.d = d;
        c.diag = i;
        c.at = (amp_loc){file, d->start, d->end};
        fix_did_you_mean(&c);
        for (size_t k = 0; k < sizeof fixers / sizeof fixers[0]; k++)
            if (strcmp(d->code, fixers[k].code) == 0)
                fixers[k].fn(&c);
    }
    return set;
}

amp_fix_set *amp_fix_compute_outside(const amp_text *text, const amp_diag *diags, size_t diag_count,
                                     uint32_t start, uint32_t end)
{
    amp_fix_set *set = calloc(1, sizeof *set);
    if (!set || !text)
        return set;
    fix_ctx c = {0};
    c.texts = &text;
    c.file_count = 1;
    c.set = set;
    for (size_t i = 0; i < diag_count; i++) {
        const amp_diag *d = &diags[i];
        if (d->start > end || d->end < start || !d->code || !d->message)
            continue;
        c.d = d;
        c.diag = i;
        c.at = (amp_loc){0, d->start, d->end};
        fix_did_you_mean(&c);
    }
    return set;
}

void amp_fix_set_delete(amp_fix_set *set)
{
    if (!set)
        return;
    amp_arena_free(&set->arena);
    free(set);
}
