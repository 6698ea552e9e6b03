/*
 * model_schema.c: reading data schemas off evaluated values (see amp_model.h).
 *
 * A schema is `a.schema({...})` (with an optional schema-level
 * `.authorization`), `configure({ database }).schema({...})` for SQL
 * databases (plus `.addToSchema({...})` and `.authorization`), or each
 * member of `a.combine([...])`. Every key of the schema object becomes a
 * type; a key whose value is not understood becomes an UNKNOWN type, so that
 * names still resolve and no rule reports it as missing.
 */
#include "model_internal.h"

#include <string.h>

static const char *const scalar_builders[] = {
    "id",       "string",    "integer", "float", "boolean", "date", "time",
    "datetime", "timestamp", "email",   "json",  "phone",   "url",  "ipAddress",
};

static bool is_scalar_builder(const char *path, const char **name)
{
    if (strncmp(path, "a.", 2) != 0)
        return false;
    for (size_t i = 0; i < sizeof scalar_builders / sizeof scalar_builders[0]; i++)
        if (strcmp(path + 2, scalar_builders[i]) == 0) {
            *name = scalar_builders[i];
            return true;
        }
    return false;
}

/* Reads an array of string literals (or one string) into an arena array. */
static void read_strings(amp_builder *b, const amp_value *v, amp_str **out, size_t *count)
{
    *out = NULL;
    *count = 0;
    if (!v)
        return;
    if (v->kind == AMP_VAL_STRING) {
        amp_str *s = amp_push(b->a, (void **)out, count, sizeof *s);
        if (s)
            *s = amp_str_of(v);
        return;
    }
    if (v->kind != AMP_VAL_ARRAY)
        return;
    for (size_t i = 0; i < v->item_count; i++) {
        amp_str *s = amp_push(b->a, (void **)out, count, sizeof *s);
        if (!s)
            return;
        *s = amp_str_of(v->items[i]);
        if (!s->s)
            s->loc = v->items[i]->loc;
    }
}

static const amp_value *arg(const amp_value **args, size_t count, size_t i)
{
    return i < count ? args[i] : NULL;
}

/* ---- authorization rules ------------------------------------------------- */

/* Reads one rule from a CALL whose path is "$0.<strategy>". */
static void read_rule(amp_builder *b, const amp_value *v, amp_rule *r)
{
    r->call = v;
    r->loc = v->loc;
    const char *dot = strchr(v->str, '.');
    r->strategy = dot ? dot + 1 : v->str;
    r->strategy_loc = v->callee_loc;
    if (dot)
        r->strategy_loc.start = v->callee_loc.end - (uint32_t)strlen(dot + 1);
    const char *s = r->strategy;
    const amp_value *a0 = arg(v->items, v->item_count, 0), *a1 = arg(v->items, v->item_count, 1);
    if (strcmp(s, "authenticated") == 0 || strcmp(s, "owner") == 0 || strcmp(s, "custom") == 0) {
        r->provider = amp_str_of(a0);
    } else if (strcmp(s, "ownerDefinedIn") == 0 || strcmp(s, "ownersDefinedIn") == 0 ||
               strcmp(s, "groupDefinedIn") == 0 || strcmp(s, "groupsDefinedIn") == 0) {
        r->field = amp_str_of(a0);
        r->provider = amp_str_of(a1);
    } else if (strcmp(s, "group") == 0 || strcmp(s, "groups") == 0) {
        read_strings(b, a0, &r->groups, &r->group_count);
        r->provider = amp_str_of(a1);
    } else if (strcmp(s, "resource") == 0) {
        r->resource = a0;
    }
    const amp_method *to = amp_value_method(v, "to");
    if (to) {
        r->has_to = true;
        read_strings(b, arg(to->args, to->arg_count, 0), &r->operations, &r->operation_count);
    }
}

