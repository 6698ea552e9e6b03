/*
 * model_json.c: the semantic model as JSON (see amp_model_json.h). The
 * shape is meant for people and tests to read: names, kinds and the facts
 * the rules use, not the evaluator's internals.
 */
#include "amp_model_json.h"

#include <string.h>

#include "amp_position.h"

typedef struct dump_ctx {
    const amp_model *m;
    const amp_text *const *texts;
    const char *root;
} dump_ctx;

static const char *rel_path(const dump_ctx *c, const char *path)
{
    size_t n = c->root ? strlen(c->root) : 0;
    if (n && strncmp(path, c->root, n) == 0 && path[n] == '/')
        return path + n + 1;
    return path;
}

static json_t *loc_json(const dump_ctx *c, amp_loc loc)
{
    if (loc.file >= c->m->file_count || !c->texts[loc.file])
        return json_null();
    amp_lsp_pos p =
        amp_offset_to_pos(amp_text_view_of(c->texts[loc.file]), AMP_ENC_UTF16, loc.start);
    return json_pack("{s:s, s:I, s:I}", "file", rel_path(c, c->m->files[loc.file].path), "line",
                     (json_int_t)p.line + 1, "column", (json_int_t)p.character + 1);
}

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *strs_json(const amp_str *s, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, str_or_null(s[i].s));
    return a;
}

/* A value as plain JSON where it is data, and as {"call": ...} or
 * {"unknown": true} where it is not; bounded in depth. */
static json_t *value_json(const dump_ctx *c, const amp_value *v, int depth)
{
    if (!v || depth > 12)
        return json_pack("{s:b}", "unknown", 1);
    switch (v->kind) {
    case AMP_VAL_STRING:
        return json_string(v->str ? v->str : "");
    case AMP_VAL_NUMBER:
        return json_real(v->num);
    case AMP_VAL_BOOL:
        return json_boolean(v->b);
    case AMP_VAL_NULL:
        return json_null();
    case AMP_VAL_UNDEFINED:
        return json_pack("{s:b}", "undefined", 1);
    case AMP_VAL_TEMPLATE:
        return json_pack("{s:b}", "template", 1);
    case AMP_VAL_OBJECT: {
        json_t *o = json_object();
        for (size_t i = 0; i < v->prop_count; i++)
            json_object_set_new(o, v->props[i].key, value_json(c, v->props[i].value, depth + 1));
        if (v->open)
            json_object_set_new(o, "...", json_true());
        return o;
    }
    case AMP_VAL_ARRAY: {
        json_t *a = json_array();
        for (size_t i = 0; i < v->item_count; i++)
            json_array_append_new(a, value_json(c, v->items[i], depth + 1));
        return a;
    }
    case AMP_VAL_FUNCTION:
        return json_pack("{s:o}", "function",
                         v->body ? value_json(c, v->body, depth + 1) : json_null());
    case AMP_VAL_CALL: {
        const char *bound = amp_model_binding_name(c->m, v);
        int r = amp_model_resource_of(c->m, v);
        if (r >= 0 && depth > 0) /* a resource named inside another's options */
            return json_pack("{s:s}", "resource",
                             c->m->resources[r].name ? c->m->resources[r].name : "?");
        json_t *args = json_array();
        for (size_t i = 0; i < v->item_count; i++)
            json_array_append_new(args, value_json(c, v->items[i], depth + 1));
        json_t *o = json_pack("{s:s, s:o}", "call", v->str ? v->str : "?", "args", args);
        if (v->method_count) {
            json_t *ms = json_array();
            for (size_t i = 0; i < v->method_count; i++) {
                json_t *margs = json_array();
                for (size_t j = 0; j < v->methods[i].arg_count; j++)
                    json_array_append_new(margs, value_json(c, v->methods[i].args[j], depth + 1));
                json_array_append_new(
                    ms, json_pack("{s:s, s:o}", "name", v->methods[i].name, "args", margs));
            }
            json_object_set_new(o, "methods", ms);
        }
        (void)bound;
        return o;
    }
    case AMP_VAL_BUILTIN:
        return json_pack("{s:s}", "builtin", v->str ? v->str : "?");
    case AMP_VAL_UNKNOWN:
        break;
    }
    return json_pack("{s:b}", "unknown", 1);
}

