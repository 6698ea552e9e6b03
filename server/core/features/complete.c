/*
 * complete.c: the completion entry point (see amp_complete.h).
 *
 * After the scan, the cursor is in one of four places:
 *   - a string literal: the values of the slot it fills (closed sets from
 *     the catalogue, names from the model), inserted without quotes;
 *   - after `.`: the members of the expression's catalogue type still
 *     allowed by chain typing and by the contexts around the cursor;
 *   - at a key of an object literal: the option keys not used yet;
 *   - at a bare argument, element or key value: the same values as in a
 *     string, quoted.
 * Anything the catalogue cannot type gives no items: the TypeScript server
 * answers there.
 */
#include "complete_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- items --------------------------------------------------------------- */

amp_citem *cx_item(cx_items *it, const char *label, amp_citem_kind kind, int rank)
{
    amp_completion *out = it->out;
    if (out->count == it->cap) {
        size_t cap = it->cap ? it->cap * 2 : 32;
        amp_citem *grown = amp_arena_grow(&out->arena, out->items, out->count, cap, sizeof *grown);
        if (!grown) {
            it->sc->oom = true;
            return NULL;
        }
        out->items = grown;
        it->cap = cap;
    }
    amp_citem *item = &out->items[out->count];
    memset(item, 0, sizeof *item);
    item->label = amp_arena_strndup(&out->arena, label, strlen(label));
    if (item->label && amp_strmap_put(&it->labels, label, it, NULL) != 0)
        it->sc->oom = true;
    /* The rank digit, then the item's number (at least four digits): what
     * "%d%04zu" prints, without snprintf (thousands of items per request). */
    char digits[24], sort[32];
    size_t nd = 0, ns = 0;
    for (size_t v = out->count; v || nd < 4; v /= 10)
        digits[nd++] = (char)('0' + v % 10);
    sort[ns++] = (char)('0' + (rank < 0 ? 0 : rank > 9 ? 9 : rank));
    while (nd)
        sort[ns++] = digits[--nd];
    item->sort = amp_arena_strndup(&out->arena, sort, ns);
    if (!item->label || !item->sort) {
        it->sc->oom = true;
        return NULL;
    }
    item->kind = kind;
    item->insert = item->label;
    out->count++;
    return item;
}

bool cx_has_item(const cx_items *it, const char *label)
{
    return amp_strmap_get(&it->labels, label) != NULL;
}

amp_citem *cx_value_item(cx_items *it, const char *literal, amp_citem_kind kind, int rank)
{
    if (cx_has_item(it, literal))
        return NULL;
    amp_citem *item = cx_item(it, literal, kind, rank);
    if (item && it->quoted) {
        char q = it->quote;
        size_t n = strlen(literal), k = 0;
        char *text = amp_arena_alloc(&it->out->arena, n + 5);
        if (!text) {
            it->sc->oom = true;
            return item;
        }
        if (it->in_array)
            text[k++] = '[';
        text[k++] = q;
        memcpy(text + k, literal, n);
        k += n;
        text[k++] = q;
        if (it->in_array)
            text[k++] = ']';
        item->insert = text;
        item->filter = item->label;
    }
    return item;
}

bool cx_frame_lists(cx_scan *sc, cx_frame *f, const char *text)
{
    size_t n = strlen(text);
    for (uint32_t i = 0; f && i < f->string_count; i++) {
        const cx_strlit *s = &f->strings[i];
        if (s->start <= sc->offset && sc->offset <= s->end)
            continue; /* the literal being typed */
        if (s->end - s->start == n && memcmp(sc->s + s->start, text, n) == 0)
            return true;
    }
    return false;
}

/* ---- members after `.` --------------------------------------------------- */

/* Where a.* builders are typed: 1 at the schema's top level, 2 among
 * fields, arguments or return types, 0 elsewhere. */
static int builder_level(cx_scan *sc)
{
    const cx_cursor *at = &sc->at;
    cx_slot s = cx_position_slot(sc, at->frame, at->arg, at->kstate == CX_VALUE, at->key_start,
                                 at->key_end);
    if (!s.known || !s.owner)
        return 0;
    const char *id = amp_cat_id(s.owner);
    if (strcmp(id, "a.schema") == 0 || strcmp(id, "ConfiguredSchema.schema") == 0 ||
        strncmp(id, "SqlSchema.add", 13) == 0)
        return 1;
    return amp_cat_value_accepts(s.value, AMP_CAT_T_BUILDER) ? 2 : 0;
}