bool amp_rules_read(amp_builder *b, const amp_value *fn, amp_rule **out, size_t *count)
{
    *out = NULL;
    *count = 0;
    if (!fn || fn->kind != AMP_VAL_FUNCTION || !fn->body)
        return false;
    const amp_value *body = fn->body;
    const amp_value *const *items = &body;
    size_t n = 1;
    bool known = true;
    if (body->kind == AMP_VAL_ARRAY) {
        items = body->items;
        n = body->item_count;
        known = !body->open;
    }
    for (size_t i = 0; i < n; i++) {
        const amp_value *v = items[i];
        if (v->kind != AMP_VAL_CALL || !v->str || strncmp(v->str, "$0.", 3) != 0) {
            known = false;
            continue;
        }
        amp_rule *r = amp_push(b->a, (void **)out, count, sizeof *r);
        if (!r)
            return false;
        read_rule(b, v, r);
    }
    return known;
}

static void read_auth(amp_builder *b, const amp_value *v, amp_rule **rules, size_t *count,
                      bool *has, bool *known)
{
    const amp_method *m = amp_value_method(v, "authorization");
    if (!m)
        return;
    *has = true;
    *known = amp_rules_read(b, arg(m->args, m->arg_count, 0), rules, count);
}

/* ---- fields -------------------------------------------------------------- */

static void read_type_body(amp_builder *b, amp_type *t, const amp_value *fields);

/* Applies a field's modifier chain. */
static void read_modifiers(amp_builder *b, const amp_value *v, amp_field *f)
{
    for (size_t i = 0; i < v->method_count; i++) {
        const amp_method *m = &v->methods[i];
        if (strcmp(m->name, "required") == 0) {
            if (f->array)
                f->array_required = true;
            else
                f->required = true;
        } else if (strcmp(m->name, "array") == 0) {
            f->array = true;
        } else if (strcmp(m->name, "valueRequired") == 0) {
            f->value_required = true;
        } else if (strcmp(m->name, "default") == 0) {
            f->has_default = true;
            f->default_value = arg(m->args, m->arg_count, 0);
        } else if (strcmp(m->name, "authorization") == 0) {
            f->has_auth = true;
            f->rules_known =
                amp_rules_read(b, arg(m->args, m->arg_count, 0), &f->rules, &f->rule_count);
        }
    }
}

/* Reads one field value (also used for arguments and return types). */
static void read_field(amp_builder *b, const char *owner, amp_field *f, const amp_value *v)
{
    f->value = v;
    f->kind = AMP_FIELD_UNKNOWN;
    if (!v || v->kind != AMP_VAL_CALL || !v->str)
        return;
    const char *p = v->str;
    const amp_value *a0 = arg(v->items, v->item_count, 0);
    if (is_scalar_builder(p, &f->scalar)) {
        f->kind = AMP_FIELD_SCALAR;
    } else if (strcmp(p, "a.ref") == 0) {
        f->kind = AMP_FIELD_REF;
        f->target = amp_str_of(a0);
    } else if (strcmp(p, "a.enum") == 0) {
        f->kind = AMP_FIELD_ENUM;
        read_strings(b, a0, &f->enum_values, &f->enum_count);
    } else if (strcmp(p, "a.customType") == 0) {
        f->kind = AMP_FIELD_CUSTOM;
        f->inline_type = amp_arena_alloc(b->a, sizeof *f->inline_type);
        if (f->inline_type) {
            f->inline_type->kind = AMP_TYPE_CUSTOM;
            f->inline_type->name = owner;
            f->inline_type->value = v;
            f->inline_type->schema = -1;
            read_type_body(b, f->inline_type, a0);
        }
    } else if (strcmp(p, "a.hasMany") == 0 || strcmp(p, "a.hasOne") == 0 ||
               strcmp(p, "a.belongsTo") == 0) {
        f->kind = p[2] == 'b'   ? AMP_FIELD_BELONGS_TO
                  : p[5] == 'M' ? AMP_FIELD_HAS_MANY
                                : AMP_FIELD_HAS_ONE;
        f->target = amp_str_of(a0);
        const amp_value *refs = arg(v->items, v->item_count, 1);
        if (refs) {
            f->references_loc = refs->loc;
            read_strings(b, refs, &f->references, &f->reference_count);
        }
    } else {
        return;
    }
    read_modifiers(b, v, f);
}

