/*
 * nav_index.c: building the occurrence index of a backend (see amp_nav.h).
 *
 * Symbols first (every type, field, resource and declared group), then
 * their uses, read off the model: the strings the schema interpreter kept
 * (relationship targets and references, a.ref targets, identifiers, index
 * keys, rule fields and groups), values it did not interpret (handler
 * dataSource, ai dataTool refs, SQL renameModels/setRelationships, storage
 * rules) and the name sites the evaluator recorded (identifiers that resolve
 * to a resource). Finally the occurrences are sorted by place and merged.
 */
#include "nav_internal.h"

#include <stdlib.h>
#include <string.h>

/* Bounds inline custom types nested in one another (a.customType fields). */
#define NAV_MAX_NESTING 16

/* ---- adding symbols and occurrences -------------------------------------- */

/* A zeroed new last element of a malloc'd array of *count of *cap, the
 * array doubled when full (realloc moves large arrays without copying);
 * NULL when out of memory. */
static void *push_bytes(void **array, size_t *count, size_t *cap, size_t size)
{
    if (*count == *cap) {
        size_t grown_cap = *cap ? 2 * *cap : 64;
        void *grown = realloc(*array, grown_cap * size);
        if (!grown)
            return NULL;
        *array = grown;
        *cap = grown_cap;
    }
    char *slot = (char *)*array + (*count)++ * size;
    memset(slot, 0, size);
    return slot;
}

#define push(array, count, cap) push_bytes((void **)(array), count, cap, sizeof **(array))

static int add_sym(amp_nav_index *ix, amp_sym_kind kind, const char *name)
{
    amp_sym *s = push(&ix->syms, &ix->sym_count, &ix->sym_cap);
    if (!s)
        return -1;
    s->kind = kind;
    s->name = name ? name : "";
    s->resource = -1;
    s->space = -1;
    return (int)(ix->sym_count - 1);
}

/* Records that loc names symbol sym. RENAMABLE is worked out here. */
static void add_occ(amp_nav_index *ix, int sym, amp_loc loc, unsigned flags)
{
    if (sym < 0 || loc.end < loc.start || loc.file >= ix->model->file_count)
        return;
    if (nav_text_is(ix, loc, ix->syms[sym].name))
        flags |= AMP_OCC_RENAMABLE;
    amp_occ *o = push(&ix->occs, &ix->occ_count, &ix->occ_cap);
    if (o) {
        o->sym = (uint32_t)sym;
        o->flags = flags;
        o->loc = loc;
    }
}

/* Records a string literal (or an object key) naming sym; loc may include
 * the quotes. */
static void add_name_occ(amp_nav_index *ix, int sym, amp_loc loc, unsigned flags)
{
    bool quoted;
    amp_loc inner = nav_unquote(ix, loc, &quoted);
    if (quoted)
        flags |= AMP_OCC_STRING;
    else if (nav_is_shorthand(ix, loc))
        flags |= AMP_OCC_SHORTHAND;
    add_occ(ix, sym, inner, flags);
}

/* Records a string value naming sym (nothing when it is not a string). */
static void add_str_occ(amp_nav_index *ix, int sym, amp_str s, unsigned flags)
{
    if (s.s)
        add_name_occ(ix, sym, s.loc, flags | AMP_OCC_STRING);
}

/* The declaration site (`const x = <call>`) that defines the CALL v, or NULL. */
static const amp_name_site *defining_site(const amp_model *m, const amp_value *v)
{
    for (size_t i = 0; v && v->kind == AMP_VAL_CALL && i < m->site_count; i++) {
        const amp_name_site *s = &m->sites[i];
        if (s->kind == AMP_SITE_DECL && s->defines &&
            s->value->callee_loc.file == v->callee_loc.file &&
            s->value->callee_loc.start == v->callee_loc.start)
            return s;
    }
    return NULL;
}

/* ---- types and fields ---------------------------------------------------- */

/* Sets sym's definition to the name at key or, when the text there is not
 * the name (a model spread from a namespace import, whose key is its value),
 * to the const that defines value; records the definition's occurrence. */
