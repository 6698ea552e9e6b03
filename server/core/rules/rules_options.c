/*
 * rules_options.c: options of defineAuth, defineStorage, defineFunction and defineData checked
 * against the catalogue, and the auth, storage and function rules.
 *
 * This file holds the entry point, the helpers the area files share, and the
 * generic validator: it walks each define* call's options object beside the
 * catalogue entry of its first parameter (amp_cat_key for keys, the value
 * descriptor for kinds, literals, ranges, lengths and patterns), into nested
 * objects, arrays, records and the `allow` rules of access callbacks. The
 * catalogue is the only source of what is allowed: a new Amplify option is a
 * schema-db edit. Nothing is reported about values the model did not
 * understand; unknown keys are reported only where TypeScript's own
 * excess-property check applies (keys written in an object literal passed
 * straight to the call), since elsewhere the key may be deliberate.
 */
#define AMP_RULES_OPTIONS_SHARED
#include "rules_table_options.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define WALK_MAX_DEPTH 24

/* Catalogue ids whose patterns and lengths are checked by a dedicated rule
 * with a better message (the generic check skips them and their values). */
static const char *const owned_ids[] = {
    "defineAuth.name",         "defineStorage.name",    "defineFunction.name",
    "defineData.name",         "defineFunction.layers", "defineFunction.environment",
    "defineFunction.schedule",
};

/* Unknown keys of these objects get their own code. */
static const struct {
    const char *id;
    const char *code;
} key_codes[] = {
    {"defineAuth.triggers", "auth-unknown-trigger"},
    {"defineAuth.userAttributes", "auth-unknown-user-attribute"},
};

/* The state of one walk over a resource's options. */
typedef struct opt_walk {
    amp_check *c;
    const char *define; /* "defineAuth", ... */
    char path[256];     /* the key path of the value being checked */
    int depth;
    int owned;        /* > 0 inside an owned entry */
    const char *call; /* inside the arguments of this rule method ("to"), or NULL */
} opt_walk;

static void check_value(opt_walk *w, const amp_cat_entry *e, const amp_cat_value *d,
                        const amp_value *v, bool fresh, amp_loc at);

/* ---- shared helpers -------------------------------------------------------- */

/* Case-insensitive edit distance, bounded (99 for long words). */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return 99;
    size_t prev[65], cur[65];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
            size_t best = prev[j - 1] + cost;
            if (prev[j] + 1 < best)
                best = prev[j] + 1;
            if (cur[j - 1] + 1 < best)
                best = cur[j - 1] + 1;
            cur[j] = best;
        }
        memcpy(prev, cur, (lb + 1) * sizeof *prev);
    }
    return prev[lb];
}

/* strncasecmp for ASCII, without the POSIX header. */
static int strncasecmp_ascii(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int x = tolower((unsigned char)a[i]), y = tolower((unsigned char)b[i]);
        if (x != y || !x)
            return x - y;
    }
    return 0;
}

const char *amp_opt_closest(const char *word, const char *const *names, size_t count)
{
    size_t limit = strlen(word) / 3 + 1;
    if (limit > 3)
        limit = 3;
    const char *best = NULL;
    size_t best_d = limit + 1;
    for (size_t i = 0; i < count; i++) {
        size_t d = distance(word, names[i]);
        if (d < best_d) {
            best = names[i];
            best_d = d;
        }
    }
    if (best)
        return best;
    /* A word that begins another ("timeout" -> "timeoutSeconds"), if only one. */
    size_t wl = strlen(word), hits = 0;
    for (size_t i = 0; wl >= 4 && i < count; i++)
        if (strncasecmp_ascii(names[i], word, wl) == 0) {
            best = names[i];
            hits++;
        }
    return hits == 1 ? best : NULL;
}

int amp_opt_truthy(const amp_value *v)
{
    if (!v)
        return 0;
    switch (v->kind) {
    case AMP_VAL_BOOL:
        return v->b;
    case AMP_VAL_NULL:
    case AMP_VAL_UNDEFINED:
        return 0;
    case AMP_VAL_STRING:
        return v->str && v->str[0];
    case AMP_VAL_NUMBER:
        return v->num != 0;
    case AMP_VAL_OBJECT:
    case AMP_VAL_ARRAY:
    case AMP_VAL_FUNCTION:
    case AMP_VAL_CALL:
        return 1;
    default:
        return -1;
    }
}

