/*
 * complete_type.c: typing the expressions and positions the scanner found,
 * with the catalogue (see complete_internal.h).
 *
 * A chain starts at a name: an arrow parameter (typed by the callback it
 * belongs to: `allow` of ModelType.authorization is AllowModel), an Amplify
 * export (`a`, `defineAuth`, also under an import alias), or a schema the
 * model knows by its const name. Members are catalogue children, a call
 * moves to the type the callee returns. Along a chain of one type, the
 * catalogue's chain typing applies: a `once` method is gone after its call,
 * `removes` takes siblings away and `restores` gives them back.
 *
 * A position (an argument, an array element, the value of an object key) is
 * typed as a slot: the callable and parameter, or the option, it belongs
 * to, with the value descriptor of what it accepts.
 */
#include "complete_internal.h"

#include <string.h>

/* ---- names --------------------------------------------------------------- */

/* The Amplify export an identifier names (through an import alias), or NULL. */
static const amp_cat_entry *global_entry(cx_scan *sc, uint32_t start, uint32_t end)
{
    uint32_t ns = start, ne = end;
    for (uint32_t i = 0; i < sc->import_count; i++) {
        const cx_import *im = &sc->imports[i];
        if (im->amplify && im->name_end > im->name_start &&
            im->local_end - im->local_start == end - start &&
            memcmp(sc->s + im->local_start, sc->s + start, end - start) == 0) {
            ns = im->name_start;
            ne = im->name_end;
            break;
        }
    }
    const amp_cat_entry *e = amp_catalog_find_n(sc->s + ns, ne - ns);
    if (!e || amp_cat_parent(e))
        return NULL;
    amp_cat_kind k = amp_cat_kind_of(e);
    return k == AMP_CAT_FUNCTION || k == AMP_CAT_NAMESPACE ? e : NULL;
}

/* The innermost arrow parameter named [start, end) in scope at frame f. */
static const cx_param *find_param(cx_scan *sc, cx_frame *f, uint32_t start, uint32_t end,
                                  cx_frame **owner)
{
    for (; f; f = f->parent)
        for (uint32_t i = f->param_count; i-- > 0;) {
            const cx_param *p = &f->params[i];
            if (p->active && p->end - p->start == end - start &&
                memcmp(sc->s + p->start, sc->s + start, end - start) == 0) {
                *owner = f;
                return p;
            }
        }
    return NULL;
}

/* A schema the model knows under this const name: ModelSchema or SqlSchema. */
static const amp_cat_entry *model_schema_type(cx_scan *sc, uint32_t start, uint32_t end)
{
    const amp_model *m = cx_model(sc);
    for (size_t i = 0; m && i < m->schema_count; i++) {
        const char *name = amp_model_binding_name(m, m->schemas[i].value);
        if (name && cx_text_is(sc, start, end, name))
            return amp_catalog_find(m->schemas[i].sql ? "SqlSchema" : "ModelSchema");
    }
    return NULL;
}

const amp_cat_entry *cx_param_type(cx_scan *sc, cx_frame *f, const cx_param *p)
{
    if (p->index != 0)
        return NULL;
    cx_slot slot =
        cx_position_slot(sc, f, p->arg, p->key_end > p->key_start, p->key_start, p->key_end);
    if (!slot.known)
        return NULL;
    const amp_cat_entry *arg = amp_cat_value_arg(slot.value);
    if (!arg && amp_cat_attr(slot.owner, "arg_from") && f->open == '(' && f->callee.len) {
        /* ModelField.validate: the validator of the field's scalar builder */
        cx_type t = cx_resolve(sc, f->parent, &f->callee);
        arg = amp_cat_link(t.root, "validator");
    }
    return arg;
}

/* ---- chains -------------------------------------------------------------- */

static bool is_removed(const cx_type *t, const char *name)
{
    for (size_t i = 0; i < t->removed_count; i++)
        if (strcmp(t->removed[i], name) == 0)
            return true;
    return false;
}

static void add_removed(cx_type *t, const char *name)
{
    if (!is_removed(t, name) && t->removed_count < CX_REMOVED_MAX)
        t->removed[t->removed_count++] = name;
}