/* Ranks an a.* member for the level: the builders that fit first. */
static int builder_rank(const amp_cat_entry *e, int level)
{
    static const char *const types[] = {"model",      "customType",   "enum",
                                        "query",      "mutation",     "subscription",
                                        "generation", "conversation", NULL};
    static const char *const fields[] = {"ref",  "hasMany",    "hasOne", "belongsTo",
                                         "enum", "customType", NULL};
    const char *name = amp_cat_name(e);
    const char *const *prefer = level == 1 ? types : level == 2 ? fields : NULL;
    for (size_t i = 0; prefer && prefer[i]; i++)
        if (strcmp(prefer[i], name) == 0)
            return 0;
    const char *scalar = amp_cat_attr(e, "scalar");
    if (level == 2 && scalar && strcmp(scalar, "true") == 0)
        return 0;
    return level ? 1 : 0;
}

/* The item kind of a catalogue member. */
static amp_citem_kind member_kind(const amp_cat_entry *e)
{
    switch (amp_cat_kind_of(e)) {
    case AMP_CAT_METHOD:
        return AMP_CI_METHOD;
    case AMP_CAT_FUNCTION:
        return AMP_CI_FUNCTION;
    case AMP_CAT_NAMESPACE:
        return AMP_CI_NAMESPACE;
    default:
        return AMP_CI_PROPERTY;
    }
}

/* Offers catalogue member e (a method, function, property or namespace). */
static void member_item(cx_items *it, const amp_cat_entry *e, int rank)
{
    cx_scan *sc = it->sc;
    amp_citem *item = cx_item(it, amp_cat_name(e), member_kind(e), rank);
    if (!item)
        return;
    item->entry = e;
    item->detail = cx_entry_detail(sc, e);
    item->doc = cx_item_doc(e);
    item->deprecated = amp_cat_deprecated(e) != NULL;
    amp_cat_kind k = amp_cat_kind_of(e);
    if (sc->env->snippets && (k == AMP_CAT_METHOD || k == AMP_CAT_FUNCTION)) {
        char buf[128];
        snprintf(buf, sizeof buf, "%s(%s)", amp_cat_name(e), amp_cat_param_count(e) ? "$0" : "");
        item->snippet = amp_arena_strndup(&it->out->arena, buf, strlen(buf));
    }
}

/* After `.`: the members of the expression's type still allowed. */
static void member_items(cx_items *it)
{
    cx_scan *sc = it->sc;
    const cx_cursor *at = &sc->at;
    cx_type t = cx_resolve(sc, at->frame, &at->chain);
    if (!t.ok || !t.type)
        return;
    int level = strcmp(amp_cat_id(t.type), "a") == 0 ? builder_level(sc) : 0;
    for (size_t i = 0; i < amp_cat_child_count(t.type); i++) {
        const amp_cat_entry *c = amp_cat_child_at(t.type, i);
        amp_cat_kind k = amp_cat_kind_of(c);
        if (k != AMP_CAT_METHOD && k != AMP_CAT_FUNCTION && k != AMP_CAT_PROPERTY &&
            k != AMP_CAT_NAMESPACE)
            continue;
        if (!cx_member_allowed(&t, c) || !cx_context_allows(sc, at->frame, t.type, c))
            continue;
        member_item(it, c, builder_rank(c, level) + (amp_cat_deprecated(c) ? 5 : 0));
    }
}

/* ---- keys of an options object ------------------------------------------- */

/* True when frame f already has key name (not the one being typed). */
static bool key_used(cx_scan *sc, const cx_frame *f, const char *name)
{
    size_t n = strlen(name);
    for (uint32_t i = 0; i < f->member_count; i++) {
        const cx_member *m = &f->members[i];
        if (m->key_start <= sc->offset && sc->offset <= m->key_end)
            continue;
        if (m->key_end - m->key_start == n && memcmp(sc->s + m->key_start, name, n) == 0)
            return true;
    }
    return false;
}

/* Offers option key opt of object frame f unless it is used already. */
static void key_item(cx_items *it, const cx_frame *f, const amp_cat_entry *opt)
{
    cx_scan *sc = it->sc;
    const char *name = amp_cat_name(opt);
    const char *ignored = amp_cat_attr(opt, "ignored");
    const char *internal = amp_cat_attr(opt, "internal");
    if (strchr(name, '*') || key_used(sc, f, name) || cx_has_item(it, name) ||
        (internal && strcmp(internal, "true") == 0))
        return;
    const amp_cat_value *v = amp_cat_value_of(opt);
    int rank = amp_cat_value_required(v) ? 0 : 1;
    if (amp_cat_deprecated(opt) || (ignored && strcmp(ignored, "true") == 0))
        rank = 5;
    amp_citem *item = cx_item(it, name, AMP_CI_OPTION, rank);
    if (!item)
        return;
    item->entry = opt;
    item->detail = cx_value_summary(sc, v);
    item->doc = cx_item_doc(opt);
    item->deprecated = amp_cat_deprecated(opt) != NULL;
    char plain[256];
    bool ident = strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$") ==
                 strlen(name);
    snprintf(plain, sizeof plain, ident ? "%s: " : "'%s': ", name);
    item->insert = amp_arena_strndup(&it->out->arena, plain, strlen(plain));
    if (sc->env->snippets)
        item->snippet = cx_key_snippet(sc, name, opt, it->quote);
}

