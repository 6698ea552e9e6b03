/*
 * nav_hover.c: the hover markdown of model symbols (see amp_nav.h): a type
 * as GraphQL with its identifier, relationships and authorization; a field
 * with its type and who references it; a resource with its props and where
 * it is wired; a group and who uses it; a storage path and who may do what.
 */
#include "nav_internal.h"

#include <string.h>

/* ---- pieces ---------------------------------------------------------------- */

/* An authorization rule as text: "owner", "group ADMINS: read", ... */
static void rule_text(amp_nav_index *ix, nav_buf *b, const amp_rule *r)
{
    nav_buf_add(b, r->strategy);
    if (r->field.s)
        nav_buf_printf(b, " `%s`", r->field.s);
    for (size_t g = 0; g < r->group_count; g++)
        nav_buf_printf(b, "%s%s", g ? ", " : " ", r->groups[g].s ? r->groups[g].s : "?");
    if (r->resource) {
        const char *name = nav_resource_name(ix->model, nav_resource_of(ix->model, r->resource));
        nav_buf_printf(b, " `%s`", name ? name : "?");
    }
    if (r->provider.s)
        nav_buf_printf(b, " (%s)", r->provider.s);
    if (r->has_to) {
        nav_buf_add(b, ": ");
        for (size_t i = 0; i < r->operation_count; i++)
            nav_buf_printf(b, "%s%s", i ? ", " : "", r->operations[i].s ? r->operations[i].s : "?");
    }
}

static void rules_line(amp_nav_index *ix, nav_buf *b, const char *label, const amp_rule *rules,
                       size_t count, bool known)
{
    if (!count && known)
        return;
    nav_buf_printf(b, "\n\n**%s**: ", label);
    for (size_t i = 0; i < count; i++) {
        if (i)
            nav_buf_add(b, " · ");
        rule_text(ix, b, &rules[i]);
    }
    if (!known)
        nav_buf_add(b, count ? " · …" : "…");
}

/* "  name: Type  # note" lines of a type's fields. */
static void field_lines(amp_nav_index *ix, nav_buf *b, const amp_type *t)
{
    for (size_t i = 0; i < t->field_count; i++) {
        const amp_field *f = &t->fields[i];
        nav_buf_printf(b, "  %s: %s", f->name ? f->name : "?",
                       nav_field_type(&ix->scratch, t->name, f));
        const char *rel = nav_relationship_word(f);
        if (rel) {
            nav_buf_printf(b, "  # %s", rel);
            for (size_t r = 0; r < f->reference_count; r++)
                nav_buf_printf(b, "%s%s", r ? ", " : ", references ",
                               f->references[r].s ? f->references[r].s : "?");
        }
        nav_buf_add(b, "\n");
    }
}

static const char *graphql_keyword(amp_type_kind k)
{
    static const char *const words[] = {"type",       "type",         "enum",
                                        "query",      "mutation",     "subscription",
                                        "generation", "conversation", "type"};
    return words[k];
}

static void model_block(amp_nav_index *ix, nav_buf *b, const amp_type *t)
{
    const char *implicit[16];
    size_t n = nav_implicit_fields(ix, t, implicit, 16);
    nav_buf_printf(b, "```graphql\ntype %s @model {\n", t->name);
    field_lines(ix, b, t);
    for (size_t i = 0; i < n; i++)
        nav_buf_printf(b, "  %s  # implicit\n", implicit[i]);
    nav_buf_add(b, "}\n```");
    nav_buf_add(b, "\n\n**identifier**: ");
    if (!t->has_identifier)
        nav_buf_add(b, "`id`");
    for (size_t i = 0; i < t->identifier_count; i++)
        nav_buf_printf(b, "%s`%s`", i ? ", " : "", t->identifier[i].s ? t->identifier[i].s : "?");
    for (size_t i = 0; i < t->index_count; i++) {
        const amp_index *x = &t->indexes[i];
        nav_buf_printf(b, "%s`%s`",
                       i ? ", " : "\n\n**secondary indexes**: ", x->pk.s ? x->pk.s : "?");
        for (size_t k = 0; k < x->sort_key_count; k++)
            nav_buf_printf(b, "%s`%s`", k ? ", " : " sorted by ",
                           x->sort_keys[k].s ? x->sort_keys[k].s : "?");
    }
    rules_line(ix, b, "authorization", t->rules, t->rule_count, !t->has_auth || t->rules_known);
}

