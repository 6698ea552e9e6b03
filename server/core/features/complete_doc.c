/*
 * complete_doc.c: documentation and insert texts made from catalogue
 * entries: markdown for hover and resolve, one-line summaries of what a
 * value accepts, and the snippets that insert an option key with a value
 * placeholder (see complete_internal.h).
 */
#include "complete_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- growable strings ---------------------------------------------------- */

void cx_buf_addn(cx_buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->oom = true;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void cx_buf_add(cx_buf *b, const char *s)
{
    cx_buf_addn(b, s, strlen(s));
}

void cx_buf_printf(cx_buf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0)
        cx_buf_addn(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

char *cx_buf_take(cx_buf *b)
{
    char *s = b->oom ? NULL : b->s;
    if (b->oom)
        free(b->s);
    if (!s && !b->oom)
        s = calloc(1, 1);
    memset(b, 0, sizeof *b);
    return s;
}

/* Moves the text of b into the scan's arena ("" when out of memory). */
static const char *arena_take(cx_scan *sc, cx_buf *b)
{
    char *s = cx_buf_take(b);
    if (!s) {
        sc->oom = true;
        return "";
    }
    const char *copy = amp_arena_strndup(sc->arena, s, strlen(s));
    free(s);
    if (!copy)
        sc->oom = true;
    return copy ? copy : "";
}

/* ---- value summaries ----------------------------------------------------- */

/* A number as the catalogue writes it (integers without a fraction). */
static void add_number(cx_buf *b, double x)
{
    if (x == (double)(long long)x)
        cx_buf_printf(b, "%lld", (long long)x);
    else
        cx_buf_printf(b, "%g", x);
}

/* A literal as TypeScript writes it (strings quoted). */
static void add_literal(cx_buf *b, const char *lit, amp_cat_literal_kind kind)
{
    if (kind == AMP_CAT_LIT_STRING) {
        cx_buf_add(b, "'");
        cx_buf_add(b, lit);
        cx_buf_add(b, "'");
    } else {
        cx_buf_add(b, lit);
    }
}

/* "'A' | 'B'" (up to max literals, then "| …"). */
static void add_enum(cx_buf *b, const amp_cat_value *v, size_t max)
{
    size_t n = 0;
    const char *const *lits = amp_cat_value_enum(v, &n);
    for (size_t i = 0; i < n && i < max; i++) {
        if (i)
            cx_buf_add(b, " | ");
        add_literal(b, lits[i], amp_cat_value_enum_kind(v, i));
    }
    if (n > max)
        cx_buf_add(b, " | …");
}

/* The type names of a mask, joined with " | ". */
static void add_types(cx_buf *b, unsigned types)
{
    bool first = true;
    for (unsigned bit = 1; bit <= AMP_CAT_T_ANY; bit <<= 1) {
        if (!(types & bit))
            continue;
        if (!first)
            cx_buf_add(b, " | ");
        first = false;
        cx_buf_add(b, amp_cat_type_name((amp_cat_type)bit));
    }
}

/* Appends what, then "min..max" (either side may be open); nothing without bounds. */
static void add_range(cx_buf *b, amp_cat_range r, const char *what)
{
    if (!r.has_min && !r.has_max)
        return;
    cx_buf_add(b, what);
    if (r.has_min)
        add_number(b, r.min);
    cx_buf_add(b, "..");
    if (r.has_max)
        add_number(b, r.max);
}

/* The one-line summary of a value descriptor (see cx_value_summary). */
static void summary_into(cx_buf *b, const amp_cat_value *v, size_t max_enum)
{
    unsigned types = amp_cat_value_types(v);
    size_t n = 0;
    amp_cat_value_enum(v, &n);
    if (n > 0) {
        add_enum(b, v, max_enum);
        unsigned rest = types;
        for (size_t i = 0; i < n; i++) {
            amp_cat_literal_kind k = amp_cat_value_enum_kind(v, i);
            rest &= ~(k == AMP_CAT_LIT_STRING    ? AMP_CAT_T_STRING
                      : k == AMP_CAT_LIT_BOOLEAN ? AMP_CAT_T_BOOLEAN
                      : k == AMP_CAT_LIT_NULL    ? AMP_CAT_T_NULL
                                                 : (AMP_CAT_T_NUMBER | AMP_CAT_T_INTEGER));
        }
        if (rest) {
            cx_buf_add(b, " | ");
            add_types(b, rest);
        }
    } else if (types & AMP_CAT_T_ARRAY && amp_cat_value_items(v)) {
        size_t in = 0;
        amp_cat_value_enum(amp_cat_value_items(v), &in);
        cx_buf_add(b, in ? "(" : "");
        summary_into(b, amp_cat_value_items(v), max_enum);
        cx_buf_add(b, in ? ")[]" : "[]");
        if (types & ~AMP_CAT_T_ARRAY) {
            cx_buf_add(b, " | ");
            add_types(b, types & ~AMP_CAT_T_ARRAY);
        }
    } else {
        add_types(b, types);
    }
    add_range(b, amp_cat_value_range(v), " ");
}

const char *cx_value_summary(cx_scan *sc, const amp_cat_value *v)
{
    if (!v)
        return NULL;
    cx_buf b = {0};
    summary_into(&b, v, 6);
    return arena_take(sc, &b);
}

const char *cx_entry_detail(cx_scan *sc, const amp_cat_entry *e)
{
    const char *sig = amp_cat_signature(e);
    if (sig)
        return sig;
    const amp_cat_value *v = amp_cat_value_of(e);
    if (v)
        return cx_value_summary(sc, v);
    return amp_cat_kind_name(amp_cat_kind_of(e));
}

const char *cx_item_doc(const amp_cat_entry *e)
{
    return amp_cat_doc(e);
}

/* ---- markdown ------------------------------------------------------------ */

static void md_code(cx_buf *b, const char *code)
{
    cx_buf_add(b, "```typescript\n");
    cx_buf_add(b, code);
    cx_buf_add(b, "\n```\n\n");
}

/* The code block heading a hover: the signature, the literal, or `(kind) name: type`. */
static void md_header(cx_buf *b, const amp_cat_entry *e)
{
    const char *sig = amp_cat_signature(e);
    const amp_cat_value *v = amp_cat_value_of(e);
    cx_buf h = {0};
    amp_cat_kind k = amp_cat_kind_of(e);
    if (sig) {
        cx_buf_add(&h, sig);
    } else if (k == AMP_CAT_VALUE) {
        const amp_cat_entry *p = amp_cat_parent(e);
        const amp_cat_param *param = p ? cx_param_at(p, 0) : NULL;
        const amp_cat_value *pv = param ? amp_cat_param_value(param) : amp_cat_value_of(p);
        if (amp_cat_value_items(pv))
            pv = amp_cat_value_items(pv);
        bool str = amp_cat_value_accepts(pv, AMP_CAT_T_STRING) || !pv;
        cx_buf_printf(&h, "%s%s%s", str ? "'" : "", amp_cat_name(e), str ? "'" : "");
    } else {
        cx_buf_printf(&h, "(%s) %s", amp_cat_kind_name(k), amp_cat_name(e));
        if (v) {
            cx_buf_add(&h, ": ");
            summary_into(&h, v, 12);
        }
    }
    char *s = cx_buf_take(&h);
    if (s)
        md_code(b, s);
    free(s);
}

/* What a value accepts: allowed values, suggestions, default, bounds, pattern. */
static void md_value(cx_buf *b, const amp_cat_value *v)
{
    size_t n = 0;
    amp_cat_value_enum(v, &n);
    if (n > 0) {
        cx_buf_add(b, "**Allowed values:** ");
        const char *const *lits = amp_cat_value_enum(v, &n);
        for (size_t i = 0; i < n; i++) {
            cx_buf_add(b, i ? ", `" : "`");
            add_literal(b, lits[i], amp_cat_value_enum_kind(v, i));
            cx_buf_add(b, "`");
        }
        cx_buf_add(b, "\n\n");
    }
    const char *const *sug = amp_cat_value_suggest(v, &n);
    for (size_t i = 0; i < n; i++)
        cx_buf_printf(b, "%s`%s`%s", i ? ", " : "**Suggested:** ", sug[i],
                      i + 1 == n ? "\n\n" : "");
    if (amp_cat_value_default(v)) {
        cx_buf_add(b, "**Default:** `");
        add_literal(b, amp_cat_value_default(v), amp_cat_value_default_kind(v));
        cx_buf_add(b, "`\n\n");
    }
    cx_buf r = {0};
    add_range(&r, amp_cat_value_range(v), "**Range:** ");
    add_range(&r, amp_cat_value_length(v), r.len ? " · **Length:** " : "**Length:** ");
    add_range(&r, amp_cat_value_item_count(v), r.len ? " · **Items:** " : "**Items:** ");
    char *rs = cx_buf_take(&r);
    if (rs && *rs) {
        cx_buf_add(b, rs);
        cx_buf_add(b, "\n\n");
    }
    free(rs);
    if (amp_cat_value_pattern(v))
        cx_buf_printf(b, "**Pattern:** `%s`\n\n", amp_cat_value_pattern(v));
    if (amp_cat_value_required(v))
        cx_buf_add(b, "**Required.**\n\n");
}

/* One line per parameter with its doc. */
static void md_params(cx_buf *b, const amp_cat_entry *e)
{
    size_t n = amp_cat_param_count(e);
    for (size_t i = 0; i < n; i++) {
        const amp_cat_param *p = amp_cat_param_at(e, i);
        cx_buf_printf(b, "- `%s%s`", amp_cat_param_name(p), amp_cat_param_optional(p) ? "?" : "");
        const char *doc = amp_cat_param_doc(p);
        if (doc && *doc) {
            cx_buf_add(b, " — ");
            cx_buf_add(b, doc);
        }
        cx_buf_add(b, "\n");
    }
    if (n)
        cx_buf_add(b, "\n");
}

/* The example, the package and version, and the docs link. */
static void md_footer(cx_buf *b, const amp_cat_entry *e)
{
    const char *example = amp_cat_example(e);
    if (example) {
        cx_buf_add(b, "*Example:*\n");
        md_code(b, example);
    }
    const char *pkg = amp_cat_package(e), *since = amp_cat_since(e), *url = amp_cat_url(e);
    bool any = false;
    if (pkg) {
        cx_buf_printf(b, "`%s`", pkg);
        any = true;
    }
    if (since) {
        cx_buf_printf(b, "%s %s", any ? " since" : "Since", since);
        any = true;
    }
    if (url) {
        cx_buf_printf(b, "%s[Amplify docs](%s)", any ? " · " : "", url);
        any = true;
    }
    if (any)
        cx_buf_add(b, "\n");
}

char *amp_cat_markdown(const amp_cat_entry *e)
{
    if (!e)
        return NULL;
    cx_buf b = {0};
    md_header(&b, e);
    cx_buf_add(&b, amp_cat_doc(e));
    cx_buf_add(&b, "\n\n");
    if (amp_cat_deprecated(e))
        cx_buf_printf(&b, "**Deprecated:** %s\n\n", amp_cat_deprecated(e));
    md_params(&b, e);
    const amp_cat_value *v = amp_cat_value_of(e);
    if (v)
        md_value(&b, v);
    md_footer(&b, e);
    char *s = cx_buf_take(&b);
    /* no trailing blank lines */
    size_t n = s ? strlen(s) : 0;
    while (n > 0 && s[n - 1] == '\n')
        s[--n] = '\0';
    return s;
}

/* ---- snippets ------------------------------------------------------------ */

/* Appends text with the snippet metacharacters escaped (also , and | in a
 * choice). */
static void snip_text(cx_buf *b, const char *text, bool choice)
{
    for (const char *p = text; *p; p++) {
        if (*p == '$' || *p == '}' || *p == '\\' || (choice && (*p == ',' || *p == '|')))
            cx_buf_add(b, "\\");
        cx_buf_addn(b, p, 1);
    }
}

/* True when s can be an object key without quotes. */
static bool is_identifier(const char *s)
{
    if (!*s || (*s >= '0' && *s <= '9'))
        return false;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '_' || *p == '$'))
            return false;
    return true;
}