static void set_def(amp_nav_index *ix, int sym, amp_loc key, const amp_value *value)
{
    amp_sym *s = &ix->syms[sym];
    bool quoted;
    amp_loc name = nav_unquote(ix, key, &quoted);
    s->has_def = true;
    s->def = name;
    s->def_full = value ? nav_span(key, value->loc) : key;
    const amp_name_site *site =
        nav_text_is(ix, name, s->name) ? NULL : defining_site(ix->model, value);
    size_t before = ix->occ_count;
    if (site) {
        s->def = site->loc;
        s->def_full = nav_span(site->loc, value->loc);
        key = site->loc;
    }
    add_name_occ(ix, sym, key, AMP_OCC_DEF);
    /* The const's name is the model's name only through its export; other
     * TypeScript code may import it: rename leaves such a name alone. */
    if (site && ix->occ_count > before)
        ix->occs[ix->occ_count - 1].flags &= ~AMP_OCC_RENAMABLE;
}

static void add_field_syms(amp_nav_index *ix, const amp_type *t, int space, int depth);

static void add_field_sym(amp_nav_index *ix, const amp_type *t, const amp_field *f, int space,
                          int depth)
{
    int sym = add_sym(ix, AMP_SYM_FIELD, f->name);
    if (sym < 0)
        return;
    ix->syms[sym].type = t;
    ix->syms[sym].field = f;
    ix->syms[sym].space = space;
    nav_name_sym(ix, sym);
    set_def(ix, sym, f->name_loc, f->value);
    if (f->inline_type && depth < NAV_MAX_NESTING)
        add_field_syms(ix, f->inline_type, space, depth + 1);
}

static void add_field_syms(amp_nav_index *ix, const amp_type *t, int space, int depth)
{
    for (size_t i = 0; i < t->field_count; i++)
        if (t->fields[i].name)
            add_field_sym(ix, t, &t->fields[i], space, depth);
    if (t->returns && t->returns->inline_type && depth < NAV_MAX_NESTING)
        add_field_syms(ix, t->returns->inline_type, space, depth + 1);
}

static void add_type_syms(amp_nav_index *ix)
{
    const amp_model *m = ix->model;
    for (size_t s = 0; s < m->schema_count; s++) {
        int space = nav_space_of(m, (int)s);
        for (size_t i = 0; i < m->schemas[s].type_count; i++) {
            const amp_type *t = &m->schemas[s].types[i];
            int sym = add_sym(ix, AMP_SYM_TYPE, t->name);
            if (sym < 0)
                return;
            ix->syms[sym].type = t;
            ix->syms[sym].space = space;
            nav_name_sym(ix, sym);
            set_def(ix, sym, t->name_loc, t->value);
        }
    }
    for (size_t s = 0; s < m->schema_count; s++)
        for (size_t i = 0; i < m->schemas[s].type_count; i++)
            add_field_syms(ix, &m->schemas[s].types[i], nav_space_of(m, (int)s), 0);
}

/* The type a string names in space (its symbol's type), or NULL. */
static const amp_type *type_named(const amp_nav_index *ix, int space, const char *name)
{
    int sym = nav_type_sym(ix, space, name);
    return sym >= 0 ? ix->syms[sym].type : NULL;
}

/* The target string of an a.ref(...) CALL value. */
static amp_str ref_target(const amp_value *v)
{
    amp_str none = {0};
    if (!amp_value_is_call(v, "a.ref"))
        return none;
    return nav_str_of(nav_arg0(v));
}