static void operation_block(amp_nav_index *ix, nav_buf *b, const amp_type *t)
{
    nav_buf_printf(b, "```graphql\n%s %s", graphql_keyword(t->kind), t->name);
    for (size_t i = 0; i < t->field_count; i++)
        nav_buf_printf(b, "%s%s: %s", i ? ", " : "(", t->fields[i].name ? t->fields[i].name : "?",
                       nav_field_type(&ix->scratch, t->name, &t->fields[i]));
    nav_buf_add(b, t->field_count ? ")" : "");
    if (t->returns)
        nav_buf_printf(b, ": %s", nav_field_type(&ix->scratch, t->name, t->returns));
    nav_buf_add(b, "\n```");
    for (size_t i = 0; i < t->handler_count; i++) {
        const amp_handler *h = &t->handlers[i];
        nav_buf_printf(b, "%s%s", i ? " → " : "\n\n**handler**: ", h->kind);
        const char *fn =
            h->function && h->function->kind == AMP_VAL_STRING
                ? h->function->str
                : nav_resource_name(ix->model, nav_resource_of(ix->model, h->function));
        if (fn)
            nav_buf_printf(b, " `%s`", fn);
        if (h->entry.s)
            nav_buf_printf(b, " `%s`", h->entry.s);
    }
    for (size_t i = 0; i < t->source_count; i++)
        nav_buf_printf(b, "%s`%s`",
                       i ? ", " : "\n\n**for**: ", t->sources[i].s ? t->sources[i].s : "?");
    rules_line(ix, b, "authorization", t->rules, t->rule_count, !t->has_auth || t->rules_known);
}

static void type_markdown(amp_nav_index *ix, nav_buf *b, const amp_type *t)
{
    switch (t->kind) {
    case AMP_TYPE_MODEL:
        model_block(ix, b, t);
        return;
    case AMP_TYPE_CUSTOM:
        nav_buf_printf(b, "```graphql\ntype %s {\n", t->name);
        field_lines(ix, b, t);
        nav_buf_add(b, "}\n```\n\ncustom type");
        return;
    case AMP_TYPE_ENUM:
        nav_buf_printf(b, "```graphql\nenum %s {", t->name);
        for (size_t i = 0; i < t->enum_count; i++)
            nav_buf_printf(b, " %s", t->enum_values[i].s ? t->enum_values[i].s : "?");
        nav_buf_add(b, " }\n```");
        return;
    case AMP_TYPE_CONVERSATION:
        nav_buf_printf(b, "**conversation** `%s`", t->name);
        rules_line(ix, b, "authorization", t->rules, t->rule_count, !t->has_auth || t->rules_known);
        return;
    case AMP_TYPE_UNKNOWN:
        nav_buf_printf(b, "**type** `%s` (not understood)", t->name);
        return;
    default:
        operation_block(ix, b, t);
    }
}

/* Who references field f of t through relationships, identifiers and indexes. */
static void field_users(amp_nav_index *ix, nav_buf *b, const amp_sym *s)
{
    const amp_model *m = ix->model;
    size_t n = 0;
    for (size_t sc = 0; sc < m->schema_count; sc++) {
        if (nav_space_of(m, (int)sc) != s->space)
            continue;
        for (size_t i = 0; i < m->schemas[sc].type_count; i++) {
            const amp_type *t = &m->schemas[sc].types[i];
            for (size_t k = 0; k < t->field_count; k++) {
                const amp_field *f = &t->fields[k];
                const char *rel = nav_relationship_word(f);
                int target = rel && f->target.s ? nav_type_sym(ix, s->space, f->target.s) : -1;
                const amp_type *owner = f->kind == AMP_FIELD_BELONGS_TO ? t
                                        : target >= 0                   ? ix->syms[target].type
                                                                        : NULL;
                for (size_t r = 0; owner == s->type && r < f->reference_count; r++)
                    if (f->references[r].s && strcmp(f->references[r].s, s->name) == 0)
                        nav_buf_printf(b, "%s`%s.%s` (%s)",
                                       n++ ? ", " : "\n\n**referenced by**: ", t->name, f->name,
                                       rel);
            }
        }
    }
    const amp_type *t = s->type;
    for (size_t i = 0; i < t->identifier_count; i++)
        if (t->identifier[i].s && strcmp(t->identifier[i].s, s->name) == 0)
            nav_buf_printf(b, "\n\npart of the identifier of `%s`", t->name);
    for (size_t i = 0; i < t->index_count; i++)
        if (t->indexes[i].pk.s && strcmp(t->indexes[i].pk.s, s->name) == 0)
            nav_buf_add(b, "\n\npartition key of a secondary index");
}