static json_t *rules_json(const dump_ctx *c, const amp_rule *rules, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++) {
        const amp_rule *r = &rules[i];
        json_t *o = json_pack("{s:s}", "strategy", r->strategy);
        if (r->provider.s)
            json_object_set_new(o, "provider", json_string(r->provider.s));
        if (r->field.s)
            json_object_set_new(o, "field", json_string(r->field.s));
        if (r->group_count)
            json_object_set_new(o, "groups", strs_json(r->groups, r->group_count));
        if (r->has_to)
            json_object_set_new(o, "operations", strs_json(r->operations, r->operation_count));
        if (r->resource) {
            int res = amp_model_resource_of(c->m, r->resource);
            json_object_set_new(o, "resource",
                                res >= 0 ? str_or_null(c->m->resources[res].name) : json_null());
        }
        json_array_append_new(a, o);
    }
    return a;
}

static const char *field_kind_name(amp_field_kind k)
{
    static const char *names[] = {"scalar",  "ref",    "enum",      "customType",
                                  "hasMany", "hasOne", "belongsTo", "unknown"};
    return names[k];
}

static json_t *type_json(const dump_ctx *c, const amp_type *t);

static json_t *field_json(const dump_ctx *c, const amp_field *f)
{
    json_t *o =
        json_pack("{s:s, s:s}", "name", f->name ? f->name : "?", "kind", field_kind_name(f->kind));
    if (f->scalar)
        json_object_set_new(o, "type", json_string(f->scalar));
    if (f->target.s)
        json_object_set_new(o, "target", json_string(f->target.s));
    if (f->kind == AMP_FIELD_HAS_MANY || f->kind == AMP_FIELD_HAS_ONE ||
        f->kind == AMP_FIELD_BELONGS_TO)
        json_object_set_new(o, "references", strs_json(f->references, f->reference_count));
    if (f->required)
        json_object_set_new(o, "required", json_true());
    if (f->array)
        json_object_set_new(o, "array", json_true());
    if (f->array_required)
        json_object_set_new(o, "arrayRequired", json_true());
    if (f->value_required)
        json_object_set_new(o, "valueRequired", json_true());
    if (f->has_default)
        json_object_set_new(o, "default",
                            f->default_value ? value_json(c, f->default_value, 1) : json_null());
    if (f->enum_count)
        json_object_set_new(o, "values", strs_json(f->enum_values, f->enum_count));
    if (f->has_auth)
        json_object_set_new(o, "authorization", rules_json(c, f->rules, f->rule_count));
    if (f->inline_type) {
        json_t *inner = type_json(c, f->inline_type);
        json_t *fields = json_object_get(inner, "fields");
        if (fields)
            json_object_set(o, "fields", fields);
        json_decref(inner);
    }
    return o;
}

static const char *type_kind_name(amp_type_kind k)
{
    static const char *names[] = {"model",      "customType",   "enum",
                                  "query",      "mutation",     "subscription",
                                  "generation", "conversation", "unknown"};
    return names[k];
}

/* Appends s with its first letter in upper case. */
static void append_capitalized(char *out, size_t cap, const char *s)
{
    size_t n = strlen(out);
    if (!s || n + 1 >= cap)
        return;
    snprintf(out + n, cap - n, "%c%s", (s[0] >= 'a' && s[0] <= 'z') ? s[0] - 32 : s[0],
             s[0] ? s + 1 : "");
}