/* Reads the fields object of a model, custom type or argument list. */
static void read_fields(amp_builder *b, const char *owner, const amp_value *obj, amp_field **out,
                        size_t *count)
{
    *out = NULL;
    *count = 0;
    if (!obj || obj->kind != AMP_VAL_OBJECT)
        return;
    for (size_t i = 0; i < obj->prop_count; i++) {
        amp_field *f = amp_push(b->a, (void **)out, count, sizeof *f);
        if (!f)
            return;
        f->name = obj->props[i].key;
        f->name_loc = obj->props[i].key_loc;
        read_field(b, owner, f, obj->props[i].value);
    }
}

static void read_type_body(amp_builder *b, amp_type *t, const amp_value *fields)
{
    read_fields(b, t->name, fields, &t->fields, &t->field_count);
    t->fields_open = !fields || fields->kind != AMP_VAL_OBJECT || fields->open;
}

/* ---- model modifiers ------------------------------------------------------ */

static void read_index(amp_builder *b, const amp_value *v, amp_index *ix)
{
    ix->loc = v->loc;
    ix->call = v;
    ix->pk = amp_str_of(arg(v->items, v->item_count, 0));
    for (size_t i = 0; i < v->method_count; i++) {
        const amp_method *m = &v->methods[i];
        const amp_value *a0 = arg(m->args, m->arg_count, 0);
        if (strcmp(m->name, "sortKeys") == 0)
            read_strings(b, a0, &ix->sort_keys, &ix->sort_key_count);
        else if (strcmp(m->name, "name") == 0)
            ix->name = amp_str_of(a0);
        else if (strcmp(m->name, "queryField") == 0) {
            ix->query_field = amp_str_of(a0);
            ix->query_field_null = a0 && a0->kind == AMP_VAL_NULL;
        }
    }
}

static void read_model(amp_builder *b, amp_type *t, const amp_value *v)
{
    read_type_body(b, t, arg(v->items, v->item_count, 0));
    read_auth(b, v, &t->rules, &t->rule_count, &t->has_auth, &t->rules_known);
    const amp_method *id = amp_value_method(v, "identifier");
    if (id) {
        t->has_identifier = true;
        read_strings(b, arg(id->args, id->arg_count, 0), &t->identifier, &t->identifier_count);
    }
    const amp_method *dis = amp_value_method(v, "disableOperations");
    if (dis)
        read_strings(b, arg(dis->args, dis->arg_count, 0), &t->disabled_ops, &t->disabled_op_count);
    const amp_method *six = amp_value_method(v, "secondaryIndexes");
    const amp_value *fn = six ? arg(six->args, six->arg_count, 0) : NULL;
    const amp_value *body = fn && fn->kind == AMP_VAL_FUNCTION ? fn->body : NULL;
    for (size_t i = 0; body && body->kind == AMP_VAL_ARRAY && i < body->item_count; i++) {
        const amp_value *ix = body->items[i];
        if (ix->kind != AMP_VAL_CALL || !ix->str || strcmp(ix->str, "$0") != 0)
            continue;
        amp_index *slot = amp_push(b->a, (void **)&t->indexes, &t->index_count, sizeof *slot);
        if (slot)
            read_index(b, ix, slot);
    }
}

/* ---- custom operations --------------------------------------------------- */

static void read_handler(const amp_value *v, amp_handler *h)
{
    h->call = v;
    h->loc = v->loc;
    if (v->kind != AMP_VAL_CALL || !v->str || strncmp(v->str, "a.handler.", 10) != 0) {
        h->kind = "unknown";
        return;
    }
    h->kind = v->str + 10;
    const amp_value *a0 = arg(v->items, v->item_count, 0);
    if (strcmp(h->kind, "function") == 0) {
        h->function = a0;
        h->async = amp_value_method(v, "async") != NULL;
    } else if (strcmp(h->kind, "custom") == 0) {
        const amp_prop *entry = amp_value_prop(a0, "entry");
        const amp_prop *ds = amp_value_prop(a0, "dataSource");
        if (entry)
            h->entry = amp_str_of(entry->value);
        if (ds && amp_value_is_call(ds->value, "a.ref"))
            h->data_source = amp_str_of(arg(ds->value->items, ds->value->item_count, 0));
        else if (ds)
            h->data_source = amp_str_of(ds->value);
    } else if (strcmp(h->kind, "sqlReference") == 0) {
        h->entry = amp_str_of(a0);
    }
}