static void field_markdown(amp_nav_index *ix, nav_buf *b, const amp_sym *s)
{
    const amp_field *f = s->field;
    const char *owner = s->type->name ? s->type->name : "?";
    nav_buf_printf(b, "```graphql\n%s: %s\n```\n\n%s of %s `%s`", s->name,
                   nav_field_type(&ix->scratch, owner, f), amp_nav_sym_word(ix, s),
                   s->type->kind == AMP_TYPE_MODEL ? "model" : "type", owner);
    const char *rel = nav_relationship_word(f);
    if (rel) {
        nav_buf_printf(b, "\n\n**%s** `%s`", rel, f->target.s ? f->target.s : "?");
        for (size_t r = 0; r < f->reference_count; r++)
            nav_buf_printf(b, "%s`%s`", r ? ", " : " references ",
                           f->references[r].s ? f->references[r].s : "?");
    }
    if (f->has_auth)
        rules_line(ix, b, "authorization", f->rules, f->rule_count, f->rules_known);
    field_users(ix, b, s);
}

/* ---- resources ----------------------------------------------------------------- */

static void prop_value(nav_buf *b, const amp_value *v)
{
    switch (v->kind) {
    case AMP_VAL_STRING:
        nav_buf_printf(b, "`'%s'`", v->str ? v->str : "");
        break;
    case AMP_VAL_NUMBER:
        nav_buf_printf(b, "`%g`", v->num);
        break;
    case AMP_VAL_BOOL:
        nav_buf_add(b, v->b ? "`true`" : "`false`");
        break;
    case AMP_VAL_CALL:
        nav_buf_printf(b, "`%s(…)`", v->str ? v->str : "?");
        break;
    case AMP_VAL_ARRAY:
        nav_buf_add(b, "`[…]`");
        break;
    case AMP_VAL_OBJECT:
        nav_buf_add(b, "`{…}`");
        break;
    default:
        nav_buf_add(b, "…");
    }
}

typedef struct wiring {
    amp_nav_index *ix;
    nav_buf *b;
    int r;
    size_t n;
} wiring;

static void wired(wiring *w, const char *fmt, const char *a, const char *c)
{
    nav_buf_add(w->b, w->n++ ? "\n- " : "\n\n**wired**:\n- ");
    nav_buf_printf(w->b, fmt, a ? a : "?", c ? c : "");
}

static bool is_r(const wiring *w, const amp_value *v)
{
    return nav_resource_of(w->ix->model, v) == w->r;
}

/* Keys of an OBJECT prop of a resource whose values are resource r. */
static void wired_keys(wiring *w, const amp_resource *res, const char *prop, const char *fmt)
{
    const amp_prop *p = amp_value_prop(res->props, prop);
    const amp_value *obj = p ? p->value : NULL;
    for (size_t i = 0; obj && obj->kind == AMP_VAL_OBJECT && i < obj->prop_count; i++)
        if (is_r(w, obj->props[i].value))
            wired(w, fmt, obj->props[i].key,
                  nav_resource_name(w->ix->model, (int)(res - w->ix->model->resources)));
}

static void wired_rules(wiring *w, const amp_rule *rules, size_t count, const char *where)
{
    for (size_t i = 0; i < count; i++)
        if (rules[i].resource && is_r(w, rules[i].resource)) {
            nav_buf tmp = {0};
            rule_text(w->ix, &tmp, &rules[i]);
            const char *text = nav_buf_done(&tmp, &w->ix->scratch);
            wired(w, "allow.%s in %s", text, where);
        }
}