/* Amplify's default query field of an index: list<Model>By<Pk>[And<Sk>...]. */
static json_t *default_query_field(const amp_type *t, const amp_index *x)
{
    if (!x->pk.s)
        return json_null();
    char name[512] = "list";
    append_capitalized(name, sizeof name, t->name);
    strncat(name, "By", sizeof name - strlen(name) - 1);
    append_capitalized(name, sizeof name, x->pk.s);
    for (size_t i = 0; i < x->sort_key_count; i++) {
        if (!x->sort_keys[i].s)
            return json_null();
        strncat(name, "And", sizeof name - strlen(name) - 1);
        append_capitalized(name, sizeof name, x->sort_keys[i].s);
    }
    return json_string(name);
}

static json_t *type_json(const dump_ctx *c, const amp_type *t)
{
    json_t *o = json_pack("{s:s, s:s, s:o}", "name", t->name ? t->name : "?", "kind",
                          type_kind_name(t->kind), "at", loc_json(c, t->name_loc));
    bool op = t->kind == AMP_TYPE_QUERY || t->kind == AMP_TYPE_MUTATION ||
              t->kind == AMP_TYPE_SUBSCRIPTION || t->kind == AMP_TYPE_GENERATION;
    if (t->kind == AMP_TYPE_MODEL || t->kind == AMP_TYPE_CUSTOM || op) {
        json_t *fields = json_array();
        for (size_t i = 0; i < t->field_count; i++)
            json_array_append_new(fields, field_json(c, &t->fields[i]));
        json_object_set_new(o, op ? "arguments" : "fields", fields);
    }
    if (t->kind == AMP_TYPE_MODEL) {
        json_object_set_new(o, "identifier",
                            t->has_identifier ? strs_json(t->identifier, t->identifier_count)
                                              : json_pack("[s]", "id"));
        json_t *ix = json_array();
        for (size_t i = 0; i < t->index_count; i++) {
            const amp_index *x = &t->indexes[i];
            json_t *xo = json_pack("{s:o, s:o}", "partitionKey", str_or_null(x->pk.s), "sortKeys",
                                   strs_json(x->sort_keys, x->sort_key_count));
            if (x->name.s)
                json_object_set_new(xo, "name", json_string(x->name.s));
            if (x->query_field.s || x->query_field_null)
                json_object_set_new(xo, "queryField", str_or_null(x->query_field.s));
            else
                json_object_set_new(xo, "queryField", default_query_field(t, x));
            json_array_append_new(ix, xo);
        }
        json_object_set_new(o, "indexes", ix);
        if (t->disabled_op_count)
            json_object_set_new(o, "disableOperations",
                                strs_json(t->disabled_ops, t->disabled_op_count));
    }
    if (t->kind == AMP_TYPE_ENUM)
        json_object_set_new(o, "values", strs_json(t->enum_values, t->enum_count));
    if (t->has_auth)
        json_object_set_new(o, "authorization", rules_json(c, t->rules, t->rule_count));
    if (op) {
        if (t->returns)
            json_object_set_new(o, "returns", field_json(c, t->returns));
        json_t *hs = json_array();
        for (size_t i = 0; i < t->handler_count; i++) {
            const amp_handler *h = &t->handlers[i];
            json_t *ho = json_pack("{s:s}", "kind", h->kind);
            if (h->function) {
                int r = amp_model_resource_of(c->m, h->function);
                if (r >= 0)
                    json_object_set_new(ho, "function", str_or_null(c->m->resources[r].name));
                else if (h->function->kind == AMP_VAL_STRING)
                    json_object_set_new(ho, "function", json_string(h->function->str));
            }
            if (h->async)
                json_object_set_new(ho, "async", json_true());
            if (h->entry.s)
                json_object_set_new(ho, "entry", json_string(h->entry.s));
            if (h->data_source.s)
                json_object_set_new(ho, "dataSource", json_string(h->data_source.s));
            json_array_append_new(hs, ho);
        }
        if (t->has_handler)
            json_object_set_new(o, "handlers", hs);
        else
            json_decref(hs);
        if (t->has_for)
            json_object_set_new(o, "for", strs_json(t->sources, t->source_count));
    }
    return o;
}

static const char *res_kind_name(amp_res_kind k)
{
    static const char *names[] = {"auth", "referenceAuth", "data", "storage", "function", "other"};
    return names[k];
}

