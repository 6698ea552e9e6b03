/*
 * symbols.c: document symbols (a hierarchy per file) and workspace symbols
 * (see amp_nav.h), plus the storage helpers hover shares.
 *
 * Document symbols are collected flat (resources with their storage paths
 * and groups, schemas, types with their fields, enum values and arguments)
 * and nested by range containment: whatever lies inside another symbol's
 * range becomes its child, so a schema written inside defineData nests
 * there and one in its own const stands alone.
 */
#include "nav_internal.h"

#include <stdlib.h>
#include <string.h>

/* ---- storage ---------------------------------------------------------------- */

const amp_value *nav_storage_paths(const amp_resource *r)
{
    if (r->kind != AMP_RES_STORAGE)
        return NULL;
    const amp_prop *access = amp_value_prop(r->props, "access");
    const amp_value *fn = access ? access->value : NULL;
    const amp_value *body = fn && fn->kind == AMP_VAL_FUNCTION ? fn->body : NULL;
    return body && body->kind == AMP_VAL_OBJECT ? body : NULL;
}

const char *nav_resource_name(const amp_model *m, int r)
{
    if (r < 0 || (size_t)r >= m->resource_count)
        return NULL;
    const amp_resource *res = &m->resources[r];
    return res->var ? res->var : res->name ? res->name : res->define;
}

/* Appends the strings of a string or array value, comma separated. */
static void add_strings(nav_buf *b, const amp_value *v)
{
    if (v && v->kind == AMP_VAL_STRING) {
        nav_buf_add(b, v->str);
        return;
    }
    for (size_t i = 0; v && v->kind == AMP_VAL_ARRAY && i < v->item_count; i++) {
        if (i)
            nav_buf_add(b, ", ");
        nav_buf_add(b, v->items[i]->kind == AMP_VAL_STRING ? v->items[i]->str : "?");
    }
}

const char *nav_storage_rule_text(amp_nav_index *ix, const amp_value *rule)
{
    if (!rule || rule->kind != AMP_VAL_CALL || !rule->str || strncmp(rule->str, "$0.", 3) != 0)
        return NULL;
    const char *who = rule->str + 3;
    size_t who_len = strlen(who);
    const amp_value *ops = NULL;
    if (who_len > 3 && strcmp(who + who_len - 3, ".to") == 0) { /* allow.guest.to([...]) */
        who_len -= 3;
        ops = nav_arg0(rule);
    } else {
        const amp_method *to = amp_value_method(rule, "to");
        ops = to && to->arg_count ? to->args[0] : NULL;
    }
    nav_buf b = {0};
    nav_buf_addn(&b, who, who_len);
    const amp_value *a0 = who_len < strlen(who) ? NULL : nav_arg0(rule);
    if (a0 && who_len == 8 && strncmp(who, "resource", 8) == 0) {
        const char *name = nav_resource_name(ix->model, nav_resource_of(ix->model, a0));
        nav_buf_printf(&b, " %s", name ? name : "?");
    } else if (a0) {
        nav_buf_add(&b, " ");
        add_strings(&b, a0);
    }
    nav_buf_add(&b, ": ");
    if (ops)
        add_strings(&b, ops);
    else
        nav_buf_add(&b, "?");
    return nav_buf_done(&b, &ix->scratch);
}

/* ---- collecting document symbols ----------------------------------------- */

typedef struct collector {
    amp_nav_index *ix;
    uint32_t file;
    amp_nav_docsym *items;
    size_t count;
} collector;

/* Adds a symbol when its selection lies in the file; returns it or NULL. */
static amp_nav_docsym *add(collector *c, const char *name, const char *detail, amp_symbol_kind kind,
                           amp_loc range, amp_loc selection)
{
    if (!name || selection.file != c->file)
        return NULL;
    if (range.file != selection.file || range.start > selection.start || range.end < selection.end)
        range = selection;
    amp_nav_docsym *d = nav_push(&c->ix->scratch, (void **)&c->items, &c->count, sizeof *d);
    if (d) {
        d->name = name;
        d->detail = detail;
        d->kind = kind;
        d->range = range;
        d->selection = selection;
        d->parent = -1;
    }
    return d;
}

static amp_loc unquoted(const amp_nav_index *ix, amp_loc loc)
{
    bool quoted;
    return nav_unquote(ix, loc, &quoted);
}

static void add_strings_as(collector *c, const amp_value *v, const char *detail,
                           amp_symbol_kind kind)
{
    for (size_t i = 0; v && v->kind == AMP_VAL_ARRAY && i < v->item_count; i++)
        if (v->items[i]->kind == AMP_VAL_STRING)
            add(c, v->items[i]->str, detail, kind, v->items[i]->loc,
                unquoted(c->ix, v->items[i]->loc));
}