static void drop_removed(cx_type *t, const char *name)
{
    for (size_t i = 0; i < t->removed_count; i++)
        if (strcmp(t->removed[i], name) == 0) {
            t->removed[i] = t->removed[--t->removed_count];
            return;
        }
}

/* The catalogue's chain typing of one method call. */
static void apply_method(cx_type *t, const amp_cat_entry *method)
{
    if (amp_cat_once(method))
        add_removed(t, amp_cat_name(method));
    for (size_t i = 0; i < amp_cat_removes_count(method); i++)
        add_removed(t, amp_cat_removes_at(method, i));
    for (size_t i = 0; i < amp_cat_restores_count(method); i++)
        drop_removed(t, amp_cat_restores_at(method, i));
}

static bool resolve_ident(cx_scan *sc, cx_frame *scope, const cx_seg *seg, cx_type *t)
{
    cx_frame *owner = NULL;
    const cx_param *p = find_param(sc, scope, seg->start, seg->end, &owner);
    if (p) {
        t->type = cx_param_type(sc, owner, p);
        t->param = p;
        return t->type != NULL;
    }
    const amp_cat_entry *e = global_entry(sc, seg->start, seg->end);
    if (e) {
        t->entry = e;
        t->type = amp_cat_kind_of(e) == AMP_CAT_NAMESPACE ? e : NULL;
        return true;
    }
    t->type = model_schema_type(sc, seg->start, seg->end);
    return t->type != NULL;
}

static bool resolve_member(cx_scan *sc, const cx_seg *seg, cx_type *t)
{
    if (!t->type)
        return false;
    const char *name = cx_str(sc, seg->start, seg->end);
    const amp_cat_entry *e = amp_cat_child(t->type, name);
    if (!e || strchr(amp_cat_name(e), '*'))
        return false;
    switch (amp_cat_kind_of(e)) {
    case AMP_CAT_PROPERTY:
        t->entry = e;
        t->type = amp_cat_returns(e);
        t->removed_count = 0;
        return true;
    case AMP_CAT_METHOD:
    case AMP_CAT_FUNCTION:
        t->entry = e;
        return true;
    case AMP_CAT_NAMESPACE:
        t->entry = e;
        t->type = e;
        return true;
    default:
        return false;
    }
}

static bool resolve_call(cx_type *t)
{
    const amp_cat_entry *callee = t->entry;
    if (callee && (amp_cat_kind_of(callee) == AMP_CAT_FUNCTION ||
                   amp_cat_kind_of(callee) == AMP_CAT_METHOD)) {
        const amp_cat_entry *next = amp_cat_returns(callee);
        if (amp_cat_kind_of(callee) == AMP_CAT_METHOD && next && next == t->type) {
            apply_method(t, callee);
        } else {
            t->removed_count = 0;
            if (amp_cat_kind_of(callee) == AMP_CAT_FUNCTION)
                t->root = callee;
        }
        t->type = next;
        t->entry = NULL;
        return true;
    }
    if (!callee && t->type && amp_cat_param_count(t->type) > 0) {
        /* a callable type, e.g. the `index` of secondaryIndexes */
        t->type = amp_cat_returns(t->type);
        t->removed_count = 0;
        return true;
    }
    return false;
}

cx_type cx_resolve(cx_scan *sc, cx_frame *scope, const cx_chain *chain)
{
    cx_type t;
    memset(&t, 0, sizeof t);
    for (uint32_t i = 0; i < chain->len; i++) {
        const cx_seg *seg = &chain->segs[i];
        bool ok = false;
        switch (seg->kind) {
        case CX_SEG_IDENT:
            ok = i == 0 && resolve_ident(sc, scope, seg, &t);
            break;
        case CX_SEG_MEMBER:
            ok = resolve_member(sc, seg, &t);
            break;
        case CX_SEG_CALL:
            ok = resolve_call(&t);
            break;
        default:
            break;
        }
        if (!ok)
            return (cx_type){0};
    }
    t.ok = chain->len > 0;
    return t;
}