const amp_value *amp_opt_path(const amp_value *obj, const char *path, bool *unknown)
{
    char key[64];
    const char *p = path;
    const amp_value *cur = obj;
    while (*p) {
        const char *dot = strchr(p, '.');
        size_t n = dot ? (size_t)(dot - p) : strlen(p);
        if (n >= sizeof key || !cur || cur->kind != AMP_VAL_OBJECT) {
            if (cur && cur->kind != AMP_VAL_BOOL && cur->kind != AMP_VAL_NULL &&
                cur->kind != AMP_VAL_UNDEFINED)
                *unknown = true;
            return NULL;
        }
        memcpy(key, p, n);
        key[n] = '\0';
        const amp_prop *prop = amp_value_prop(cur, key);
        if (!prop) {
            if (cur->open)
                *unknown = true;
            return NULL;
        }
        cur = prop->value;
        p += n + (dot ? 1 : 0);
    }
    return cur;
}

bool amp_opt_is_whole(double x)
{
    return x >= -9e15 && x <= 9e15 && x == (double)(long long)x;
}

long long amp_opt_ceil(double x)
{
    long long t = x >= -9e15 && x <= 9e15 ? (long long)x : 0;
    return (double)t < x ? t + 1 : t;
}

const char *amp_opt_string(const amp_value *obj, const char *key)
{
    const amp_prop *p = amp_value_prop(obj, key);
    return p && p->value->kind == AMP_VAL_STRING ? p->value->str : NULL;
}

const amp_cat_entry *amp_opt_entry(const char *id)
{
    return amp_catalog_find(id);
}

const char *amp_opt_pattern(const char *id, bool items)
{
    const amp_cat_value *d = amp_cat_value_of(amp_catalog_find(id));
    return amp_cat_value_pattern(items ? amp_cat_value_items(d) : d);
}

/* ---- describing values and types ------------------------------------------ */

/* Writes a short description of v ("'abc'", "16", "an object") to out. */
static void describe(const amp_value *v, char *out, size_t cap)
{
    switch (v->kind) {
    case AMP_VAL_STRING:
        snprintf(out, cap, "'%.60s%s'", v->str ? v->str : "",
                 v->str && strlen(v->str) > 60 ? "..." : "");
        break;
    case AMP_VAL_NUMBER:
        snprintf(out, cap, "%g", v->num);
        break;
    case AMP_VAL_BOOL:
        snprintf(out, cap, "%s", v->b ? "true" : "false");
        break;
    case AMP_VAL_NULL:
        snprintf(out, cap, "null");
        break;
    case AMP_VAL_OBJECT:
        snprintf(out, cap, "an object");
        break;
    case AMP_VAL_ARRAY:
        snprintf(out, cap, "an array");
        break;
    case AMP_VAL_FUNCTION:
        snprintf(out, cap, "a function");
        break;
    case AMP_VAL_CALL:
        snprintf(out, cap, "%s(...)", v->str ? v->str : "a call");
        break;
    default:
        snprintf(out, cap, "this value");
        break;
    }
}

/* Writes what a type mask accepts ("a string or secret('NAME')") to out. */
static void describe_types(unsigned mask, char *out, size_t cap)
{
    static const struct {
        unsigned bit;
        const char *text;
    } names[] = {
        {AMP_CAT_T_STRING, "a string"},
        {AMP_CAT_T_INTEGER, "a whole number"},
        {AMP_CAT_T_NUMBER, "a number"},
        {AMP_CAT_T_BOOLEAN, "true or false"},
        {AMP_CAT_T_NULL, "null"},
        {AMP_CAT_T_OBJECT, "an object"},
        {AMP_CAT_T_RECORD, "an object"},
        {AMP_CAT_T_ARRAY, "an array"},
        {AMP_CAT_T_FUNCTION, "a function"},
        {AMP_CAT_T_FUNCTION_RESOURCE, "a defineFunction(...) result"},
        {AMP_CAT_T_RESOURCE, "an Amplify resource"},
        {AMP_CAT_T_SECRET, "secret('NAME')"},
        {AMP_CAT_T_CONSTRUCT, "a CDK object"},
        {AMP_CAT_T_BUILDER, "an a.* builder"},
    };
    out[0] = '\0';
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (!(mask & names[i].bit) || strstr(out, names[i].text))
            continue;
        if ((names[i].bit == AMP_CAT_T_INTEGER && (mask & AMP_CAT_T_NUMBER)) ||
            (names[i].bit == AMP_CAT_T_RESOURCE && (mask & AMP_CAT_T_FUNCTION_RESOURCE)))
            continue;
        size_t used = strlen(out);
        snprintf(out + used, cap - used, "%s%s", used ? " or " : "", names[i].text);
    }
}

/* The type bits a CALL value can stand for; 0 when not known. */
static unsigned call_types(const amp_value *v)
{
    if (!v->str)
        return 0;
    const char *s = v->str;
    size_t n = strlen(s);
    if (strcmp(s, "secret") == 0)
        return AMP_CAT_T_SECRET;
    if (strncmp(s, "define", 6) == 0 && n > 8 && strcmp(s + n - 8, "Function") == 0)
        return AMP_CAT_T_FUNCTION_RESOURCE | AMP_CAT_T_RESOURCE;
    if (strncmp(s, "define", 6) == 0 || strcmp(s, "referenceAuth") == 0)
        return AMP_CAT_T_RESOURCE;
    if (strncmp(s, "a.", 2) == 0 || strcmp(s, "configure") == 0)
        return AMP_CAT_T_BUILDER;
    return 0;
}

