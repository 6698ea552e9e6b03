/*
 * catalog.c: read-only accessors over the generated catalogue tables.
 *
 * Implements amp_catalog.h on top of the static tables that the build
 * generates from the schema-db/data/ JSON files (layout in amp_catalog_internal.h).
 * Lookups by id binary-search the id-sorted entry table; children are index
 * lists in declared order. Nothing here allocates or keeps state.
 */
#include "amp_catalog_internal.h"

#include <string.h>

static const amp_cat_range no_range = {false, false, 0.0, 0.0};

/* The entry at table index idx, or NULL for a negative index. */
static const amp_cat_entry *entry_at_index(int32_t idx)
{
    if (idx < 0 || (uint32_t)idx >= amp_cat_entry_count_)
        return NULL;
    return &amp_cat_entries_[idx];
}

/* Compares the first len bytes of key (not NUL-terminated) with id as strcmp
 * would compare the NUL-terminated key. */
static int compare_n(const char *key, size_t len, const char *id)
{
    int c = strncmp(key, id, len);
    if (c != 0)
        return c;
    return id[len] == '\0' ? 0 : -1;
}

/* ---- Public functions: each contract is stated in amp_catalog.h. ---- */

size_t amp_catalog_count(void)
{
    return amp_cat_entry_count_;
}

const amp_cat_entry *amp_catalog_at(size_t i)
{
    return i < amp_cat_entry_count_ ? &amp_cat_entries_[i] : NULL;
}