static void read_operation(amp_builder *b, amp_type *t, const amp_value *v)
{
    read_auth(b, v, &t->rules, &t->rule_count, &t->has_auth, &t->rules_known);
    const amp_method *args = amp_value_method(v, "arguments");
    if (args)
        read_type_body(b, t, arg(args->args, args->arg_count, 0));
    const amp_method *ret = amp_value_method(v, "returns");
    if (ret) {
        t->returns = amp_arena_alloc(b->a, sizeof *t->returns);
        if (t->returns) {
            t->returns->name = "returns";
            t->returns->name_loc = ret->name_loc;
            read_field(b, t->name, t->returns, arg(ret->args, ret->arg_count, 0));
        }
    }
    const amp_method *h = amp_value_method(v, "handler");
    if (h) {
        t->has_handler = true;
        const amp_value *hv = arg(h->args, h->arg_count, 0);
        const amp_value *const *list = &hv;
        size_t n = hv ? 1 : 0;
        if (hv && hv->kind == AMP_VAL_ARRAY) {
            list = hv->items;
            n = hv->item_count;
        }
        for (size_t i = 0; i < n; i++) {
            amp_handler *slot =
                amp_push(b->a, (void **)&t->handlers, &t->handler_count, sizeof *slot);
            if (slot)
                read_handler(list[i], slot);
        }
    }
    const amp_method *f = amp_value_method(v, "for");
    if (f) {
        t->has_for = true;
        const amp_value *fv = arg(f->args, f->arg_count, 0);
        const amp_value *const *list = &fv;
        size_t n = fv ? 1 : 0;
        if (fv && fv->kind == AMP_VAL_ARRAY) {
            list = fv->items;
            n = fv->item_count;
        }
        for (size_t i = 0; i < n; i++) {
            amp_str *s = amp_push(b->a, (void **)&t->sources, &t->source_count, sizeof *s);
            if (!s)
                return;
            if (amp_value_is_call(list[i], "a.ref"))
                *s = amp_str_of(arg(list[i]->items, list[i]->item_count, 0));
            if (!s->s)
                s->loc = list[i]->loc;
        }
    }
}

/* ---- types and schemas ---------------------------------------------------- */

static amp_type_kind type_kind(const amp_value *v)
{
    static const struct {
        const char *path;
        amp_type_kind kind;
    } kinds[] = {
        {"a.model", AMP_TYPE_MODEL},
        {"a.customType", AMP_TYPE_CUSTOM},
        {"a.enum", AMP_TYPE_ENUM},
        {"a.query", AMP_TYPE_QUERY},
        {"a.mutation", AMP_TYPE_MUTATION},
        {"a.subscription", AMP_TYPE_SUBSCRIPTION},
        {"a.generation", AMP_TYPE_GENERATION},
        {"a.conversation", AMP_TYPE_CONVERSATION},
    };
    if (!v || v->kind != AMP_VAL_CALL || !v->str)
        return AMP_TYPE_UNKNOWN;
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(v->str, kinds[i].path) == 0)
            return kinds[i].kind;
    return AMP_TYPE_UNKNOWN;
}

static void read_type_of(amp_builder *b, amp_type *t, const amp_value *v);
static bool legacy_value(const amp_value *v);

/* Types an entry may have read again for another key: each stays in the
 * entry's arena until the entry goes. */
#define AMP_ENTRY_RETYPES 4

/* Reads the type of key p into t. With keep (an a.schema, whose types are
 * what their values say), a value whose entry has an arena of its own
 * gets its type read there once, and copied while the entry stands; read
 * again there when the entry comes to stand for another key (a text that
 * is in the schema many times, or a key renamed), a few times. */