/* True when v (a known value) may be of one of the types of mask. A
 * TEMPLATE (a template or a binary expression) is not judged. */
static bool kind_accepted(unsigned mask, const amp_value *v)
{
    if (mask == 0 || (mask & (AMP_CAT_T_ANY | AMP_CAT_T_CONSTRUCT)))
        return true;
    const unsigned interfaces =
        AMP_CAT_T_BUILDER | AMP_CAT_T_RESOURCE | AMP_CAT_T_FUNCTION_RESOURCE | AMP_CAT_T_SECRET;
    switch (v->kind) {
    case AMP_VAL_STRING:
        return mask & AMP_CAT_T_STRING;
    case AMP_VAL_NUMBER:
        return mask & (AMP_CAT_T_NUMBER | AMP_CAT_T_INTEGER);
    case AMP_VAL_BOOL:
        return mask & AMP_CAT_T_BOOLEAN;
    case AMP_VAL_NULL:
        return mask & AMP_CAT_T_NULL;
    case AMP_VAL_OBJECT: /* interfaces may be written as plain objects (e.g. { schemas: [...] }) */
        return mask & (AMP_CAT_T_OBJECT | AMP_CAT_T_RECORD | interfaces);
    case AMP_VAL_ARRAY:
        return mask & AMP_CAT_T_ARRAY;
    case AMP_VAL_FUNCTION:
        return mask & AMP_CAT_T_FUNCTION;
    case AMP_VAL_CALL: {
        unsigned t = call_types(v);
        return t == 0 || (mask & t);
    }
    default:
        return true;
    }
}

/* ---- the walk ---------------------------------------------------------------- */

/* Appends ".key" (or "key" at the top) to the walk path; returns the old
 * length for path_pop. */
static size_t path_push(opt_walk *w, const char *key, bool index)
{
    size_t old = strlen(w->path);
    snprintf(w->path + old, sizeof w->path - old, index ? "%s" : (old ? ".%s" : "%s"), key);
    return old;
}

/* Restores the walk path to the length path_push returned. */
static void path_pop(opt_walk *w, size_t old)
{
    w->path[old] = '\0';
}

/* "`loginWith.email`", "an item of the `to(...)` argument" or, at the top,
 * the define call's name. */
static const char *where(const opt_walk *w, char *out, size_t cap)
{
    if (w->call)
        snprintf(out, cap, "%s `%s(...)`",
                 strchr(w->path, '[') ? "an item given to" : "the argument of", w->call);
    else if (w->path[0])
        snprintf(out, cap, "`%s`", w->path);
    else
        snprintf(out, cap, "%s(...)", w->define);
    return out;
}

/* True when e is checked by a dedicated rule (see owned_ids). */
static bool is_owned(const amp_cat_entry *e)
{
    const char *id = e ? amp_cat_id(e) : NULL;
    for (size_t i = 0; id && i < sizeof owned_ids / sizeof owned_ids[0]; i++)
        if (strcmp(id, owned_ids[i]) == 0)
            return true;
    return false;
}

/* True when loc lies inside outer (same file). */
static bool loc_inside(amp_loc loc, amp_loc outer)
{
    return loc.file == outer.file && loc.start >= outer.start && loc.end <= outer.end;
}

/* Reports a value outside the catalogue's literal list. */
static void report_enum(opt_walk *w, const amp_cat_value *d, const amp_value *v,
                        amp_cat_literal_kind kind, const char *text)
{
    size_t n = 0;
    const char *const *lits = amp_cat_value_enum(d, &n);
    char list[400] = "", where_buf[300], shown[120];
    const char *same[64];
    size_t same_count = 0;
    for (size_t i = 0; i < n && same_count < 64; i++) {
        if (amp_cat_value_enum_kind(d, i) != kind)
            continue;
        same[same_count++] = lits[i];
        size_t used = strlen(list);
        if (same_count <= 12)
            snprintf(list + used, sizeof list - used, "%s%s%s%s", used ? ", " : "",
                     kind == AMP_CAT_LIT_STRING ? "'" : "", lits[i],
                     kind == AMP_CAT_LIT_STRING ? "'" : "");
        else if (same_count == 13)
            snprintf(list + used, sizeof list - used, ", ...");
    }
    const char *hint = kind == AMP_CAT_LIT_STRING ? amp_opt_closest(text, same, same_count) : NULL;
    char suggestion[160] = "";
    if (hint)
        snprintf(suggestion, sizeof suggestion, " Did you mean '%s'?", hint);
    describe(v, shown, sizeof shown);
    if (kind == AMP_CAT_LIT_BOOLEAN && same_count == 1)
        amp_report(w->c, "options-invalid-value", v->loc,
                   "%s cannot be %s in %s; write %s%s or remove the key.",
                   where(w, where_buf, sizeof where_buf), shown, w->define, same[0], "");
    else
        amp_report(w->c, "options-invalid-value", v->loc,
                   "%s is %s, which %s does not accept; use one of %s.%s",
                   where(w, where_buf, sizeof where_buf), shown, w->define, list, suggestion);
}