static void wired_in_storage(wiring *w, const amp_resource *res)
{
    const amp_value *paths = nav_storage_paths(res);
    for (size_t p = 0; paths && p < paths->prop_count; p++) {
        const amp_value *list = paths->props[p].value;
        for (size_t i = 0; list && list->kind == AMP_VAL_ARRAY && i < list->item_count; i++)
            if (amp_value_is_call(list->items[i], "$0.resource") &&
                is_r(w, nav_arg0(list->items[i])))
                wired(w, "storage path `%s`: %s", paths->props[p].key,
                      nav_storage_rule_text(w->ix, list->items[i]));
    }
}

static void wired_in_resources(wiring *w)
{
    const amp_model *m = w->ix->model;
    for (size_t i = 0; i < m->resource_count; i++) {
        const amp_resource *res = &m->resources[i];
        if (res->kind == AMP_RES_AUTH) {
            wired_keys(w, res, "triggers", "auth trigger `%s` of `%s`");
            const amp_prop *access = amp_value_prop(res->props, "access");
            size_t n = 0;
            const amp_value *const *items = nav_returned(access ? access->value : NULL, &n);
            for (size_t k = 0; k < n; k++)
                if (amp_value_is_call(items[k], "$0.resource") && is_r(w, nav_arg0(items[k])))
                    wired(w, "auth access of `%s`%s", nav_resource_name(m, (int)i), "");
        } else if (res->kind == AMP_RES_STORAGE) {
            wired_keys(w, res, "triggers", "storage trigger `%s` of `%s`");
            wired_in_storage(w, res);
        } else if (res->kind == AMP_RES_DATA) {
            wired_keys(w, res, "functions", "defineData functions key `%s` of `%s`");
            const amp_prop *modes = amp_value_prop(res->props, "authorizationModes");
            const amp_prop *lambda =
                modes ? amp_value_prop(modes->value, "lambdaAuthorizationMode") : NULL;
            const amp_prop *fn = lambda ? amp_value_prop(lambda->value, "function") : NULL;
            if (fn && is_r(w, fn->value))
                wired(w, "Lambda authorizer of `%s`%s", nav_resource_name(m, (int)i), "");
        }
    }
}

static void wired_in_schemas(wiring *w)
{
    const amp_model *m = w->ix->model;
    for (size_t s = 0; s < m->schema_count; s++) {
        wired_rules(w, m->schemas[s].rules, m->schemas[s].rule_count, "the schema authorization");
        for (size_t i = 0; i < m->schemas[s].type_count; i++) {
            const amp_type *t = &m->schemas[s].types[i];
            for (size_t h = 0; h < t->handler_count; h++)
                if (is_r(w, t->handlers[h].function))
                    wired(w, "handler of `%s`%s", t->name, t->handlers[h].async ? " (async)" : "");
            wired_rules(w, t->rules, t->rule_count, t->name);
        }
    }
}

static void resource_markdown(amp_nav_index *ix, nav_buf *b, const amp_sym *s)
{
    const amp_model *m = ix->model;
    const amp_resource *r = &m->resources[s->resource];
    nav_buf_printf(b, "**%s** `%s` (%s)", amp_nav_sym_word(ix, s), s->name, r->define);
    const amp_value *props = r->props;
    for (size_t i = 0; props && props->kind == AMP_VAL_OBJECT && i < props->prop_count; i++) {
        nav_buf_printf(b, "%s%s: ", i ? " · " : "\n\n", props->props[i].key);
        prop_value(b, props->props[i].value);
    }
    wiring w = {ix, b, s->resource, 0};
    for (size_t k = 0; k < m->key_count; k++)
        if (m->keys[k].resource == s->resource)
            wired(&w, "defineBackend key `%s`%s", m->keys[k].name, "");
    wired_in_schemas(&w);
    wired_in_resources(&w);
}

/* ---- groups and storage paths ------------------------------------------------- */

static bool rules_name_group(const amp_rule *rules, size_t count, const char *group)
{
    for (size_t i = 0; i < count; i++)
        for (size_t g = 0; g < rules[i].group_count; g++)
            if (rules[i].groups[g].s && strcmp(rules[i].groups[g].s, group) == 0)
                return true;
    return false;
}