const amp_cat_entry *amp_catalog_find_n(const char *id, size_t len)
{
    if (!id || memchr(id, '\0', len))
        return NULL;
    size_t lo = 0, hi = amp_cat_entry_count_;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = compare_n(id, len, amp_cat_entries_[mid].id);
        if (c == 0)
            return &amp_cat_entries_[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

const amp_cat_entry *amp_catalog_find(const char *id)
{
    return id ? amp_catalog_find_n(id, strlen(id)) : NULL;
}

size_t amp_catalog_package_count(void)
{
    return amp_cat_package_count_;
}

const char *amp_catalog_package_name(size_t i)
{
    return i < amp_cat_package_count_ ? amp_cat_packages_[i].key : NULL;
}

const char *amp_catalog_package_version(size_t i)
{
    return i < amp_cat_package_count_ ? amp_cat_packages_[i].value : NULL;
}

const char *amp_catalog_version(const char *package)
{
    for (size_t i = 0; package && i < amp_cat_package_count_; i++)
        if (strcmp(amp_cat_packages_[i].key, package) == 0)
            return amp_cat_packages_[i].value;
    return NULL;
}

bool amp_catalog_glob(const char *pattern, const char *text)
{
    if (!pattern || !text)
        return false;
    const char *star = NULL, *resume = NULL;
    while (*text) {
        if (*pattern == '*') {
            star = pattern++;
            resume = text;
        } else if (*pattern == *text) {
            pattern++;
            text++;
        } else if (star) {
            pattern = star + 1;
            text = ++resume;
        } else {
            return false;
        }
    }
    while (*pattern == '*')
        pattern++;
    return *pattern == '\0';
}

const char *amp_cat_id(const amp_cat_entry *e)
{
    return e ? e->id : NULL;
}

const char *amp_cat_name(const amp_cat_entry *e)
{
    return e ? e->name : NULL;
}

amp_cat_kind amp_cat_kind_of(const amp_cat_entry *e)
{
    return (amp_cat_kind)e->kind;
}

const char *amp_cat_kind_name(amp_cat_kind kind)
{
    static const char *const names[] = {"function", "namespace", "type", "method",
                                        "option",   "property",  "value"};
    if ((unsigned)kind >= sizeof names / sizeof names[0])
        return "?";
    return names[kind];
}

const amp_cat_entry *amp_cat_parent(const amp_cat_entry *e)
{
    return e ? entry_at_index(e->parent) : NULL;
}

size_t amp_cat_child_count(const amp_cat_entry *e)
{
    return e ? e->child_count : amp_cat_root_count_;
}

const amp_cat_entry *amp_cat_child_at(const amp_cat_entry *e, size_t i)
{
    if (!e)
        return i < amp_cat_root_count_ ? &amp_cat_entries_[amp_cat_roots_[i]] : NULL;
    if (i >= e->child_count)
        return NULL;
    return &amp_cat_entries_[amp_cat_children_[e->first_child + i]];
}

const amp_cat_entry *amp_cat_child(const amp_cat_entry *e, const char *name)
{
    size_t n = amp_cat_child_count(e);
    for (size_t i = 0; name && i < n; i++) {
        const amp_cat_entry *c = amp_cat_child_at(e, i);
        if (strcmp(c->name, name) == 0)
            return c;
    }
    return NULL;
}

/* The first child of e whose name is a glob pattern matching key. */
static const amp_cat_entry *pattern_child(const amp_cat_entry *e, const char *key)
{
    for (size_t i = 0; e && i < e->child_count; i++) {
        const amp_cat_entry *c = amp_cat_child_at(e, i);
        if (c->kind != AMP_CAT_VALUE && strchr(c->name, '*') && amp_catalog_glob(c->name, key))
            return c;
    }
    return NULL;
}

/* The shape type of one value descriptor (or of its items), or NULL. */
static const amp_cat_entry *value_shape(const amp_cat_value *v)
{
    if (!v)
        return NULL;
    if (v->shape >= 0)
        return entry_at_index(v->shape);
    return v->items ? entry_at_index(v->items->shape) : NULL;
}

/* The shape type describing the keys of e's object: that of its value, or
 * for a function or method that of the first parameter with a shape. */
static const amp_cat_entry *shape_of(const amp_cat_entry *e)
{
    const amp_cat_entry *shape = value_shape(e->value);
    for (uint32_t i = 0; !shape && !e->value && i < e->param_count; i++)
        shape = value_shape(e->params[i].value);
    return shape;
}

const amp_cat_entry *amp_cat_key(const amp_cat_entry *e, const char *key)
{
    if (!e || !key)
        return NULL;
    const amp_cat_entry *found = amp_cat_child(e, key);
    const amp_cat_entry *shape = shape_of(e);
    if (!found && shape)
        found = amp_cat_child(shape, key);
    if (!found)
        found = pattern_child(e, key);
    if (!found && shape)
        found = pattern_child(shape, key);
    return found;
}

const char *amp_cat_signature(const amp_cat_entry *e)
{
    return e ? e->signature : NULL;
}

const char *amp_cat_doc(const amp_cat_entry *e)
{
    return e ? e->doc : NULL;
}

const char *amp_cat_example(const amp_cat_entry *e)
{
    return e ? e->example : NULL;
}

const char *amp_cat_since(const amp_cat_entry *e)
{
    return e ? e->since : NULL;
}

const char *amp_cat_package(const amp_cat_entry *e)
{
    return e ? e->package : NULL;
}

const char *amp_cat_url(const amp_cat_entry *e)
{
    return e ? e->url : NULL;
}

const char *amp_cat_deprecated(const amp_cat_entry *e)
{
    return e ? e->deprecated : NULL;
}

const amp_cat_entry *amp_cat_returns(const amp_cat_entry *e)
{
    return e ? entry_at_index(e->returns) : NULL;
}

const amp_cat_value *amp_cat_value_of(const amp_cat_entry *e)
{
    return e ? e->value : NULL;
}

size_t amp_cat_param_count(const amp_cat_entry *e)
{
    return e ? e->param_count : 0;
}

const amp_cat_param *amp_cat_param_at(const amp_cat_entry *e, size_t i)
{
    return e && i < e->param_count ? &e->params[i] : NULL;
}

size_t amp_cat_overload_count(const amp_cat_entry *e)
{
    return e ? e->overload_count : 0;
}

const amp_cat_overload *amp_cat_overload_at(const amp_cat_entry *e, size_t i)
{
    return e && i < e->overload_count ? &e->overloads[i] : NULL;
}

const char *amp_cat_overload_signature(const amp_cat_overload *o)
{
    return o ? o->signature : NULL;
}

const char *amp_cat_overload_doc(const amp_cat_overload *o)
{
    return o ? o->doc : NULL;
}

size_t amp_cat_overload_param_count(const amp_cat_overload *o)
{
    return o ? o->param_count : 0;
}

const amp_cat_param *amp_cat_overload_param_at(const amp_cat_overload *o, size_t i)
{
    return o && i < o->param_count ? &o->params[i] : NULL;
}

size_t amp_cat_context_count(const amp_cat_entry *e)
{
    return e ? e->context_count : 0;
}

const char *amp_cat_context_at(const amp_cat_entry *e, size_t i)
{
    return e && i < e->context_count ? e->contexts[i] : NULL;
}

bool amp_cat_has_context(const amp_cat_entry *e, const char *context)
{
    for (size_t i = 0; e && context && i < e->context_count; i++)
        if (strcmp(e->contexts[i], context) == 0)
            return true;
    return false;
}

const char *amp_cat_attr(const amp_cat_entry *e, const char *key)
{
    for (size_t i = 0; e && key && i < e->attr_count; i++)
        if (strcmp(e->attrs[i].key, key) == 0)
            return e->attrs[i].value;
    return NULL;
}

size_t amp_cat_attr_count(const amp_cat_entry *e)
{
    return e ? e->attr_count : 0;
}

const char *amp_cat_attr_key_at(const amp_cat_entry *e, size_t i)
{
    return e && i < e->attr_count ? e->attrs[i].key : NULL;
}

const char *amp_cat_attr_value_at(const amp_cat_entry *e, size_t i)
{
    return e && i < e->attr_count ? e->attrs[i].value : NULL;
}

const amp_cat_entry *amp_cat_link(const amp_cat_entry *e, const char *name)
{
    for (size_t i = 0; e && name && i < e->link_count; i++)
        if (strcmp(e->links[i].name, name) == 0)
            return entry_at_index(e->links[i].target);
    return NULL;
}

size_t amp_cat_link_count(const amp_cat_entry *e)
{
    return e ? e->link_count : 0;
}

const char *amp_cat_link_name_at(const amp_cat_entry *e, size_t i)
{
    return e && i < e->link_count ? e->links[i].name : NULL;
}

const amp_cat_entry *amp_cat_link_at(const amp_cat_entry *e, size_t i)
{
    return e && i < e->link_count ? entry_at_index(e->links[i].target) : NULL;
}

bool amp_cat_once(const amp_cat_entry *e)
{
    return e && e->once;
}

size_t amp_cat_removes_count(const amp_cat_entry *e)
{
    return e ? e->remove_count : 0;
}

const char *amp_cat_removes_at(const amp_cat_entry *e, size_t i)
{
    return e && i < e->remove_count ? e->removes[i] : NULL;
}

size_t amp_cat_restores_count(const amp_cat_entry *e)
{
    return e ? e->restore_count : 0;
}

const char *amp_cat_restores_at(const amp_cat_entry *e, size_t i)
{
    return e && i < e->restore_count ? e->restores[i] : NULL;
}

const char *amp_cat_param_name(const amp_cat_param *p)
{
    return p ? p->name : NULL;
}

const char *amp_cat_param_type(const amp_cat_param *p)
{
    return p ? p->type : NULL;
}

const char *amp_cat_param_doc(const amp_cat_param *p)
{
    return p ? p->doc : NULL;
}

bool amp_cat_param_optional(const amp_cat_param *p)
{
    return p && p->optional;
}

bool amp_cat_param_rest(const amp_cat_param *p)
{
    return p && p->rest;
}

const amp_cat_value *amp_cat_param_value(const amp_cat_param *p)
{
    return p ? p->value : NULL;
}

unsigned amp_cat_value_types(const amp_cat_value *v)
{
    return v ? v->types : 0;
}

bool amp_cat_value_accepts(const amp_cat_value *v, amp_cat_type type)
{
    return v && (v->types & (unsigned)type) != 0;
}

const char *amp_cat_type_name(amp_cat_type type)
{
    static const char *const names[] = {
        "string",   "number", "integer",   "boolean",  "null",
        "object",   "array",  "record",    "function", "function-resource",
        "resource", "secret", "construct", "builder",  "any"};
    for (unsigned bit = 0; bit < sizeof names / sizeof names[0]; bit++)
        if ((unsigned)type == (1u << bit))
            return names[bit];
    return "?";
}

const char *const *amp_cat_value_enum(const amp_cat_value *v, size_t *count)
{
    size_t n = v ? v->enum_count : 0;
    if (count)
        *count = n;
    return n ? v->enum_values : NULL;
}

amp_cat_literal_kind amp_cat_value_enum_kind(const amp_cat_value *v, size_t i)
{
    if (!v || i >= v->enum_count)
        return AMP_CAT_LIT_NULL;
    return (amp_cat_literal_kind)v->enum_kinds[i];
}

bool amp_cat_value_enum_contains(const amp_cat_value *v, const char *literal)
{
    for (size_t i = 0; v && literal && i < v->enum_count; i++)
        if (strcmp(v->enum_values[i], literal) == 0)
            return true;
    return false;
}

const char *const *amp_cat_value_suggest(const amp_cat_value *v, size_t *count)
{
    size_t n = v ? v->suggest_count : 0;
    if (count)
        *count = n;
    return n ? v->suggest : NULL;
}

amp_cat_range amp_cat_value_range(const amp_cat_value *v)
{
    return v ? v->range : no_range;
}

amp_cat_range amp_cat_value_length(const amp_cat_value *v)
{
    return v ? v->length : no_range;
}

amp_cat_range amp_cat_value_item_count(const amp_cat_value *v)
{
    return v ? v->items_count : no_range;
}

const char *amp_cat_value_pattern(const amp_cat_value *v)
{
    return v ? v->pattern : NULL;
}

const char *amp_cat_value_default(const amp_cat_value *v)
{
    return v ? v->default_text : NULL;
}

amp_cat_literal_kind amp_cat_value_default_kind(const amp_cat_value *v)
{
    return v ? (amp_cat_literal_kind)v->default_kind : AMP_CAT_LIT_NULL;
}

bool amp_cat_value_required(const amp_cat_value *v)
{
    return v && v->required;
}

const char *const *amp_cat_value_keys(const amp_cat_value *v, size_t *count)
{
    size_t n = v ? v->key_count : 0;
    if (count)
        *count = n;
    return n ? v->keys : NULL;
}

const char *amp_cat_value_key_pattern(const amp_cat_value *v)
{
    return v ? v->key_pattern : NULL;
}

const amp_cat_value *amp_cat_value_items(const amp_cat_value *v)
{
    return v ? v->items : NULL;
}

const amp_cat_entry *amp_cat_value_shape(const amp_cat_value *v)
{
    return v ? entry_at_index(v->shape) : NULL;
}

const amp_cat_entry *amp_cat_value_arg(const amp_cat_value *v)
{
    return v ? entry_at_index(v->arg) : NULL;
}

const amp_cat_entry *amp_cat_value_callback_returns(const amp_cat_value *v)
{
    return v ? entry_at_index(v->callback_returns) : NULL;
}