/* Uses of types and fields by the fields of t (targets, references). */
static void add_field_uses(amp_nav_index *ix, const amp_type *t, int space, int depth)
{
    for (size_t i = 0; i < t->field_count; i++) {
        const amp_field *f = &t->fields[i];
        if (f->target.s)
            add_str_occ(ix, nav_type_sym(ix, space, f->target.s), f->target, 0);
        if (nav_relationship_word(f)) {
            const amp_type *owner =
                f->kind == AMP_FIELD_BELONGS_TO ? t : type_named(ix, space, f->target.s);
            for (size_t r = 0; owner && r < f->reference_count; r++)
                add_str_occ(ix, nav_field_sym(ix, owner, f->references[r].s), f->references[r], 0);
        }
        for (size_t r = 0; r < f->rule_count; r++)
            add_str_occ(ix, nav_field_sym(ix, t, f->rules[r].field.s), f->rules[r].field, 0);
        if (f->inline_type && depth < NAV_MAX_NESTING)
            add_field_uses(ix, f->inline_type, space, depth + 1);
    }
    if (t->returns && depth < NAV_MAX_NESTING) {
        if (t->returns->target.s)
            add_str_occ(ix, nav_type_sym(ix, space, t->returns->target.s), t->returns->target, 0);
        if (t->returns->inline_type)
            add_field_uses(ix, t->returns->inline_type, space, depth + 1);
    }
}

/* Uses of fields of model t by its key, indexes and rules. */
static void add_key_uses(amp_nav_index *ix, const amp_type *t)
{
    for (size_t i = 0; i < t->identifier_count; i++)
        add_str_occ(ix, nav_field_sym(ix, t, t->identifier[i].s), t->identifier[i], 0);
    for (size_t i = 0; i < t->index_count; i++) {
        const amp_index *x = &t->indexes[i];
        add_str_occ(ix, nav_field_sym(ix, t, x->pk.s), x->pk, 0);
        for (size_t k = 0; k < x->sort_key_count; k++)
            add_str_occ(ix, nav_field_sym(ix, t, x->sort_keys[k].s), x->sort_keys[k], 0);
    }
    for (size_t i = 0; i < t->rule_count; i++)
        add_str_occ(ix, nav_field_sym(ix, t, t->rules[i].field.s), t->rules[i].field, 0);
}

/* a.handler.custom({ dataSource: a.ref('Post') }) of t's handlers. */
static void add_handler_uses(amp_nav_index *ix, const amp_type *t, int space)
{
    for (size_t i = 0; i < t->handler_count; i++) {
        const amp_handler *h = &t->handlers[i];
        if (strcmp(h->kind, "custom") != 0)
            continue;
        const amp_prop *ds = amp_value_prop(nav_arg0(h->call), "dataSource");
        amp_str target = ds ? ref_target(ds->value) : (amp_str){0};
        add_str_occ(ix, nav_type_sym(ix, space, target.s), target, 0);
    }
}

/* a.conversation({ tools: [a.ai.dataTool({ model: a.ref('X'), query: a.ref('y') })] }). */
static void add_tool_uses(amp_nav_index *ix, const amp_type *t, int space)
{
    const amp_prop *tools = amp_value_prop(nav_arg0(t->value), "tools");
    const amp_value *list = tools ? tools->value : NULL;
    for (size_t i = 0; list && list->kind == AMP_VAL_ARRAY && i < list->item_count; i++) {
        const amp_value *tool = nav_arg0(list->items[i]);
        static const char *const keys[] = {"model", "query"};
        for (size_t k = 0; k < 2; k++) {
            const amp_prop *p = amp_value_prop(tool, keys[k]);
            amp_str target = p ? ref_target(p->value) : (amp_str){0};
            add_str_occ(ix, nav_type_sym(ix, space, target.s), target, 0);
        }
    }
}

static void add_type_uses(amp_nav_index *ix)
{
    const amp_model *m = ix->model;
    for (size_t s = 0; s < m->schema_count; s++) {
        int space = nav_space_of(m, (int)s);
        for (size_t i = 0; i < m->schemas[s].type_count; i++) {
            const amp_type *t = &m->schemas[s].types[i];
            add_field_uses(ix, t, space, 0);
            add_key_uses(ix, t);
            add_handler_uses(ix, t, space);
            for (size_t k = 0; k < t->source_count; k++)
                add_str_occ(ix, nav_type_sym(ix, space, t->sources[k].s), t->sources[k], 0);
            if (t->kind == AMP_TYPE_CONVERSATION)
                add_tool_uses(ix, t, space);
        }
    }
}