/* The options of an object slot: the owner's option children, then those
 * of its shape. */
static void option_items(cx_items *it, const cx_frame *f, const cx_slot *obj)
{
    const amp_cat_entry *owner = obj->owner;
    for (size_t i = 0; i < amp_cat_child_count(owner); i++) {
        const amp_cat_entry *c = amp_cat_child_at(owner, i);
        if (amp_cat_kind_of(c) == AMP_CAT_OPTION)
            key_item(it, f, c);
    }
    const amp_cat_value *v = obj->value;
    const amp_cat_entry *shape = amp_cat_value_shape(v);
    if (!shape && amp_cat_value_items(v))
        shape = amp_cat_value_shape(amp_cat_value_items(v));
    for (size_t i = 0; shape && i < amp_cat_child_count(shape); i++) {
        const amp_cat_entry *c = amp_cat_child_at(shape, i);
        if (amp_cat_kind_of(c) == AMP_CAT_OPTION)
            key_item(it, f, c);
    }
}

/* At a key of an object literal: the options not used yet. */
static void key_items(cx_items *it)
{
    cx_scan *sc = it->sc;
    cx_frame *f = sc->at.frame;
    cx_slot obj = cx_frame_slot(sc, f);
    if (!obj.known)
        return;
    cx_special sp = cx_slot_special(&obj);
    unsigned types = amp_cat_value_types(obj.value);
    cx_scan_finish(sc);
    if (sp == CX_SP_RESOURCES)
        cx_resource_key_items(it, f);
    else if (types & AMP_CAT_T_OBJECT)
        option_items(it, f, &obj);
}

/* ---- values -------------------------------------------------------------- */

static void enum_items(cx_items *it, const cx_slot *slot, cx_frame *f)
{
    size_t n = 0;
    const char *const *lits = amp_cat_value_enum(slot->value, &n);
    const char *def = amp_cat_value_default(slot->value);
    for (size_t i = 0; i < n; i++) {
        amp_cat_literal_kind k = amp_cat_value_enum_kind(slot->value, i);
        if ((!it->quoted && k != AMP_CAT_LIT_STRING) ||
            (slot->item && cx_frame_lists(it->sc, f, lits[i])))
            continue;
        bool saved = it->quoted;
        it->quoted = saved && k == AMP_CAT_LIT_STRING;
        amp_citem *item = cx_value_item(it, lits[i], AMP_CI_VALUE, 1);
        it->quoted = saved;
        if (!item)
            continue;
        const amp_cat_entry *doc = amp_cat_child(slot->owner, lits[i]);
        if (doc && amp_cat_kind_of(doc) == AMP_CAT_VALUE) {
            item->entry = doc;
            item->doc = cx_item_doc(doc);
        }
        if (def && strcmp(def, lits[i]) == 0)
            item->detail = "default";
    }
    const char *const *sug = amp_cat_value_suggest(slot->value, &n);
    for (size_t i = 0; i < n; i++)
        cx_value_item(it, sug[i], AMP_CI_VALUE, 2);
}

/* In a string or at a bare value: what the slot at the cursor accepts. */
static void value_items(cx_items *it)
{
    cx_scan *sc = it->sc;
    cx_cursor *at = &sc->at;
    cx_frame *f = at->frame;
    cx_slot slot =
        cx_position_slot(sc, f, at->arg, at->kstate == CX_VALUE, at->key_start, at->key_end);
    if (!slot.known)
        return;
    unsigned types = amp_cat_value_types(slot.value);
    if (it->quoted && !slot.item && (types & AMP_CAT_T_ARRAY) && !(types & AMP_CAT_T_STRING) &&
        amp_cat_value_items(slot.value)) {
        /* `.to(` or `groups(`: the values come wrapped in an array */
        slot.value = amp_cat_value_items(slot.value);
        slot.item = true;
        it->in_array = true;
    }
    cx_special sp = cx_slot_special(&slot);
    if (sp == CX_SP_FUNCTIONS && !it->quoted)
        return; /* a function name in a string is an external function */
    if (sp == CX_SP_NONE && !amp_cat_value_enum(slot.value, NULL) &&
        !amp_cat_value_suggest(slot.value, NULL))
        return;
    /* What the model items need from frames around the cursor is read now;
     * then the rest of the cursor's frame is scanned for listed values. */
    cx_scan_finish(sc);
    if (sp != CX_SP_NONE)
        cx_model_items(it, sp, &slot, f);
    else
        enum_items(it, &slot, f);
}