static void read_type(amp_builder *b, amp_type *t, int schema_index, const amp_prop *p, bool keep)
{
    const amp_value *v = p->value;
    amp_entry *entry = keep && p->key ? amp_eval_entry_of(b, v) : NULL;
    if (entry && entry->type && strcmp(entry->type_name, p->key) == 0) {
        *t = *entry->type;
    } else if (entry && (!entry->type || entry->retypes < AMP_ENTRY_RETYPES)) {
        if (entry->type)
            entry->retypes++;
        amp_arena *home = b->a;
        b->a = &entry->own;
        /* The name in the entry's arena: inline custom types keep it. */
        t->name = amp_arena_strndup(b->a, p->key, strlen(p->key));
        if (t->name)
            read_type_of(b, t, v);
        amp_type *kept = t->name ? amp_arena_alloc(b->a, sizeof *kept) : NULL;
        if (kept) {
            *kept = *t;
            entry->type = kept;
            entry->type_name = t->name;
        }
        b->a = home;
        if (!t->name) {
            t->name = p->key;
            read_type_of(b, t, v);
        }
    } else { /* no entry, or one that has read its types often enough */
        t->name = p->key;
        read_type_of(b, t, v);
    }
    t->name = p->key;
    t->name_loc = p->key_loc;
    t->value = v;
    t->schema = schema_index;
}

/* Reads the type value v says into t. */
static void read_type_of(amp_builder *b, amp_type *t, const amp_value *v)
{
    t->value = v;
    t->schema = -1;
    t->kind = type_kind(v);
    switch (t->kind) {
    case AMP_TYPE_MODEL:
        read_model(b, t, v);
        break;
    case AMP_TYPE_CUSTOM:
        read_type_body(b, t, arg(v->items, v->item_count, 0));
        break;
    case AMP_TYPE_ENUM:
        read_strings(b, arg(v->items, v->item_count, 0), &t->enum_values, &t->enum_count);
        break;
    case AMP_TYPE_QUERY:
    case AMP_TYPE_MUTATION:
    case AMP_TYPE_SUBSCRIPTION:
    case AMP_TYPE_GENERATION:
        read_operation(b, t, v);
        break;
    case AMP_TYPE_CONVERSATION:
        read_auth(b, v, &t->rules, &t->rule_count, &t->has_auth, &t->rules_known);
        break;
    case AMP_TYPE_UNKNOWN:
        break;
    }
    t->legacy_form = legacy_value(v);
    for (size_t f = 0; f < t->field_count && !t->legacy_form; f++)
        t->legacy_form = legacy_value(t->fields[f].value);
}

/* Before prop i of a schema's object is read, fetches what read_type will
 * read of the next props' entries (see amp_fetch): where they are held
 * eight props ahead, the entry four ahead, its type two ahead. */
static void read_ahead(const amp_builder *b, const amp_value *obj, size_t i)
{
    const amp_prop *props = obj->props;
    if (i + 8 < obj->prop_count)
        amp_eval_fetch_entry_of(b, props[i + 8].value);
    const amp_entry *e = i + 4 < obj->prop_count ? amp_eval_entry_of(b, props[i + 4].value) : NULL;
    amp_fetch(e, sizeof *e);
    e = i + 2 < obj->prop_count ? amp_eval_entry_of(b, props[i + 2].value) : NULL;
    if (e) {
        amp_fetch(e->type, sizeof *e->type);
        amp_fetch(e->type_name, 1);
    }
}