/* The value placeholder of a key snippet. */
static void snip_value(cx_buf *b, const amp_cat_value *v, char quote)
{
    unsigned types = amp_cat_value_types(v);
    size_t n = 0;
    const char *const *lits = amp_cat_value_enum(v, &n);
    bool str = types & AMP_CAT_T_STRING;
    const char *q = quote == '"' ? "\"" : "'";
    if (n > 1 || (n == 1 && !(types & AMP_CAT_T_OBJECT))) {
        bool quoted = amp_cat_value_enum_kind(v, 0) == AMP_CAT_LIT_STRING;
        cx_buf_add(b, quoted ? q : "");
        cx_buf_add(b, "${1|");
        for (size_t i = 0; i < n; i++) {
            if (i)
                cx_buf_add(b, ",");
            snip_text(b, lits[i], true);
        }
        cx_buf_add(b, "|}");
        cx_buf_add(b, quoted ? q : "");
    } else if (n == 1) {
        snip_text(b, lits[0], false); /* boolean | object with [true]: `true` */
    } else if (types & AMP_CAT_T_SECRET && !(types & AMP_CAT_T_STRING)) {
        cx_buf_printf(b, "secret(%s$1%s)", q, q);
    } else if (types & AMP_CAT_T_FUNCTION && amp_cat_value_arg(v)) {
        cx_buf_add(b, "(${1:allow}) => $0");
    } else if (types & AMP_CAT_T_OBJECT) {
        cx_buf_add(b, "{ $0 }");
    } else if (types & AMP_CAT_T_ARRAY) {
        cx_buf_add(b, "[$0]");
    } else if (str) {
        const char *def = amp_cat_value_default(v);
        cx_buf_add(b, q);
        if (def) {
            cx_buf_add(b, "${1:");
            snip_text(b, def, false);
            cx_buf_add(b, "}");
        } else {
            cx_buf_add(b, "$1");
        }
        cx_buf_add(b, q);
    } else if (types & (AMP_CAT_T_INTEGER | AMP_CAT_T_NUMBER) && amp_cat_value_default(v)) {
        cx_buf_add(b, "${1:");
        snip_text(b, amp_cat_value_default(v), false);
        cx_buf_add(b, "}");
    } else if (types == AMP_CAT_T_BOOLEAN) {
        cx_buf_add(b, "${1|true,false|}");
    } else {
        cx_buf_add(b, "$0");
    }
}

const char *cx_key_snippet(cx_scan *sc, const char *name, const amp_cat_entry *option, char quote)
{
    cx_buf b = {0};
    if (is_identifier(name)) {
        snip_text(&b, name, false);
    } else {
        cx_buf_addn(&b, &quote, 1);
        snip_text(&b, name, false);
        cx_buf_addn(&b, &quote, 1);
    }
    cx_buf_add(&b, ": ");
    snip_value(&b, amp_cat_value_of(option), quote);
    return arena_take(sc, &b);
}