/* Checks v against the literal list of d (only values of the list's own
 * JSON kinds are constrained). */
static void check_enum(opt_walk *w, const amp_cat_value *d, const amp_value *v)
{
    size_t n = 0;
    amp_cat_value_enum(d, &n);
    if (n == 0)
        return;
    amp_cat_literal_kind kind;
    char text[64];
    if (v->kind == AMP_VAL_STRING && v->str) {
        kind = AMP_CAT_LIT_STRING;
        snprintf(text, sizeof text, "%s", v->str);
    } else if (v->kind == AMP_VAL_NUMBER) {
        kind = AMP_CAT_LIT_NUMBER;
        snprintf(text, sizeof text, "%g", v->num);
    } else if (v->kind == AMP_VAL_BOOL) {
        kind = AMP_CAT_LIT_BOOLEAN;
        snprintf(text, sizeof text, "%s", v->b ? "true" : "false");
    } else {
        return;
    }
    bool kind_listed = false;
    for (size_t i = 0; i < n; i++)
        kind_listed |= amp_cat_value_enum_kind(d, i) == kind;
    if (kind_listed && (strlen(text) >= sizeof text - 1 || !amp_cat_value_enum_contains(d, text)))
        report_enum(w, d, v, kind, text);
}

/* Writes "between A and B", "at least A" or "at most B" for a range. */
static void describe_range(amp_cat_range r, char *out, size_t cap)
{
    if (r.has_min && r.has_max)
        snprintf(out, cap, "from %g to %g", r.min, r.max);
    else if (r.has_min)
        snprintf(out, cap, "of at least %g", r.min);
    else
        snprintf(out, cap, "of at most %g", r.max);
}

/* True when x is below the range's minimum or above its maximum. */
static bool outside(amp_cat_range r, double x)
{
    return (r.has_min && x < r.min) || (r.has_max && x > r.max);
}

/* Whole-number and min/max checks of a number. */
static void check_number(opt_walk *w, const amp_cat_value *d, const amp_value *v)
{
    unsigned t = amp_cat_value_types(d);
    amp_cat_range r = amp_cat_value_range(d);
    bool whole = (t & AMP_CAT_T_INTEGER) && !(t & AMP_CAT_T_NUMBER);
    bool fraction = whole && !amp_opt_is_whole(v->num);
    if (!fraction && !outside(r, v->num))
        return;
    char where_buf[300], range[80] = "";
    if (r.has_min || r.has_max)
        describe_range(r, range, sizeof range);
    amp_report(w->c, "options-out-of-range", v->loc,
               "%s is %g, but %s accepts %s%s%s; change the value.",
               where(w, where_buf, sizeof where_buf), v->num, w->define,
               whole ? "whole numbers" : "numbers", range[0] ? " " : "", range);
}