static void read_types(amp_builder *b, amp_schema *s, int schema_index, const amp_value *obj,
                       bool keep)
{
    if (!obj || obj->kind != AMP_VAL_OBJECT || obj->open)
        s->open = true;
    if (!obj || obj->kind != AMP_VAL_OBJECT)
        return;
    bool reserved = false;
    if (s->type_count == 0 && obj->prop_count > 4) {
        /* All at once, in the capacity amp_push would have grown to. */
        size_t cap = 8;
        while (cap < obj->prop_count)
            cap *= 2;
        reserved = (s->types = amp_arena_alloc(b->a, cap * sizeof *s->types)) != NULL;
    }
    for (size_t i = 0; i < obj->prop_count; i++) {
        amp_type *t = reserved ? &s->types[s->type_count++]
                               : amp_push(b->a, (void **)&s->types, &s->type_count, sizeof *t);
        if (!t)
            return;
        if (keep)
            read_ahead(b, obj, i);
        read_type(b, t, schema_index, &obj->props[i], keep);
    }
}

/* The engine configure({ database: { engine } }) names, or NULL when not a
 * known string. */
static const char *engine_of(const amp_value *configure)
{
    const amp_prop *db =
        amp_value_prop(arg(configure->items, configure->item_count, 0), "database");
    const amp_prop *engine = db ? amp_value_prop(db->value, "engine") : NULL;
    return engine && engine->value->kind == AMP_VAL_STRING ? engine->value->str : NULL;
}

/* True when configure({ database: { engine } }) names a SQL engine. */
static bool is_sql_engine(const amp_value *configure)
{
    const amp_prop *db =
        amp_value_prop(arg(configure->items, configure->item_count, 0), "database");
    const amp_prop *engine = db ? amp_value_prop(db->value, "engine") : NULL;
    if (!engine)
        return true; /* a database without a known engine: assume SQL, the usual case */
    return engine->value->kind != AMP_VAL_STRING || strcmp(engine->value->str, "dynamodb") != 0;
}

static amp_type *type_named(amp_schema *s, const char *name)
{
    for (size_t i = 0; i < s->type_count; i++)
        if (s->types[i].name && strcmp(s->types[i].name, name) == 0)
            return &s->types[i];
    return NULL;
}

/* The items of a function's returned array (or its single returned value). */
static const amp_value *const *returned_items(const amp_value *fn, size_t *count)
{
    *count = 0;
    if (!fn || fn->kind != AMP_VAL_FUNCTION || !fn->body)
        return NULL;
    if (fn->body->kind == AMP_VAL_ARRAY) {
        *count = fn->body->item_count;
        return fn->body->items;
    }
    *count = 1;
    return &fn->body;
}

/* The model name in a "$0.<model>.<method>" path, copied into the arena. */
static const char *model_in_path(amp_builder *b, const char *path, const char *method)
{
    size_t n = strlen(path), m = strlen(method);
    if (strncmp(path, "$0.", 3) != 0 || n <= 3 + m + 1 || strcmp(path + n - m, method) != 0 ||
        path[n - m - 1] != '.')
        return NULL;
    return amp_arena_strndup(b->a, path + 3, n - m - 4);
}

/* SQL schemas: renameModels, setRelationships and setAuthorization. */
static void apply_sql_methods(amp_builder *b, amp_schema *s, const amp_value *v)
{
    for (size_t i = 0; i < v->method_count; i++) {
        const amp_method *m = &v->methods[i];
        size_t n = 0;
        const amp_value *const *items = returned_items(arg(m->args, m->arg_count, 0), &n);
        for (size_t j = 0; j < n; j++) {
            const amp_value *it = items[j];
            if (strcmp(m->name, "renameModels") == 0 && it->kind == AMP_VAL_ARRAY &&
                it->item_count == 2) {
                amp_str from = amp_str_of(it->items[0]), to = amp_str_of(it->items[1]);
                amp_type *t = from.s && to.s ? type_named(s, from.s) : NULL;
                if (t)
                    t->name = to.s;
            } else if (it->kind == AMP_VAL_CALL && it->str) {
                const char *name = model_in_path(
                    b, it->str,
                    strcmp(m->name, "setRelationships") == 0 ? "relationships" : "authorization");
                amp_type *t = name ? type_named(s, name) : NULL;
                if (t && strcmp(m->name, "setRelationships") == 0) {
                    amp_field *extra = NULL;
                    size_t extra_count = 0;
                    read_fields(b, t->name, arg(it->items, it->item_count, 0), &extra,
                                &extra_count);
                    for (size_t k = 0; k < extra_count; k++) {
                        amp_field *f =
                            amp_push(b->a, (void **)&t->fields, &t->field_count, sizeof *f);
                        if (f)
                            *f = extra[k];
                    }
                } else if (t && strcmp(m->name, "setAuthorization") == 0) {
                    t->has_auth = true;
                    t->rules_known = amp_rules_read(b, arg(it->items, it->item_count, 0), &t->rules,
                                                    &t->rule_count);
                } else if (strcmp(m->name, "setAuthorization") == 0 &&
                           strcmp(it->str, "$1.authorization") == 0) {
                    s->has_auth = true;
                    s->rules_known = amp_rules_read(b, arg(it->items, it->item_count, 0), &s->rules,
                                                    &s->rule_count);
                }
            }
        }
    }
}