/* True when the previous token lets a bare value start here. */
static bool bare_value_position(const cx_cursor *at)
{
    return at->prev.kind == CX_TK_PUNCT &&
           (at->prev.p == '(' || at->prev.p == ',' || at->prev.p == '[' || at->prev.p == ':');
}

/* ---- entry point --------------------------------------------------------- */

/* LSP edits replace within one line: a string continued over lines with a
 * backslash is replaced on the cursor's line only. */
static void one_line(const cx_scan *sc, amp_completion *out)
{
    for (uint32_t i = out->start; i < sc->offset; i++)
        if (sc->s[i] == '\n' || sc->s[i] == '\r')
            out->start = i + 1;
    for (uint32_t i = sc->offset; i < out->end; i++)
        if (sc->s[i] == '\n' || sc->s[i] == '\r') {
            out->end = i;
            break;
        }
}

static void dispatch(cx_items *it)
{
    cx_scan *sc = it->sc;
    cx_cursor *at = &sc->at;
    amp_completion *out = it->out;
    if (at->in_comment)
        return;
    if (at->str.kind == CX_TK_STRING) {
        out->start = at->str.start + 1;
        out->end = at->str.unterminated ? at->str.end : at->str.end - 1;
        if (out->end < sc->offset)
            out->end = sc->offset;
        one_line(sc, out);
        out->context = "string";
        it->quoted = false;
        if (!(at->frame->open == '{' && !at->frame->block && at->kstate == CX_KEY))
            value_items(it);
        return;
    }
    if (at->word.kind == CX_TK_IDENT) {
        out->start = at->word.start;
        out->end = at->word.end;
    }
    if (at->chain.dot && at->chain.len) {
        out->context = "member";
        member_items(it);
    } else if (at->frame->open == '{' && !at->frame->block && at->kstate == CX_KEY) {
        out->context = "key";
        key_items(it);
    } else if (bare_value_position(at)) {
        out->context = "value";
        it->quoted = true;
        value_items(it);
    }
}

int amp_complete(const amp_feature_env *env, uint32_t offset, amp_completion *out)
{
    memset(out, 0, sizeof *out);
    cx_scan sc;
    if (cx_scan_run(&sc, &out->arena, env, offset, 0) != 0) {
        amp_completion_free(out);
        return -1;
    }
    out->start = out->end = sc.offset;
    out->context = "none";
    cx_items it = {0};
    it.sc = &sc;
    it.out = out;
    it.quote = sc.double_quotes > sc.single_quotes ? '"' : '\'';
    dispatch(&it);
    amp_strmap_free(&it.labels);
    if (sc.oom) {
        amp_completion_free(out);
        return -1;
    }
    return (int)out->count;
}

static char fold(char ch)
{
    return ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
}

/* True when the n bytes of typed occur in word in order, ignoring case. */
static bool subsequence(const char *typed, size_t n, const char *word)
{
    size_t i = 0;
    for (const char *w = word; *w && i < n; w++)
        i += fold(*w) == fold(typed[i]);
    return i == n;
}

static int by_sort(const void *a, const void *b)
{
    const amp_citem *x = a, *y = b;
    return strcmp(x->sort ? x->sort : "", y->sort ? y->sort : "");
}

/* True when word starts with the n bytes of typed, ignoring case. */
static bool starts_with(const char *word, const char *typed, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!word[i] || fold(word[i]) != fold(typed[i]))
            return false;
    return true;
}

bool amp_completion_narrow(amp_completion *c, const amp_text *text, uint32_t offset, size_t max)
{
    if (c->count <= max)
        return false;
    size_t n = offset >= c->start && offset <= text->len ? offset - c->start : 0;
    const char *typed = text->bytes + c->start;
    /* Two passes move the matches to the front: those that start with what
     * was typed, then the other subsequence matches; each in sort order. */
    size_t kept = 0;
    for (int pass = 0; pass < 2; pass++) {
        size_t from = kept;
        for (size_t i = kept; i < c->count; i++) {
            const char *word = c->items[i].filter ? c->items[i].filter : c->items[i].label;
            if (pass == 0 ? starts_with(word, typed, n) : subsequence(typed, n, word)) {
                amp_citem it = c->items[i];
                c->items[i] = c->items[kept];
                c->items[kept++] = it;
            }
        }
        qsort(c->items + from, kept - from, sizeof *c->items, by_sort);
    }
    bool dropped = kept > max || kept < c->count;
    c->count = kept > max ? max : kept;
    return dropped;
}

void amp_completion_free(amp_completion *c)
{
    amp_arena_free(&c->arena);
    memset(c, 0, sizeof *c);
}