/* Length in characters (UTF-8 code points). */
static size_t char_length(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Length and pattern checks of a string (skipped inside owned entries). */
static void check_string(opt_walk *w, const amp_cat_entry *e, const amp_cat_value *d,
                         const amp_value *v)
{
    if (w->owned || !v->str)
        return;
    char where_buf[300], range[80];
    amp_cat_range len = amp_cat_value_length(d);
    size_t n = char_length(v->str);
    if (outside(len, (double)n)) {
        describe_range(len, range, sizeof range);
        amp_report(w->c, "options-invalid-value", v->loc,
                   "%s is %zu characters long, but %s needs a length %s; change the text.",
                   where(w, where_buf, sizeof where_buf), n, w->define, range);
        return;
    }
    const char *pattern = amp_cat_value_pattern(d);
    if (pattern && amp_opt_regex_test(pattern, v->str) == 0) {
        const char *example = amp_cat_example(e);
        char shown[120];
        describe(v, shown, sizeof shown);
        amp_report(w->c, "options-invalid-value", v->loc,
                   "%s is %s, which does not have the form %s expects (it must match /%s/)%s%s%s.",
                   where(w, where_buf, sizeof where_buf), shown, w->define, pattern,
                   example ? "; for example `" : "", example ? example : "", example ? "`" : "");
    }
}

/* The option children of e and of the shape type of d, for suggestions;
 * returns how many were written to names. */
static size_t key_names(const amp_cat_entry *e, const amp_cat_value *d, const char **names,
                        size_t cap)
{
    const amp_cat_entry *sources[3] = {e, amp_cat_value_shape(d),
                                       amp_cat_value_shape(amp_cat_value_items(d))};
    size_t n = 0;
    for (size_t s = 0; s < 3; s++)
        for (size_t i = 0; sources[s] && i < amp_cat_child_count(sources[s]) && n < cap; i++) {
            const amp_cat_entry *k = amp_cat_child_at(sources[s], i);
            amp_cat_kind kind = amp_cat_kind_of(k);
            if ((kind == AMP_CAT_OPTION || kind == AMP_CAT_PROPERTY) &&
                !strchr(amp_cat_name(k), '*'))
                names[n++] = amp_cat_name(k);
        }
    return n;
}

/* The entry describing key of an object checked against e and d. */
static const amp_cat_entry *key_entry(const amp_cat_entry *e, const amp_cat_value *d,
                                      const char *key)
{
    const amp_cat_entry *k = e ? amp_cat_key(e, key) : NULL;
    const amp_cat_entry *shape = amp_cat_value_shape(d);
    if (!shape)
        shape = amp_cat_value_shape(amp_cat_value_items(d));
    if (!k && shape)
        k = amp_cat_key(shape, key);
    if (k && amp_cat_kind_of(k) != AMP_CAT_OPTION && amp_cat_kind_of(k) != AMP_CAT_PROPERTY)
        return NULL;
    return k;
}

/* The extra advice for an unknown key of defineAuth userAttributes: the
 * attribute whose Cognito name the key is, or the custom: prefix. */
static void attribute_advice(const amp_cat_entry *e, const char *key, char *out, size_t cap)
{
    for (size_t i = 0; i < amp_cat_child_count(e); i++) {
        const amp_cat_entry *k = amp_cat_child_at(e, i);
        const char *cognito = amp_cat_attr(k, "cognito");
        if (cognito && strcmp(cognito, key) == 0) {
            snprintf(out, cap, " '%s' is the Cognito name; in defineAuth write it as %s.", key,
                     amp_cat_name(k));
            return;
        }
        const char *prefix = amp_cat_attr(k, "key_prefix");
        if (prefix && !strchr(key, ':')) {
            snprintf(out, cap, " A custom attribute must be written '%s%s'.", prefix, key);
            return;
        }
    }
}

/* Reports an unknown key of an object described by e and d. */
static void report_unknown_key(opt_walk *w, const amp_cat_entry *e, const amp_cat_value *d,
                               const amp_prop *p)
{
    const char *names[96];
    size_t n = key_names(e, d, names, 96);
    const char *code = "options-unknown-key";
    for (size_t i = 0; e && i < sizeof key_codes / sizeof key_codes[0]; i++)
        if (strcmp(amp_cat_id(e), key_codes[i].id) == 0)
            code = key_codes[i].code;
    char advice[200] = "", where_buf[300], list[600] = "";
    const char *hint = amp_opt_closest(p->key, names, n);
    if (strcmp(code, "auth-unknown-user-attribute") == 0)
        attribute_advice(e, p->key, advice, sizeof advice);
    if (!advice[0] && hint)
        snprintf(advice, sizeof advice, " Did you mean '%s'?", hint);
    for (size_t i = 0; i < n && i < 24; i++) {
        size_t used = strlen(list);
        snprintf(list + used, sizeof list - used, "%s%s", used ? ", " : "", names[i]);
    }
    amp_report(w->c, code, p->key_loc,
               "'%s' is not a key %s accepts.%s Remove it or use one of: %s.", p->key,
               where(w, where_buf, sizeof where_buf), advice, list);
}

/* Reports required keys missing from a closed object, and keys whose
 * catalogue attr together_with names an absent sibling. */
static void check_required(opt_walk *w, const amp_cat_entry *e, const amp_cat_value *d,
                           const amp_value *obj, amp_loc at)
{
    if (obj->open)
        return;
    const amp_cat_entry *sources[2] = {e, amp_cat_value_shape(d)};
    char where_buf[300];
    for (size_t s = 0; s < 2; s++)
        for (size_t i = 0; sources[s] && i < amp_cat_child_count(sources[s]); i++) {
            const amp_cat_entry *k = amp_cat_child_at(sources[s], i);
            if (amp_cat_kind_of(k) != AMP_CAT_OPTION || strchr(amp_cat_name(k), '*'))
                continue;
            const char *name = amp_cat_name(k);
            const char *with = amp_cat_attr(k, "together_with");
            bool present = amp_value_prop(obj, name) != NULL;
            if (!present && amp_cat_value_required(amp_cat_value_of(k)))
                amp_report(w->c, "options-missing-key", at,
                           "%s needs the key '%s'; add it (for example `%s`).",
                           where(w, where_buf, sizeof where_buf), name,
                           amp_cat_example(k) ? amp_cat_example(k) : name);
            else if (present && with && !amp_value_prop(obj, with))
                amp_report(w->c, "options-missing-key", amp_value_prop(obj, name)->key_loc,
                           "'%s' in %s needs '%s' as well: give both or neither.", name,
                           where(w, where_buf, sizeof where_buf), with);
        }
}

/* True when e or d tells which keys an object may have. */
static bool keys_known(const amp_cat_entry *e, const amp_cat_value *d)
{
    const char *names[4];
    return key_names(e, d, names, 4) > 0;
}

/* Checks an object literal against the option children of e (or the shape
 * of d). at is where to report missing keys. */
static void check_object(opt_walk *w, const amp_cat_entry *e, const amp_cat_value *d,
                         const amp_value *obj, bool fresh, amp_loc at)
{
    if (!keys_known(e, d))
        return;
    for (size_t i = 0; i < obj->prop_count; i++) {
        const amp_prop *p = &obj->props[i];
        bool explicit_key = loc_inside(p->key_loc, obj->loc);
        const amp_cat_entry *k = key_entry(e, d, p->key);
        if (!k) {
            if (fresh && explicit_key)
                report_unknown_key(w, e, d, p);
            continue;
        }
        size_t old = path_push(w, p->key, false);
        int owned = is_owned(k);
        w->owned += owned;
        check_value(w, k, amp_cat_value_of(k), p->value, fresh && explicit_key, p->key_loc);
        w->owned -= owned;
        path_pop(w, old);
    }
    check_required(w, e, d, obj, at);
}

/* Checks the keys and values of a record (an object with free keys). */
static void check_record(opt_walk *w, const amp_cat_value *d, const amp_value *obj, bool fresh)
{
    size_t nkeys = 0;
    const char *const *keys = amp_cat_value_keys(d, &nkeys);
    const char *pattern = amp_cat_value_key_pattern(d);
    char where_buf[300];
    for (size_t i = 0; i < obj->prop_count; i++) {
        const amp_prop *p = &obj->props[i];
        bool allowed = nkeys == 0;
        for (size_t k = 0; k < nkeys && !allowed; k++)
            allowed = amp_catalog_glob(keys[k], p->key);
        if (!allowed && fresh && loc_inside(p->key_loc, obj->loc))
            amp_report(w->c, "options-unknown-key", p->key_loc, "'%s' is not a key %s accepts.",
                       p->key, where(w, where_buf, sizeof where_buf));
        else if (!w->owned && pattern && amp_opt_regex_test(pattern, p->key) == 0)
            amp_report(w->c, "options-invalid-value", p->key_loc,
                       "The key '%s' of %s must match /%s/; rename it.", p->key,
                       where(w, where_buf, sizeof where_buf), pattern);
        size_t old = path_push(w, p->key, false);
        check_value(w, NULL, amp_cat_value_items(d), p->value, fresh, p->key_loc);
        path_pop(w, old);
    }
}

/* Checks an array: its length, then each item. */
static void check_array(opt_walk *w, const amp_cat_entry *e, const amp_cat_value *d,
                        const amp_value *arr, bool fresh)
{
    amp_cat_range count = amp_cat_value_item_count(d);
    char where_buf[300], range[80];
    if (!arr->open && outside(count, (double)arr->item_count)) {
        if (count.has_min && count.has_max)
            snprintf(range, sizeof range, "from %g to %g items", count.min, count.max);
        else
            snprintf(range, sizeof range, "at %s %g item%s", count.has_min ? "least" : "most",
                     count.has_min ? count.min : count.max,
                     (count.has_min ? count.min : count.max) == 1 ? "" : "s");
        amp_report(w->c, "options-out-of-range", arr->loc,
                   "%s has %zu item%s, but %s needs %s; %s.", where(w, where_buf, sizeof where_buf),
                   arr->item_count, arr->item_count == 1 ? "" : "s", w->define, range,
                   arr->item_count == 0 ? "add at least one" : "remove some");
    }
    const amp_cat_value *items = amp_cat_value_items(d);
    for (size_t i = 0; i < arr->item_count; i++) {
        char index[24];
        snprintf(index, sizeof index, "[%zu]", i);
        size_t old = path_push(w, index, true);
        const amp_value *item = arr->items[i];
        if (item->kind == AMP_VAL_OBJECT && keys_known(e, d) &&
            kind_accepted(amp_cat_value_types(items), item))
            check_object(w, e, items, item, fresh && item->binding < 0, item->loc);
        else
            check_value(w, NULL, items, item, fresh && item->binding < 0, item->loc);
        path_pop(w, old);
    }
}

/* ---- access callbacks ------------------------------------------------------ */

/* The member named name of a catalogue type (method, property or option). */
static const amp_cat_entry *member(const amp_cat_entry *type, const char *name)
{
    const amp_cat_entry *m = amp_cat_child(type, name);
    if (m && amp_cat_kind_of(m) == AMP_CAT_VALUE)
        return NULL;
    return m;
}

/* Checks the arguments of a call of entry e against its parameters. */
static void check_args(opt_walk *w, const amp_cat_entry *e, const char *name,
                       const amp_value **args, size_t count)
{
    for (size_t i = 0; i < count && i < amp_cat_param_count(e); i++) {
        const amp_cat_param *p = amp_cat_param_at(e, i);
        size_t old = path_push(w, "()", true);
        const char *outer = w->call;
        w->call = name;
        check_value(w, NULL, amp_cat_param_value(p), args[i], true, args[i]->loc);
        w->call = outer;
        path_pop(w, old);
    }
}

/* Reports a member the `allow` object (or a rule) does not have. */
static void report_member(opt_walk *w, const amp_cat_entry *type, const char *name, amp_loc at)
{
    const char *names[64];
    size_t n = 0;
    for (size_t i = 0; i < amp_cat_child_count(type) && n < 64; i++)
        if (amp_cat_kind_of(amp_cat_child_at(type, i)) != AMP_CAT_VALUE)
            names[n++] = amp_cat_name(amp_cat_child_at(type, i));
    char list[400] = "";
    for (size_t i = 0; i < n; i++) {
        size_t used = strlen(list);
        snprintf(list + used, sizeof list - used, "%s%s", used ? ", " : "", names[i]);
    }
    const char *hint = amp_opt_closest(name, names, n);
    char suggestion[120] = "";
    if (hint)
        snprintf(suggestion, sizeof suggestion, " Did you mean '%s'?", hint);
    amp_report(w->c, "options-unknown-key", at,
               "'%s' is not available here in the %s access rules.%s Use one of: %s.", name,
               w->define, suggestion, list);
}

/* Checks one `allow...` rule call of an access callback: "$0.a.b" walks the
 * catalogue from the callback's argument type, then the chained methods. */
static void check_rule_call(opt_walk *w, const amp_cat_entry *type, const amp_value *call)
{
    const char *rest = call->str + 3; /* after "$0." */
    const amp_cat_entry *cur = type, *e = NULL;
    char seg[64];
    while (*rest && cur) {
        const char *dot = strchr(rest, '.');
        size_t n = dot ? (size_t)(dot - rest) : strlen(rest);
        if (n >= sizeof seg)
            return;
        memcpy(seg, rest, n);
        seg[n] = '\0';
        e = member(cur, seg);
        if (!e) {
            amp_loc at = call->loc; /* from the use of the parameter to the end of the callee */
            if (call->callee_loc.file == at.file && call->callee_loc.end > at.start)
                at.end = call->callee_loc.end;
            report_member(w, cur, seg, at);
            return;
        }
        rest += n + (dot ? 1 : 0);
        if (*rest)
            cur = amp_cat_returns(e);
    }
    if (!e || *rest)
        return;
    check_args(w, e, seg, call->items, call->item_count);
    cur = amp_cat_returns(e);
    for (size_t i = 0; i < call->method_count && cur; i++) {
        const amp_method *m = &call->methods[i];
        const amp_cat_entry *me = member(cur, m->name);
        if (!me) {
            report_member(w, cur, m->name, m->name_loc);
            return;
        }
        check_args(w, me, m->name, m->args, m->arg_count);
        cur = amp_cat_returns(me);
    }
}

/* Finds the rule calls (CALL values on the callback's first parameter) in
 * what an access callback returns, through objects and arrays. */
static void check_rules_in(opt_walk *w, const amp_cat_entry *type, const amp_value *v, int depth)
{
    if (!v || depth > WALK_MAX_DEPTH)
        return;
    if (v->kind == AMP_VAL_CALL && v->str && strncmp(v->str, "$0.", 3) == 0)
        check_rule_call(w, type, v);
    else if (v->kind == AMP_VAL_ARRAY)
        for (size_t i = 0; i < v->item_count; i++)
            check_rules_in(w, type, v->items[i], depth + 1);
    else if (v->kind == AMP_VAL_OBJECT)
        for (size_t i = 0; i < v->prop_count; i++)
            check_rules_in(w, type, v->props[i].value, depth + 1);
}

/* ---- values ---------------------------------------------------------------- */

/* A secret name derived from the path ("google.clientSecret" ->
 * GOOGLE_CLIENT_SECRET) for the fix of options-secret-expected. */
static void secret_name(const char *path, char *out, size_t cap)
{
    const char *last = strrchr(path, '.');
    const char *start = path;
    for (const char *p = path; last && p < last; p++)
        if (*p == '.')
            start = p + 1;
    size_t j = 0;
    for (const char *p = start; *p && j + 2 < cap; p++) {
        if (*p == '[') {
            while (*p && *p != ']')
                p++;
            if (!*p)
                break;
            continue;
        }
        if (*p == '.') {
            out[j++] = '_';
            continue;
        }
        if (isupper((unsigned char)*p) && j > 0 && out[j - 1] != '_')
            out[j++] = '_';
        out[j++] = (char)toupper((unsigned char)*p);
    }
    out[j] = '\0';
}

/* Reports a value of a kind the descriptor does not accept. */
static void report_kind(opt_walk *w, const amp_cat_value *d, const amp_value *v)
{
    unsigned mask = amp_cat_value_types(d);
    char where_buf[300], expected[200], shown[120];
    where(w, where_buf, sizeof where_buf);
    if ((mask & ~AMP_CAT_T_NULL) == AMP_CAT_T_SECRET && v->kind == AMP_VAL_STRING) {
        char name[64];
        secret_name(w->path, name, sizeof name);
        const char *key = strrchr(w->path, '.') ? strrchr(w->path, '.') + 1 : w->path;
        amp_report(
            w->c, "options-secret-expected", v->loc,
            "%s must be a secret, not a literal string: Amplify fetches it from the secret store "
            "at deploy time, and a literal would also leak it into your repository. Store it with "
            "`npx ampx sandbox secret set %s` and write `%s: secret('%s')`.",
            where_buf, name, key, name);
        return;
    }
    describe_types(mask, expected, sizeof expected);
    describe(v, shown, sizeof shown);
    amp_report(w->c, "options-wrong-type", v->loc,
               "%s is %s, but %s expects %s here; change the value.", where_buf, shown, w->define,
               expected);
}

/* Checks one value against its entry e (may be NULL) and descriptor d; at
 * is its key (where missing keys of an object value are reported). */
static void check_value(opt_walk *w, const amp_cat_entry *e, const amp_cat_value *d,
                        const amp_value *v, bool fresh, amp_loc at)
{
    if (!v || !d || w->depth > WALK_MAX_DEPTH || v->kind == AMP_VAL_UNKNOWN ||
        v->kind == AMP_VAL_UNDEFINED || v->kind == AMP_VAL_BUILTIN || v->kind == AMP_VAL_TEMPLATE)
        return;
    unsigned mask = amp_cat_value_types(d);
    if (!kind_accepted(mask, v)) {
        report_kind(w, d, v);
        return;
    }
    w->depth++;
    check_enum(w, d, v);
    if (v->kind == AMP_VAL_NUMBER)
        check_number(w, d, v);
    else if (v->kind == AMP_VAL_STRING)
        check_string(w, e, d, v);
    else if (v->kind == AMP_VAL_OBJECT && keys_known(e, d) && (mask & AMP_CAT_T_OBJECT))
        check_object(w, e, d, v, fresh && v->binding < 0, at);
    else if (v->kind == AMP_VAL_OBJECT && (mask & AMP_CAT_T_RECORD))
        check_record(w, d, v, fresh && v->binding < 0);
    else if (v->kind == AMP_VAL_ARRAY)
        check_array(w, e, d, v, fresh && v->binding < 0);
    else if (v->kind == AMP_VAL_FUNCTION && amp_cat_value_arg(d))
        check_rules_in(w, amp_cat_value_arg(d), v->body, 0);
    w->depth--;
}

void amp_rules_options_generic(amp_check *c, const amp_resource *r)
{
    const amp_cat_entry *e = amp_catalog_find(r->define);
    const amp_cat_param *param = amp_cat_param_at(e, 0);
    if (!e || !param || !r->props || r->props->kind != AMP_VAL_OBJECT)
        return;
    opt_walk w = {c, r->define, "", 0, 0, NULL};
    check_object(&w, e, amp_cat_param_value(param), r->props, r->props->binding < 0,
                 r->value->callee_loc);
}

/* ---- entry point ----------------------------------------------------------- */

void amp_rules_options(amp_check *c)
{
    for (size_t i = 0; i < c->m->resource_count; i++) {
        const amp_resource *r = &c->m->resources[i];
        if (r->kind == AMP_RES_OTHER)
            continue;
        amp_rules_options_generic(c, r);
        if (r->kind == AMP_RES_AUTH)
            amp_rules_options_auth(c, r);
        else if (r->kind == AMP_RES_STORAGE)
            amp_rules_options_storage(c, r);
        else if (r->kind == AMP_RES_FUNCTION) {
            amp_rules_options_function(c, r);
            amp_rules_options_schedule(c, r);
        }
    }
    amp_rules_options_buckets(c);
    amp_rules_options_names(c);
    amp_rules_options_more(c);
}