/* True when v uses a form only data-schema 0.x accepts: a.manyToMany,
 * a.query().function(...), .authorization([...]) with an array. */
static bool legacy_value(const amp_value *v)
{
    if (!v || v->kind != AMP_VAL_CALL || !v->str)
        return false;
    if (strcmp(v->str, "a.manyToMany") == 0)
        return true;
    for (size_t i = 0; i < v->method_count; i++) {
        const amp_method *m = &v->methods[i];
        if (strcmp(m->name, "function") == 0 &&
            (strcmp(v->str, "a.query") == 0 || strcmp(v->str, "a.mutation") == 0))
            return true;
        if (strcmp(m->name, "authorization") == 0 && m->arg_count &&
            m->args[0]->kind == AMP_VAL_ARRAY)
            return true;
    }
    return false;
}

static bool legacy_schema(const amp_schema *s)
{
    if (legacy_value(s->value))
        return true;
    for (size_t i = 0; i < s->type_count; i++)
        if (s->types[i].legacy_form)
            return true;
    return false;
}

void amp_schema_interpret(amp_builder *b, const amp_value *v, int combine)
{
    amp_model *m = b->m;
    if (!v || v->kind != AMP_VAL_CALL || !v->str)
        return;
    bool is_schema = strcmp(v->str, "a.schema") == 0;
    const amp_method *sql_schema =
        strcmp(v->str, "configure") == 0 ? amp_value_method(v, "schema") : NULL;
    if (!is_schema && !sql_schema)
        return;
    for (size_t i = 0; i < m->schema_count; i++)
        if (m->schemas[i].value->callee_loc.file == v->callee_loc.file &&
            m->schemas[i].value->callee_loc.start == v->callee_loc.start)
            return; /* already read */
    amp_schema *s = amp_push(&m->arena, (void **)&m->schemas, &m->schema_count, sizeof *s);
    if (!s)
        return;
    int index = (int)m->schema_count - 1;
    /* Where the schema is written: the base call, also when another file
     * chained methods on it (v->loc is then that file's chain). */
    s->loc = v->loc.file == v->callee_loc.file ? v->loc : v->callee_loc;
    s->value = v;
    s->combine = combine;
    if (is_schema) {
        s->engine = "dynamodb";
        read_types(b, s, index, arg(v->items, v->item_count, 0), true);
    } else {
        s->sql = is_sql_engine(v);
        s->engine = engine_of(v);
        read_types(b, s, index, arg(sql_schema->args, sql_schema->arg_count, 0), false);
        for (size_t i = 0; i < v->method_count; i++)
            if (strcmp(v->methods[i].name, "addToSchema") == 0 ||
                strcmp(v->methods[i].name, "addQueries") == 0 ||
                strcmp(v->methods[i].name, "addMutations") == 0 ||
                strcmp(v->methods[i].name, "addSubscriptions") == 0)
                read_types(b, s, index, arg(v->methods[i].args, v->methods[i].arg_count, 0), false);
        apply_sql_methods(b, s, v);
    }
    read_auth(b, v, &s->rules, &s->rule_count, &s->has_auth, &s->rules_known);
    s->legacy_form = legacy_schema(s);
}