static void group_markdown(amp_nav_index *ix, nav_buf *b, const amp_sym *s)
{
    const amp_model *m = ix->model;
    nav_buf_printf(b, "**group** `%s`%s", s->name,
                   s->has_def ? " (user-pool group of defineAuth)"
                              : " (not declared in defineAuth groups)");
    size_t n = 0;
    for (size_t sc = 0; sc < m->schema_count; sc++) {
        if (rules_name_group(m->schemas[sc].rules, m->schemas[sc].rule_count, s->name))
            nav_buf_printf(b, "%sthe schema", n++ ? ", " : "\n\n**used by**: ");
        for (size_t i = 0; i < m->schemas[sc].type_count; i++) {
            const amp_type *t = &m->schemas[sc].types[i];
            bool used = rules_name_group(t->rules, t->rule_count, s->name);
            for (size_t f = 0; !used && f < t->field_count; f++)
                used = rules_name_group(t->fields[f].rules, t->fields[f].rule_count, s->name);
            if (used)
                nav_buf_printf(b, "%s`%s`", n++ ? ", " : "\n\n**used by**: ", t->name);
        }
    }
    for (size_t r = 0; r < m->resource_count; r++) {
        const amp_value *paths = nav_storage_paths(&m->resources[r]);
        for (size_t p = 0; paths && p < paths->prop_count; p++) {
            const amp_value *list = paths->props[p].value;
            for (size_t i = 0; list && list->kind == AMP_VAL_ARRAY && i < list->item_count; i++) {
                const amp_value *g = nav_arg0(list->items[i]);
                bool named =
                    amp_value_is_call(list->items[i], "$0.groups") && g && g->kind == AMP_VAL_ARRAY;
                for (size_t k = 0; named && k < g->item_count; k++)
                    if (g->items[k]->kind == AMP_VAL_STRING &&
                        strcmp(g->items[k]->str, s->name) == 0)
                        nav_buf_printf(b, "%sstorage `%s` `%s`", n++ ? ", " : "\n\n**used by**: ",
                                       nav_resource_name(m, (int)r), paths->props[p].key);
            }
        }
    }
}

/* Hover on a storage path key: who may do what there. */
static const char *storage_path_hover(amp_nav_index *ix, uint32_t file, uint32_t offset,
                                      amp_loc *range)
{
    const amp_model *m = ix->model;
    for (size_t r = 0; r < m->resource_count; r++) {
        const amp_value *paths = nav_storage_paths(&m->resources[r]);
        for (size_t p = 0; paths && p < paths->prop_count; p++) {
            const amp_prop *prop = &paths->props[p];
            if (!nav_holds(prop->key_loc, file, offset))
                continue;
            nav_buf b = {0};
            nav_buf_printf(&b, "**storage path** `%s` of `%s`\n", prop->key,
                           nav_resource_name(m, (int)r));
            const amp_value *list = prop->value;
            for (size_t i = 0; list && list->kind == AMP_VAL_ARRAY && i < list->item_count; i++) {
                const char *rule = nav_storage_rule_text(ix, list->items[i]);
                nav_buf_printf(&b, "\n- %s", rule ? rule : "…");
            }
            *range = prop->key_loc;
            return nav_buf_done(&b, &ix->scratch);
        }
    }
    return NULL;
}

const char *amp_nav_hover(amp_nav_index *ix, uint32_t file, uint32_t offset, amp_loc *range)
{
    const amp_occ *o = amp_nav_occ_at(ix, file, offset);
    if (!o)
        return storage_path_hover(ix, file, offset, range);
    const amp_sym *s = &ix->syms[o->sym];
    nav_buf b = {0};
    switch (s->kind) {
    case AMP_SYM_TYPE:
        type_markdown(ix, &b, s->type);
        break;
    case AMP_SYM_FIELD:
        field_markdown(ix, &b, s);
        break;
    case AMP_SYM_RESOURCE:
        resource_markdown(ix, &b, s);
        break;
    case AMP_SYM_GROUP:
        group_markdown(ix, &b, s);
        break;
    }
    *range = o->loc;
    return nav_buf_done(&b, &ix->scratch);
}