const amp_cat_entry *cx_callee(cx_scan *sc, cx_frame *f, cx_type *type)
{
    if (!f || f->open != '(' || !f->callee.len)
        return NULL;
    cx_type t = cx_resolve(sc, f->parent, &f->callee);
    if (type)
        *type = t;
    if (!t.ok)
        return NULL;
    if (t.entry) {
        amp_cat_kind k = amp_cat_kind_of(t.entry);
        return k == AMP_CAT_FUNCTION || k == AMP_CAT_METHOD ? t.entry : NULL;
    }
    return t.type && amp_cat_param_count(t.type) > 0 ? t.type : NULL;
}

/* ---- chain typing and contexts ------------------------------------------- */

bool cx_member_allowed(const cx_type *t, const amp_cat_entry *member)
{
    const char *name = amp_cat_name(member);
    if (strchr(name, '*') || is_removed(t, name))
        return false;
    const char *internal = amp_cat_attr(member, "internal");
    if (internal && strcmp(internal, "true") == 0)
        return false;
    /* ModelField.validate takes its rules from the scalar builder's
     * validator: only string and number fields have one. */
    if (amp_cat_attr(member, "arg_from") && !amp_cat_link(t->root, "validator"))
        return false;
    return true;
}

static bool contexts_meet(const amp_cat_entry *member, const char *const *ctx, size_t n)
{
    for (size_t i = 0; i < amp_cat_context_count(member); i++)
        for (size_t j = 0; j < n; j++)
            if (strcmp(amp_cat_context_at(member, i), ctx[j]) == 0)
                return true;
    return false;
}

/* The contexts the frames around f put the cursor in. */
static size_t env_contexts(cx_scan *sc, cx_frame *f, const char **out, size_t cap)
{
    size_t n = 0;
    for (; f && n + 1 < cap; f = f->parent) {
        const amp_cat_entry *e = cx_callee(sc, f, NULL);
        if (!e)
            continue;
        const char *id = amp_cat_id(e);
        const amp_cat_entry *parent = amp_cat_parent(e);
        const char *pid = parent ? amp_cat_id(parent) : "";
        if (strcmp(id, "CustomSubscription.for") == 0)
            out[n++] = "subscription.for";
        else if (strcmp(id, "ConfiguredSchema.schema") == 0 || strncmp(pid, "Sql", 3) == 0)
            out[n++] = "sql-schema";
        else if (strcmp(id, "a.schema") == 0)
            out[n++] = "schema";
    }
    return n;
}

bool cx_context_allows(cx_scan *sc, cx_frame *f, const amp_cat_entry *parent,
                       const amp_cat_entry *member)
{
    if (amp_cat_context_count(member) == 0)
        return true;
    size_t pn = amp_cat_context_count(parent);
    if (pn > 0) {
        const char *ctx[16];
        size_t n = 0;
        for (size_t i = 0; i < pn && n < 16; i++)
            ctx[n++] = amp_cat_context_at(parent, i);
        return contexts_meet(member, ctx, n);
    }
    const char *ctx[16];
    size_t n = env_contexts(sc, f, ctx, 16);
    return contexts_meet(member, ctx, n);
}

/* ---- slots --------------------------------------------------------------- */

const amp_cat_param *cx_param_at(const amp_cat_entry *e, uint32_t arg)
{
    size_t n = amp_cat_param_count(e);
    if (arg < n)
        return amp_cat_param_at(e, arg);
    if (n > 0 && amp_cat_param_rest(amp_cat_param_at(e, n - 1)))
        return amp_cat_param_at(e, n - 1);
    return NULL;
}

const amp_cat_entry *cx_key_entry(const cx_slot *obj, const char *key)
{
    if (!obj->known || !obj->owner)
        return NULL;
    return amp_cat_key(obj->owner, key);
}

static cx_slot unknown_slot(void)
{
    cx_slot s;
    memset(&s, 0, sizeof s);
    s.param = -1;
    return s;
}