/* ---- SQL schemas ---------------------------------------------------------- */

/* `models.Author.relationships(...)`: the span of "Author" inside the
 * callee, or an empty loc. */
static amp_loc member_name(const amp_nav_index *ix, amp_loc callee, const char *name)
{
    uint32_t n;
    const char *p = nav_text(ix, callee, &n);
    size_t len = strlen(name);
    for (uint32_t i = 0; p && len && i + len + 1 < n; i++)
        if (p[i] == '.' && memcmp(p + i + 1, name, len) == 0 && i + 1 + len < n &&
            (p[i + 1 + len] == '.' || p[i + 1 + len] == ' ' || p[i + 1 + len] == '\n')) {
            amp_loc l = {callee.file, callee.start + i + 1, callee.start + i + 1 + (uint32_t)len};
            return l;
        }
    amp_loc none = {callee.file, 0, 0};
    return none;
}

/* renameModels(() => [['from', 'To']]): both strings name the type To. */
static void add_rename_pair(amp_nav_index *ix, int space, const amp_value *pair)
{
    if (pair->kind != AMP_VAL_ARRAY || pair->item_count != 2)
        return;
    amp_str from = nav_str_of(pair->items[0]), to = nav_str_of(pair->items[1]);
    int sym = nav_type_sym(ix, space, to.s);
    add_str_occ(ix, sym, to, AMP_OCC_NAMING);
    add_str_occ(ix, sym, from, 0);
}

/* setRelationships / setAuthorization: `models.X.<method>(...)`. */
static void add_models_member(amp_nav_index *ix, int space, const amp_value *call,
                              const char *method)
{
    if (call->kind != AMP_VAL_CALL || !call->str || strncmp(call->str, "$0.", 3) != 0)
        return;
    const char *name = call->str + 3;
    const char *dot = strchr(name, '.');
    if (!dot || strcmp(dot + 1, method) != 0 || dot == name)
        return;
    char buf[256];
    size_t len = (size_t)(dot - name);
    if (len >= sizeof buf)
        return;
    memcpy(buf, name, len);
    buf[len] = '\0';
    int sym = nav_type_sym(ix, space, buf);
    amp_loc loc = member_name(ix, call->callee_loc, buf);
    if (sym >= 0 && loc.end > loc.start)
        add_occ(ix, sym, loc, 0);
}

static void add_sql_uses(amp_nav_index *ix)
{
    const amp_model *m = ix->model;
    for (size_t s = 0; s < m->schema_count; s++) {
        const amp_value *v = m->schemas[s].value;
        int space = nav_space_of(m, (int)s);
        for (size_t i = 0; v && i < v->method_count; i++) {
            const amp_method *meth = &v->methods[i];
            size_t n = 0;
            const amp_value *const *items =
                nav_returned(meth->arg_count ? meth->args[0] : NULL, &n);
            for (size_t k = 0; k < n; k++) {
                if (strcmp(meth->name, "renameModels") == 0)
                    add_rename_pair(ix, space, items[k]);
                else if (strcmp(meth->name, "setRelationships") == 0)
                    add_models_member(ix, space, items[k], "relationships");
                else if (strcmp(meth->name, "setAuthorization") == 0)
                    add_models_member(ix, space, items[k], "authorization");
            }
        }
    }
}

/* ---- resources ------------------------------------------------------------ */

static void add_resource_sym(amp_nav_index *ix, int r)
{
    const amp_resource *res = &ix->model->resources[r];
    const char *name = res->var ? res->var : res->name ? res->name : res->define;
    int sym = add_sym(ix, AMP_SYM_RESOURCE, name);
    if (sym < 0)
        return;
    if (ix->resource_syms)
        ix->resource_syms[r] = sym;
    amp_sym *s = &ix->syms[sym];
    s->resource = r;
    s->has_def = true;
    const amp_name_site *site = defining_site(ix->model, res->value);
    s->def = site ? site->loc : res->value->callee_loc;
    s->def_full = site ? nav_span(site->loc, res->loc) : res->loc;
}