static json_t *resources_json(const dump_ctx *c)
{
    json_t *a = json_array();
    for (size_t i = 0; i < c->m->resource_count; i++) {
        const amp_resource *r = &c->m->resources[i];
        json_t *o =
            json_pack("{s:s, s:s, s:o, s:o, s:o, s:o}", "kind", res_kind_name(r->kind), "define",
                      r->define, "name", str_or_null(r->name), "var", str_or_null(r->var),
                      "backendKey", str_or_null(r->backend_key), "at", loc_json(c, r->loc));
        /* The options as understood; a data resource's schema is dumped
         * structurally under "schemas" instead. */
        json_t *props = value_json(c, r->props, 0);
        if (r->kind == AMP_RES_DATA && json_is_object(props) && json_object_get(props, "schema"))
            json_object_set_new(props, "schema", json_string("(see schemas)"));
        json_object_set_new(o, "props", props);
        json_array_append_new(a, o);
    }
    return a;
}

/* The strings of an ARRAY value (unknown items as null). */
static json_t *string_items(const amp_value *v)
{
    json_t *a = json_array();
    for (size_t i = 0; v && v->kind == AMP_VAL_ARRAY && i < v->item_count; i++)
        json_array_append_new(a, v->items[i]->kind == AMP_VAL_STRING ? json_string(v->items[i]->str)
                                                                     : json_null());
    return a;
}

/* One storage access rule, e.g. allow.groups(['A']).to(['read']):
 * {"who": "groups", "groups": ["A"], "actions": ["read"]}. */
static json_t *storage_rule_json(const dump_ctx *c, const amp_value *v)
{
    if (v->kind != AMP_VAL_CALL || !v->str || strncmp(v->str, "$0.", 3) != 0)
        return json_pack("{s:b}", "unknown", 1);
    char who[64];
    snprintf(who, sizeof who, "%s", v->str + 3);
    const amp_value *actions = NULL;
    char *dot = strchr(who, '.');
    if (dot && strcmp(dot, ".to") == 0) { /* allow.guest.to([...]) */
        *dot = '\0';
        actions = v->item_count ? v->items[0] : NULL;
    }
    const amp_method *to = amp_value_method(v, "to");
    if (to && to->arg_count)
        actions = to->args[0];
    json_t *o = json_pack("{s:s, s:o}", "who", who, "actions", string_items(actions));
    if (!dot && v->item_count) {
        const amp_value *a0 = v->items[0];
        if (strcmp(who, "resource") == 0) {
            int r = amp_model_resource_of(c->m, a0);
            json_object_set_new(o, "resource",
                                r >= 0 ? str_or_null(c->m->resources[r].name) : json_null());
        } else if (a0->kind == AMP_VAL_ARRAY) {
            json_object_set_new(o, "groups", string_items(a0));
        } else if (a0->kind == AMP_VAL_STRING) {
            json_object_set_new(o, "argument", json_string(a0->str));
        }
    }
    return o;
}

/* Buckets: name, default flag and access paths with their rules. */
static json_t *storage_json(const dump_ctx *c)
{
    json_t *a = json_array();
    for (size_t i = 0; i < c->m->resource_count; i++) {
        const amp_resource *r = &c->m->resources[i];
        if (r->kind != AMP_RES_STORAGE)
            continue;
        const amp_prop *def = amp_value_prop(r->props, "isDefault");
        const amp_prop *access = amp_value_prop(r->props, "access");
        json_t *paths = json_object();
        const amp_value *body =
            access && access->value->kind == AMP_VAL_FUNCTION ? access->value->body : NULL;
        for (size_t p = 0; body && body->kind == AMP_VAL_OBJECT && p < body->prop_count; p++) {
            json_t *rules = json_array();
            const amp_value *list = body->props[p].value;
            for (size_t k = 0; list->kind == AMP_VAL_ARRAY && k < list->item_count; k++)
                json_array_append_new(rules, storage_rule_json(c, list->items[k]));
            json_object_set_new(paths, body->props[p].key, rules);
        }
        json_array_append_new(
            a, json_pack("{s:o, s:b, s:o}", "name", str_or_null(r->name), "isDefault",
                         def && def->value->kind == AMP_VAL_BOOL && def->value->b, "paths", paths));
    }
    return a;
}