static void add_storage_paths(collector *c, const amp_resource *r)
{
    const amp_value *paths = nav_storage_paths(r);
    for (size_t p = 0; paths && p < paths->prop_count; p++) {
        const amp_prop *prop = &paths->props[p];
        nav_buf b = {0};
        const amp_value *list = prop->value;
        for (size_t i = 0; list && list->kind == AMP_VAL_ARRAY && i < list->item_count; i++) {
            const char *rule = nav_storage_rule_text(c->ix, list->items[i]);
            nav_buf_printf(&b, "%s%s", i ? "; " : "", rule ? rule : "?");
        }
        add(c, prop->key, nav_buf_done(&b, &c->ix->scratch), AMP_SK_KEY,
            nav_span(prop->key_loc, prop->value->loc), unquoted(c->ix, prop->key_loc));
    }
}

static void add_resources(collector *c)
{
    const amp_nav_index *ix = c->ix;
    for (size_t i = 0; i < ix->sym_count; i++) {
        const amp_sym *s = &ix->syms[i];
        if (s->kind != AMP_SYM_RESOURCE)
            continue;
        const amp_resource *r = &ix->model->resources[s->resource];
        amp_loc sel = s->def.file == c->file ? s->def : r->value->callee_loc;
        add(c, s->name, r->define, r->kind == AMP_RES_FUNCTION ? AMP_SK_FUNCTION : AMP_SK_MODULE,
            s->def.file == c->file ? s->def_full : r->loc, sel);
        if (r->kind == AMP_RES_STORAGE)
            add_storage_paths(c, r);
        const amp_prop *groups =
            r->kind == AMP_RES_AUTH ? amp_value_prop(r->props, "groups") : NULL;
        if (groups)
            add_strings_as(c, groups->value, "group", AMP_SK_CONSTANT);
    }
}

static void add_schemas(collector *c)
{
    const amp_model *m = c->ix->model;
    for (size_t s = 0; s < m->schema_count; s++) {
        const amp_schema *sc = &m->schemas[s];
        const char *name = amp_model_binding_name(m, sc->value);
        add(c, name ? name : "schema", sc->sql ? "SQL schema" : "a.schema", AMP_SK_NAMESPACE,
            sc->value->loc, sc->value->callee_loc);
    }
}

static amp_symbol_kind type_symbol_kind(amp_type_kind k)
{
    switch (k) {
    case AMP_TYPE_MODEL:
        return AMP_SK_CLASS;
    case AMP_TYPE_CUSTOM:
        return AMP_SK_STRUCT;
    case AMP_TYPE_ENUM:
        return AMP_SK_ENUM;
    case AMP_TYPE_SUBSCRIPTION:
        return AMP_SK_EVENT;
    case AMP_TYPE_QUERY:
    case AMP_TYPE_MUTATION:
    case AMP_TYPE_GENERATION:
    case AMP_TYPE_CONVERSATION:
        return AMP_SK_METHOD;
    case AMP_TYPE_UNKNOWN:
        break;
    }
    return AMP_SK_VARIABLE;
}

/* The detail of a field: its GraphQL type, or "hasMany Comment". */
static const char *field_detail(amp_nav_index *ix, const char *owner, const amp_field *f)
{
    const char *rel = nav_relationship_word(f);
    if (rel)
        return nav_printf(&ix->scratch, "%s %s", rel, f->target.s ? f->target.s : "?");
    return nav_field_type(&ix->scratch, owner, f);
}

static void add_enum_values(collector *c, const amp_str *values, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (values[i].s)
            add(c, values[i].s, NULL, AMP_SK_ENUM_MEMBER, values[i].loc,
                unquoted(c->ix, values[i].loc));
}

static void add_fields(collector *c, const amp_type *t)
{
    for (size_t i = 0; i < c->ix->sym_count; i++) {
        const amp_sym *s = &c->ix->syms[i];
        if (s->kind != AMP_SYM_FIELD || s->type != t)
            continue;
        const amp_field *f = s->field;
        add(c, s->name, field_detail(c->ix, t->name, f),
            nav_relationship_word(f) ? AMP_SK_PROPERTY : AMP_SK_FIELD, s->def_full, s->def);
        add_enum_values(c, f->enum_values, f->enum_count);
        if (f->inline_type)
            add_fields(c, f->inline_type);
    }
}