/* defineData({ functions: { key: fn } }): the keys name their functions. */
static void add_data_function_keys(amp_nav_index *ix, const amp_resource *data)
{
    const amp_prop *fns = amp_value_prop(data->props, "functions");
    const amp_value *obj = fns ? fns->value : NULL;
    for (size_t i = 0; obj && obj->kind == AMP_VAL_OBJECT && i < obj->prop_count; i++) {
        int sym = nav_resource_sym(ix, nav_resource_of(ix->model, obj->props[i].value));
        add_name_occ(ix, sym, obj->props[i].key_loc, 0);
    }
}

/* The function a defineData `functions` key names, as a symbol, or -1. */
static int data_function_sym(const amp_nav_index *ix, const char *key)
{
    const amp_model *m = ix->model;
    for (size_t r = 0; key && r < m->resource_count; r++) {
        if (m->resources[r].kind != AMP_RES_DATA)
            continue;
        const amp_prop *fns = amp_value_prop(m->resources[r].props, "functions");
        const amp_prop *p = fns ? amp_value_prop(fns->value, key) : NULL;
        if (p)
            return nav_resource_sym(ix, nav_resource_of(m, p->value));
    }
    return -1;
}

/* a.handler.function('key'): the string names a defineData functions key. */
static void add_string_handlers(amp_nav_index *ix)
{
    const amp_model *m = ix->model;
    for (size_t s = 0; s < m->schema_count; s++)
        for (size_t i = 0; i < m->schemas[s].type_count; i++) {
            const amp_type *t = &m->schemas[s].types[i];
            for (size_t h = 0; h < t->handler_count; h++) {
                const amp_value *fn = t->handlers[h].function;
                if (fn && fn->kind == AMP_VAL_STRING)
                    add_str_occ(ix, data_function_sym(ix, fn->str), nav_str_of(fn), 0);
            }
        }
}

static void add_resources(amp_nav_index *ix)
{
    const amp_model *m = ix->model;
    ix->resource_syms =
        amp_arena_alloc(&ix->arena, (m->resource_count + 1) * sizeof *ix->resource_syms);
    for (size_t r = 0; r < m->resource_count; r++) {
        if (ix->resource_syms)
            ix->resource_syms[r] = -1;
        add_resource_sym(ix, (int)r);
    }
    for (size_t i = 0; i < m->site_count; i++) {
        const amp_name_site *site = &m->sites[i];
        int sym = nav_resource_sym(ix, nav_resource_of(m, site->value));
        bool def = site->kind == AMP_SITE_DECL && site->defines;
        add_occ(ix, sym, site->loc, def ? AMP_OCC_DEF : 0);
    }
    for (size_t k = 0; k < m->key_count; k++)
        add_name_occ(ix, nav_resource_sym(ix, m->keys[k].resource), m->keys[k].loc, 0);
    for (size_t r = 0; r < m->resource_count; r++)
        if (m->resources[r].kind == AMP_RES_DATA)
            add_data_function_keys(ix, &m->resources[r]);
    add_string_handlers(ix);
}

/* ---- groups ---------------------------------------------------------------- */

static int group_sym(amp_nav_index *ix, const char *name)
{
    int sym = nav_group_sym(ix, name);
    if (sym < 0 && (sym = add_sym(ix, AMP_SYM_GROUP, name)) >= 0)
        nav_name_sym(ix, sym);
    return sym;
}

static void add_group_use(amp_nav_index *ix, amp_str s, bool def)
{
    if (!s.s)
        return;
    int sym = group_sym(ix, s.s);
    if (sym < 0)
        return;
    if (def && !ix->syms[sym].has_def) {
        bool quoted;
        ix->syms[sym].has_def = true;
        ix->syms[sym].def = nav_unquote(ix, s.loc, &quoted);
        ix->syms[sym].def_full = s.loc;
    }
    add_str_occ(ix, sym, s, def ? AMP_OCC_DEF : 0);
}