/* The auth resource's groups and trigger names. */
static json_t *auth_json(const dump_ctx *c)
{
    for (size_t i = 0; i < c->m->resource_count; i++) {
        const amp_resource *r = &c->m->resources[i];
        if (r->kind != AMP_RES_AUTH)
            continue;
        const amp_prop *groups = amp_value_prop(r->props, "groups");
        const amp_prop *triggers = amp_value_prop(r->props, "triggers");
        json_t *t = json_object();
        for (size_t k = 0;
             triggers && triggers->value->kind == AMP_VAL_OBJECT && k < triggers->value->prop_count;
             k++) {
            int fn = amp_model_resource_of(c->m, triggers->value->props[k].value);
            json_object_set_new(t, triggers->value->props[k].key,
                                fn >= 0 ? str_or_null(c->m->resources[fn].name) : json_null());
        }
        return json_pack("{s:o, s:o}", "groups", string_items(groups ? groups->value : NULL),
                         "triggers", t);
    }
    return json_null();
}

json_t *amp_model_to_json(const amp_model *m, const amp_text *const *texts, const char *root)
{
    dump_ctx c = {m, texts, root};
    json_t *files = json_array();
    for (size_t i = 0; i < m->file_count; i++)
        json_array_append_new(files, json_string(rel_path(&c, m->files[i].path)));
    json_t *keys = json_array();
    for (size_t i = 0; i < m->key_count; i++) {
        const amp_backend_key *k = &m->keys[i];
        json_array_append_new(keys, json_pack("{s:s, s:o}", "name", k->name, "resource",
                                              k->resource >= 0
                                                  ? str_or_null(m->resources[k->resource].name)
                                                  : json_null()));
    }
    json_t *schemas = json_array();
    for (size_t s = 0; s < m->schema_count; s++) {
        const amp_schema *sc = &m->schemas[s];
        json_t *types = json_array();
        for (size_t t = 0; t < sc->type_count; t++)
            json_array_append_new(types, type_json(&c, &sc->types[t]));
        json_t *so = json_pack("{s:b, s:o, s:o}", "sql", sc->sql, "at", loc_json(&c, sc->loc),
                               "types", types);
        if (sc->combine >= 0)
            json_object_set_new(so, "combined", json_true());
        if (sc->has_auth)
            json_object_set_new(so, "authorization", rules_json(&c, sc->rules, sc->rule_count));
        json_array_append_new(schemas, so);
    }
    json_t *secrets = json_array();
    for (size_t i = 0; i < m->secret_count; i++)
        json_array_append_new(secrets, str_or_null(m->secrets[i].s));
    size_t functions = 0;
    for (size_t i = 0; i < m->resource_count; i++)
        functions += m->resources[i].kind == AMP_RES_FUNCTION;
    json_t *counts = json_pack("{s:I, s:I, s:I, s:I, s:I, s:I}", "models",
                               (json_int_t)amp_model_count_types(m, AMP_TYPE_MODEL), "enums",
                               (json_int_t)amp_model_count_types(m, AMP_TYPE_ENUM), "customTypes",
                               (json_int_t)amp_model_count_types(m, AMP_TYPE_CUSTOM), "queries",
                               (json_int_t)amp_model_count_types(m, AMP_TYPE_QUERY), "mutations",
                               (json_int_t)amp_model_count_types(m, AMP_TYPE_MUTATION), "functions",
                               (json_int_t)functions);
    return json_pack("{s:o, s:b, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "files", files,
                     "defineBackend", m->has_backend, "backendKeys", keys, "resources",
                     resources_json(&c), "auth", auth_json(&c), "storage", storage_json(&c),
                     "schemas", schemas, "secrets", secrets, "counts", counts);
}