/* The value of key in an object slot: a record's items, or the option. */
static cx_slot key_slot(cx_scan *sc, const cx_slot *obj, uint32_t ks, uint32_t ke)
{
    cx_slot s = unknown_slot();
    if (!obj->known)
        return s;
    unsigned types = amp_cat_value_types(obj->value);
    if ((types & AMP_CAT_T_RECORD) && !(types & AMP_CAT_T_OBJECT)) {
        s = *obj;
        s.value = amp_cat_value_items(obj->value);
        s.item = true;
        return s;
    }
    const amp_cat_entry *c = cx_key_entry(obj, cx_str(sc, ks, ke));
    if (!c)
        return s;
    s.owner = c;
    s.value = amp_cat_value_of(c);
    s.known = true;
    return s;
}

cx_slot cx_position_slot(cx_scan *sc, cx_frame *f, uint32_t arg, bool in_value, uint32_t key_start,
                         uint32_t key_end)
{
    cx_slot s = unknown_slot();
    if (!f)
        return s;
    if (f->open == '(' && f->callee.len) {
        const amp_cat_entry *e = cx_callee(sc, f, NULL);
        if (!e)
            return s;
        const amp_cat_param *p = cx_param_at(e, arg);
        s.owner = e;
        s.param = (int)arg;
        s.value = amp_cat_param_value(p);
        s.known = p != NULL;
        return s;
    }
    if ((f->open == '(' && arg == 0) || (f->open == '[' && !f->index))
        return cx_frame_slot(sc, f);
    if (f->open == '{' && !f->block && in_value) {
        cx_slot obj = cx_frame_slot(sc, f);
        return key_slot(sc, &obj, key_start, key_end);
    }
    return s;
}

static cx_slot parent_position(cx_scan *sc, cx_frame *f)
{
    return cx_position_slot(sc, f->parent, f->open_arg, f->open_in_value, f->open_key_start,
                            f->open_key_end);
}

cx_slot cx_frame_slot(cx_scan *sc, cx_frame *f)
{
    if (f->slot_done)
        return f->slot;
    f->slot_done = true;
    f->slot = unknown_slot();
    cx_slot s = unknown_slot();
    if ((f->open == '{' && !f->block) || (f->open == '(' && !f->callee.len)) {
        s = parent_position(sc, f);
    } else if (f->open == '[' && !f->index) {
        cx_slot p = parent_position(sc, f);
        if (p.known && amp_cat_value_accepts(p.value, AMP_CAT_T_ARRAY)) {
            s = p;
            s.value = amp_cat_value_items(p.value);
            s.item = true;
        }
    }
    f->slot = s;
    return s;
}

cx_special cx_slot_special(const cx_slot *slot)
{
    if (!slot->known || !slot->owner)
        return CX_SP_NONE;
    const char *id = amp_cat_id(slot->owner);
    const char *name = amp_cat_name(slot->owner);
    const amp_cat_entry *parent = amp_cat_parent(slot->owner);
    const char *pid = parent ? amp_cat_id(parent) : "";
    bool rel = strcmp(id, "a.hasMany") == 0 || strcmp(id, "a.hasOne") == 0 ||
               strcmp(id, "a.belongsTo") == 0;
    if (rel && slot->param == 0)
        return CX_SP_MODELS;
    if (rel && slot->param == 1)
        return CX_SP_REFERENCES;
    if (strcmp(id, "a.ref") == 0 && slot->param == 0)
        return CX_SP_REF_TARGET;
    if (strcmp(name, "identifier") == 0 && strstr(pid, "ModelType") && slot->param == 0)
        return CX_SP_ID_FIELDS;
    if (strcmp(id, "IndexFactory") == 0 && slot->param == 0)
        return CX_SP_INDEX_PK;
    if (strcmp(id, "IndexBuilder.sortKeys") == 0)
        return CX_SP_SORT_KEYS;
    if ((strcmp(name, "group") == 0 || strcmp(name, "groups") == 0) &&
        strncmp(pid, "Allow", 5) == 0 && slot->param == 0)
        return CX_SP_GROUPS;
    if (strcmp(id, "defineBackend") == 0 && slot->param == 0)
        return CX_SP_RESOURCES;
    if (amp_cat_value_accepts(slot->value, AMP_CAT_T_FUNCTION_RESOURCE))
        return CX_SP_FUNCTIONS;
    return CX_SP_NONE;
}