static void add_rule_groups(amp_nav_index *ix, const amp_rule *rules, size_t count)
{
    for (size_t i = 0; i < count; i++)
        for (size_t g = 0; g < rules[i].group_count; g++)
            add_group_use(ix, rules[i].groups[g], false);
}

static void add_type_groups(amp_nav_index *ix, const amp_type *t, int depth)
{
    add_rule_groups(ix, t->rules, t->rule_count);
    for (size_t f = 0; f < t->field_count; f++) {
        add_rule_groups(ix, t->fields[f].rules, t->fields[f].rule_count);
        if (t->fields[f].inline_type && depth < NAV_MAX_NESTING)
            add_type_groups(ix, t->fields[f].inline_type, depth + 1);
    }
}

/* Strings in a value that is a string or an array of strings. */
static void add_group_list(amp_nav_index *ix, const amp_value *v, bool def)
{
    if (v && v->kind == AMP_VAL_STRING)
        add_group_use(ix, nav_str_of(v), def);
    for (size_t i = 0; v && v->kind == AMP_VAL_ARRAY && i < v->item_count; i++)
        add_group_use(ix, nav_str_of(v->items[i]), def);
}

/* defineStorage access: (allow) => ({ 'path/...': [allow.groups(['X']).to([...])] }). */
static void add_storage_groups(amp_nav_index *ix, const amp_resource *r)
{
    const amp_prop *access = amp_value_prop(r->props, "access");
    const amp_value *fn = access ? access->value : NULL;
    const amp_value *paths = fn && fn->kind == AMP_VAL_FUNCTION ? fn->body : NULL;
    for (size_t p = 0; paths && paths->kind == AMP_VAL_OBJECT && p < paths->prop_count; p++) {
        const amp_value *list = paths->props[p].value;
        for (size_t i = 0; list && list->kind == AMP_VAL_ARRAY && i < list->item_count; i++) {
            const amp_value *rule = list->items[i];
            if (amp_value_is_call(rule, "$0.groups") || amp_value_is_call(rule, "$0.group"))
                add_group_list(ix, nav_arg0(rule), false);
        }
    }
}

static void add_groups(amp_nav_index *ix)
{
    const amp_model *m = ix->model;
    for (size_t r = 0; r < m->resource_count; r++)
        if (m->resources[r].kind == AMP_RES_AUTH) {
            const amp_prop *groups = amp_value_prop(m->resources[r].props, "groups");
            add_group_list(ix, groups ? groups->value : NULL, true);
        }
    for (size_t s = 0; s < m->schema_count; s++) {
        add_rule_groups(ix, m->schemas[s].rules, m->schemas[s].rule_count);
        for (size_t i = 0; i < m->schemas[s].type_count; i++)
            add_type_groups(ix, &m->schemas[s].types[i], 0);
    }
    for (size_t r = 0; r < m->resource_count; r++)
        if (m->resources[r].kind == AMP_RES_STORAGE)
            add_storage_groups(ix, &m->resources[r]);
}

/* ---- file links ------------------------------------------------------------ */

/* spec joined to the folder of the file `from`, with "." and ".." folded. */
static const char *resolve_path(amp_arena *a, const char *from, const char *spec)
{
    if (spec[0] == '/')
        return amp_arena_strndup(a, spec, strlen(spec));
    const char *slash = strrchr(from, '/');
    const char *joined = nav_printf(a, "%.*s/%s", slash ? (int)(slash - from) : 0, from, spec);
    if (!joined)
        return NULL;
    char *out = (char *)joined, *w = out;
    for (const char *p = joined; *p;) {
        if (p[0] == '/' && p[1] == '.' && (p[2] == '/' || p[2] == '\0')) {
            p += 2;
        } else if (p[0] == '/' && p[1] == '.' && p[2] == '.' && (p[3] == '/' || p[3] == '\0')) {
            while (w > out && *--w != '/')
                ;
            p += 3;
        } else {
            *w++ = *p++;
        }
    }
    *w = '\0';
    return out;
}