static void add_types(collector *c)
{
    for (size_t i = 0; i < c->ix->sym_count; i++) {
        const amp_sym *s = &c->ix->syms[i];
        if (s->kind != AMP_SYM_TYPE)
            continue;
        const amp_type *t = s->type;
        add(c, s->name, amp_nav_sym_word(c->ix, s), type_symbol_kind(t->kind), s->def_full, s->def);
        add_fields(c, t);
        add_enum_values(c, t->enum_values, t->enum_count);
        if (t->returns && t->returns->inline_type)
            add_fields(c, t->returns->inline_type);
    }
}

/* ---- nesting ------------------------------------------------------------------ */

static int by_range(const void *a, const void *b)
{
    const amp_nav_docsym *x = a, *y = b;
    if (x->range.start != y->range.start)
        return x->range.start < y->range.start ? -1 : 1;
    if (x->range.end != y->range.end)
        return x->range.end > y->range.end ? -1 : 1; /* the larger first: it is the parent */
    return x->parent < y->parent ? -1 : x->parent > y->parent; /* insertion order, kept in parent */
}

static bool contains(const amp_nav_docsym *outer, const amp_nav_docsym *inner)
{
    return outer->range.start <= inner->range.start && inner->range.end <= outer->range.end;
}

/* Sorts by range and sets each symbol's parent to the innermost symbol
 * whose range holds it. */
static void nest(amp_nav_docsym *items, size_t count)
{
    for (size_t i = 0; i < count; i++)
        items[i].parent = (int)i; /* the insertion order, for a stable sort */
    if (count > 1)
        qsort(items, count, sizeof *items, by_range);
    int *stack = malloc((count ? count : 1) * sizeof *stack);
    size_t depth = 0;
    for (size_t i = 0; i < count; i++) {
        while (stack && depth > 0 && !contains(&items[stack[depth - 1]], &items[i]))
            depth--;
        items[i].parent = stack && depth > 0 ? stack[depth - 1] : -1;
        items[i].container = items[i].parent >= 0 ? items[items[i].parent].name : NULL;
        if (stack)
            stack[depth++] = (int)i;
    }
    free(stack);
}

amp_nav_docsym *amp_nav_document_symbols(amp_nav_index *ix, uint32_t file, size_t *count)
{
    collector c = {ix, file, NULL, 0};
    add_resources(&c);
    add_schemas(&c);
    add_types(&c);
    nest(c.items, c.count);
    *count = c.count;
    return c.items;
}

/* ---- workspace symbols ------------------------------------------------------- */

bool amp_nav_query_matches(const char *query, const char *name)
{
    const char *q = query ? query : "";
    for (const char *n = name; *q && *n; n++) {
        char a = *q, b = *n;
        if (a >= 'A' && a <= 'Z')
            a = (char)(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z')
            b = (char)(b - 'A' + 'a');
        if (a == b)
            q++;
    }
    return *q == '\0';
}

/* The kind of a symbol of the index, for workspace symbols. */
static amp_symbol_kind sym_kind(const amp_nav_index *ix, const amp_sym *s)
{
    switch (s->kind) {
    case AMP_SYM_TYPE:
        return type_symbol_kind(s->type->kind);
    case AMP_SYM_FIELD:
        return nav_relationship_word(s->field) ? AMP_SK_PROPERTY : AMP_SK_FIELD;
    case AMP_SYM_RESOURCE:
        return ix->model->resources[s->resource].kind == AMP_RES_FUNCTION ? AMP_SK_FUNCTION
                                                                          : AMP_SK_MODULE;
    case AMP_SYM_GROUP:
        return AMP_SK_CONSTANT;
    }
    return AMP_SK_VARIABLE;
}

amp_nav_docsym *amp_nav_workspace_symbols(amp_nav_index *ix, const char *query, size_t *count)
{
    amp_nav_docsym *items = NULL;
    *count = 0;
    for (size_t i = 0; i < ix->sym_count; i++) {
        const amp_sym *s = &ix->syms[i];
        if (!s->has_def || s->kind == AMP_SYM_GROUP || !amp_nav_query_matches(query, s->name))
            continue;
        amp_nav_docsym *d = nav_push(&ix->scratch, (void **)&items, count, sizeof *d);
        if (!d)
            break;
        d->name = s->name;
        d->kind = sym_kind(ix, s);
        d->detail = amp_nav_sym_word(ix, s);
        d->range = s->def_full;
        d->selection = s->def;
        d->parent = -1;
        if (s->kind == AMP_SYM_FIELD)
            d->container = s->type->name;
        else if (s->kind == AMP_SYM_RESOURCE)
            d->container = ix->model->resources[s->resource].define;
    }
    return items;
}