/* Records the string s as naming a file, relative to the file `from`. */
static void add_link(amp_nav_index *ix, amp_str s, uint32_t from)
{
    if (!s.s || !s.s[0] || from >= ix->model->file_count)
        return;
    bool quoted;
    amp_loc inner = nav_unquote(ix, s.loc, &quoted);
    const char *path = resolve_path(&ix->arena, ix->model->files[from].path, s.s);
    amp_nav_link *l =
        path ? nav_push(&ix->arena, (void **)&ix->links, &ix->link_count, sizeof *l) : NULL;
    if (l) {
        l->loc = inner;
        l->path = path;
    }
}

static void add_links(amp_nav_index *ix)
{
    const amp_model *m = ix->model;
    for (size_t r = 0; r < m->resource_count; r++)
        if (m->resources[r].kind == AMP_RES_FUNCTION) {
            const amp_prop *entry = amp_value_prop(m->resources[r].props, "entry");
            if (entry)
                add_link(ix, nav_str_of(entry->value), m->resources[r].loc.file);
        }
    for (size_t s = 0; s < m->schema_count; s++)
        for (size_t i = 0; i < m->schemas[s].type_count; i++) {
            const amp_type *t = &m->schemas[s].types[i];
            for (size_t h = 0; h < t->handler_count; h++)
                add_link(ix, t->handlers[h].entry, t->handlers[h].loc.file);
        }
}

/* ---- sorting and merging --------------------------------------------------- */

static int by_place(const void *a, const void *b)
{
    const amp_occ *x = a, *y = b;
    if (x->loc.file != y->loc.file)
        return x->loc.file < y->loc.file ? -1 : 1;
    if (x->loc.start != y->loc.start)
        return x->loc.start < y->loc.start ? -1 : 1;
    if (x->loc.end != y->loc.end)
        return x->loc.end < y->loc.end ? -1 : 1;
    return x->sym < y->sym ? -1 : x->sym > y->sym;
}

/* Sorts occs by place, stably: the occurrences come as a few long sorted
 * runs (the definitions in type order, then the uses, the resources, the
 * groups), so runs found in the input are merged pairwise (a natural merge
 * sort), linear on sorted input. Falls back to qsort when out of memory. */
static void sort_by_place(amp_occ *occs, size_t n)
{
    amp_occ *tmp = malloc(n * sizeof *tmp);
    size_t *starts = malloc((n + 1) * sizeof *starts);
    if (!tmp || !starts) {
        free(tmp);
        free(starts);
        qsort(occs, n, sizeof *occs, by_place);
        return;
    }
    size_t runs = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || by_place(&occs[i - 1], &occs[i]) > 0)
            starts[runs++] = i;
    starts[runs] = n;
    amp_occ *from = occs, *to = tmp;
    while (runs > 1) {
        size_t merged = 0;
        for (size_t r = 0; r < runs; r += 2) {
            size_t lo = starts[r], mid = starts[r + 1], hi = r + 2 <= runs ? starts[r + 2] : mid;
            size_t a = lo, b = mid, k = lo;
            while (a < mid && b < hi)
                to[k++] = by_place(&from[b], &from[a]) < 0 ? from[b++] : from[a++];
            memcpy(&to[k], &from[a], (mid - a) * sizeof *to);
            k += mid - a;
            memcpy(&to[k], &from[b], (hi - b) * sizeof *to);
            starts[merged++] = lo;
        }
        starts[merged] = n;
        runs = merged;
        amp_occ *swap = from;
        from = to;
        to = swap;
    }
    if (from != occs)
        memcpy(occs, from, n * sizeof *occs);
    free(tmp);
    free(starts);
}

/* Sorts the occurrences and merges those of one symbol at one place (a
 * shorthand `{ auth }` is both a backend key and a use). */
static void sort_and_merge(amp_nav_index *ix)
{
    if (ix->occ_count < 2)
        return;
    sort_by_place(ix->occs, ix->occ_count);
    size_t w = 0;
    for (size_t i = 0; i < ix->occ_count; i++) {
        amp_occ *o = &ix->occs[i];
        if (w > 0 && by_place(&ix->occs[w - 1], o) == 0) {
            ix->occs[w - 1].flags |= o->flags;
            continue;
        }
        ix->occs[w++] = *o;
    }
    ix->occ_count = w;
}

/* ---- entry points ------------------------------------------------------------ */

/* Sizes the arrays and the name table for the model's types and fields up
 * front: grown by doubling, a schema of thousands of models copied them
 * several times over. Only a start: they still grow when needed. */
static void reserve(amp_nav_index *ix)
{
    const amp_model *m = ix->model;
    size_t syms = 64 + m->resource_count;
    for (size_t s = 0; s < m->schema_count; s++)
        for (size_t i = 0; i < m->schemas[s].type_count; i++)
            syms += 1 + m->schemas[s].types[i].field_count;
    if ((ix->syms = malloc(syms * sizeof *ix->syms)) != NULL)
        ix->sym_cap = syms;
    if ((ix->occs = malloc(3 * syms * sizeof *ix->occs)) != NULL)
        ix->occ_cap = 3 * syms;
    nav_names_reserve(ix, syms);
}

amp_nav_index *amp_nav_index_build(const amp_model *m, const amp_text *const *texts)
{
    amp_nav_index *ix = calloc(1, sizeof *ix);
    if (!ix)
        return NULL;
    ix->model = m;
    ix->texts = texts;
    if (!m || !texts)
        return ix;
    reserve(ix);
    add_type_syms(ix);
    add_type_uses(ix);
    add_sql_uses(ix);
    add_resources(ix);
    add_groups(ix);
    add_links(ix);
    sort_and_merge(ix);
    return ix;
}

void amp_nav_index_delete(amp_nav_index *ix)
{
    if (!ix)
        return;
    free(ix->names);
    free(ix->syms);
    free(ix->occs);
    amp_arena_free(&ix->arena);
    amp_arena_free(&ix->scratch);
    free(ix);
}

void amp_nav_index_reset(amp_nav_index *ix)
{
    if (ix)
        amp_arena_free(&ix->scratch);
}

const amp_occ *amp_nav_occ_at(const amp_nav_index *ix, uint32_t file, uint32_t offset)
{
    const amp_occ *best = NULL;
    for (size_t i = 0; i < ix->occ_count; i++) {
        const amp_occ *o = &ix->occs[i];
        amp_loc l = o->loc;
        if (o->flags & AMP_OCC_STRING && l.start > 0)
            l.start--; /* the opening quote */
        if (!nav_holds(l, file, offset))
            continue;
        if (!best || o->loc.end - o->loc.start < best->loc.end - best->loc.start)
            best = o;
    }
    return best;
}

const amp_nav_link *amp_nav_link_at(const amp_nav_index *ix, uint32_t file, uint32_t offset)
{
    for (size_t i = 0; i < ix->link_count; i++)
        if (nav_holds(ix->links[i].loc, file, offset))
            return &ix->links[i];
    return NULL;
}

const char *amp_nav_sym_word(const amp_nav_index *ix, const amp_sym *sym)
{
    static const char *const type_words[] = {"model",      "custom type",  "enum",
                                             "query",      "mutation",     "subscription",
                                             "generation", "conversation", "type"};
    switch (sym->kind) {
    case AMP_SYM_TYPE:
        return type_words[sym->type->kind];
    case AMP_SYM_FIELD:
        return sym->type && sym->type->kind >= AMP_TYPE_QUERY &&
                       sym->type->kind <= AMP_TYPE_GENERATION
                   ? "argument"
                   : "field";
    case AMP_SYM_RESOURCE: {
        switch (ix->model->resources[sym->resource].kind) {
        case AMP_RES_FUNCTION:
            return "function";
        case AMP_RES_AUTH:
        case AMP_RES_REFERENCE_AUTH:
            return "auth";
        case AMP_RES_DATA:
            return "data";
        case AMP_RES_STORAGE:
            return "storage";
        case AMP_RES_OTHER:
            return "resource";
        }
        return "resource";
    }
    case AMP_SYM_GROUP:
        return "group";
    }
    return "symbol";
}
