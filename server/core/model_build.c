/*
 * model_build.c: building a backend's model (see amp_model.h): evaluate
 * every file, then read the resources, the defineBackend keys, the secrets
 * and the data schemas off the values.
 */
#include "model_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const amp_prop *amp_value_prop(const amp_value *v, const char *key)
{
    if (!v || v->kind != AMP_VAL_OBJECT)
        return NULL;
    for (size_t i = v->prop_count; i-- > 0;)
        if (v->props[i].key && strcmp(v->props[i].key, key) == 0)
            return &v->props[i];
    return NULL;
}

const amp_method *amp_value_method(const amp_value *v, const char *name)
{
    if (!v || v->kind != AMP_VAL_CALL)
        return NULL;
    for (size_t i = 0; i < v->method_count; i++)
        if (strcmp(v->methods[i].name, name) == 0)
            return &v->methods[i];
    return NULL;
}

bool amp_value_is_call(const amp_value *v, const char *path)
{
    return v && v->kind == AMP_VAL_CALL && v->str && strcmp(v->str, path) == 0;
}

amp_str amp_str_of(const amp_value *v)
{
    amp_str s = {0};
    if (v && v->kind == AMP_VAL_STRING) {
        s.s = v->str;
        s.loc = v->loc;
    }
    return s;
}

static bool same_call(const amp_value *a, const amp_value *b)
{
    return a && b && a->kind == AMP_VAL_CALL && b->kind == AMP_VAL_CALL &&
           a->callee_loc.file == b->callee_loc.file && a->callee_loc.start == b->callee_loc.start;
}

int amp_model_resource_of(const amp_model *m, const amp_value *v)
{
    for (size_t i = 0; i < m->resource_count; i++)
        if (same_call(m->resources[i].value, v))
            return (int)i;
    return -1;
}

const char *amp_model_binding_name(const amp_model *m, const amp_value *v)
{
    if (!v || v->binding < 0 || (size_t)v->binding >= m->binding_count)
        return NULL;
    return m->binding_names[v->binding];
}

int amp_model_file_index(const amp_model *m, const char *path)
{
    for (size_t i = 0; path && i < m->file_count; i++)
        if (strcmp(m->files[i].path, path) == 0)
            return (int)i;
    return -1;
}

size_t amp_model_count_types(const amp_model *m, amp_type_kind kind)
{
    size_t n = 0;
    for (size_t s = 0; s < m->schema_count; s++)
        for (size_t t = 0; t < m->schemas[s].type_count; t++)
            n += m->schemas[s].types[t].kind == kind;
    return n;
}

static amp_res_kind resource_kind(const char *define)
{
    if (strcmp(define, "defineAuth") == 0)
        return AMP_RES_AUTH;
    if (strcmp(define, "referenceAuth") == 0)
        return AMP_RES_REFERENCE_AUTH;
    if (strcmp(define, "defineData") == 0)
        return AMP_RES_DATA;
    if (strcmp(define, "defineStorage") == 0)
        return AMP_RES_STORAGE;
    if (strcmp(define, "defineFunction") == 0)
        return AMP_RES_FUNCTION;
    return AMP_RES_OTHER;
}

/* Registers every define* call (but defineBackend) and secret() root. */
static void read_resources(amp_builder *b)
{
    amp_model *m = b->m;
    for (size_t i = 0; i < b->root_count; i++) {
        const amp_value *v = b->roots[i];
        if (strcmp(v->str, "secret") == 0) {
            amp_str s = v->item_count ? amp_str_of(v->items[0]) : (amp_str){0};
            amp_str *slot =
                amp_push(&m->arena, (void **)&m->secrets, &m->secret_count, sizeof *slot);
            if (slot) {
                *slot = s;
                if (!s.s)
                    slot->loc = v->loc;
            }
            continue;
        }
        if (strncmp(v->str, "define", 6) != 0 && strcmp(v->str, "referenceAuth") != 0)
            continue;
        if (strcmp(v->str, "defineBackend") == 0) {
            amp_loc *call = amp_push(&m->arena, (void **)&m->backend_calls, &m->backend_call_count,
                                     sizeof *call);
            if (call)
                *call = v->callee_loc;
            if (!m->has_backend) {
                m->has_backend = true;
                m->backend_loc = v->loc;
            }
            continue;
        }
        amp_resource *r =
            amp_push(&m->arena, (void **)&m->resources, &m->resource_count, sizeof *r);
        if (!r)
            return;
        r->kind = resource_kind(v->str);
        r->define = v->str;
        r->loc = v->loc;
        r->value = v;
        r->props = v->item_count ? v->items[0] : NULL;
        r->var = amp_model_binding_name(m, v);
        const amp_prop *name = amp_value_prop(r->props, "name");
        r->name = name && name->value->kind == AMP_VAL_STRING ? name->value->str : r->var;
        r->schema = -1;
    }
}

/* Reads defineBackend({ key: resource, ... }). */
static void read_backend_keys(amp_builder *b)
{
    amp_model *m = b->m;
    for (size_t i = 0; i < b->root_count; i++) {
        const amp_value *v = b->roots[i];
        if (strcmp(v->str, "defineBackend") != 0 || v->loc.start != m->backend_loc.start ||
            v->loc.file != m->backend_loc.file)
            continue;
        const amp_value *obj = v->item_count ? v->items[0] : NULL;
        m->backend_arg = obj;
        for (size_t k = 0; obj && obj->kind == AMP_VAL_OBJECT && k < obj->prop_count; k++) {
            amp_backend_key *key =
                amp_push(&m->arena, (void **)&m->keys, &m->key_count, sizeof *key);
            if (!key)
                return;
            key->name = obj->props[k].key;
            key->loc = obj->props[k].key_loc;
            key->value = obj->props[k].value;
            key->resource = amp_model_resource_of(m, key->value);
            amp_resource *r = key->resource >= 0 ? &m->resources[key->resource] : NULL;
            if (r && !r->backend_key)
                r->backend_key = key->name;
            if (r && !r->name) /* e.g. an `export default defineAuth(...)` */
                r->name = key->name;
        }
    }
}

/* Interprets the schemas: those defineData names first, then any other
 * a.schema / a.combine / configure().schema root. */
static void read_schemas(amp_builder *b)
{
    amp_model *m = b->m;
    for (size_t i = 0; i < m->resource_count; i++) {
        amp_resource *r = &m->resources[i];
        if (r->kind != AMP_RES_DATA)
            continue;
        const amp_prop *schema = amp_value_prop(r->props, "schema");
        if (!schema)
            continue;
        size_t before = m->schema_count;
        if (amp_value_is_call(schema->value, "a.combine")) {
            const amp_value *list = schema->value->item_count ? schema->value->items[0] : NULL;
            for (size_t j = 0; list && list->kind == AMP_VAL_ARRAY && j < list->item_count; j++)
                amp_schema_interpret(b, list->items[j], (int)i);
        } else {
            amp_schema_interpret(b, schema->value, -1);
        }
        if (m->schema_count > before)
            r->schema = (int)before;
    }
    for (size_t i = 0; i < b->root_count; i++) {
        const amp_value *v = b->roots[i];
        if (strcmp(v->str, "a.schema") == 0 || strcmp(v->str, "configure") == 0)
            amp_schema_interpret(b, v, -1); /* ignores schemas already read */
    }
}

/* The key of a type in m->type_index: the lookup scope (the a.combine group
 * or the schema alone) and the name. False when it does not fit `key`. */
static bool type_key(char *key, size_t cap, const amp_model *m, int schema, const char *name)
{
    int group = m->schemas[schema].combine;
    int len = snprintf(key, cap, "%c%d:", group < 0 ? 's' : 'c', group < 0 ? schema : group);
    size_t n = strlen(name);
    if (len < 0 || (size_t)len + n + 1 > cap)
        return false;
    memcpy(key + len, name, n + 1);
    return true;
}

/* Indexes every type by scope and name; the first of a name wins, as a
 * search in schema order would find it. */
static void index_types(amp_model *m)
{
    char key[256];
    for (size_t s = 0; s < m->schema_count; s++)
        for (size_t t = 0; t < m->schemas[s].type_count; t++) {
            amp_type *type = &m->schemas[s].types[t];
            if (type->name && type_key(key, sizeof key, m, (int)s, type->name) &&
                !amp_strmap_get(&m->type_index, key))
                amp_strmap_put(&m->type_index, key, type, NULL);
        }
}

const amp_type *amp_model_find_type(const amp_model *m, int schema, const char *name)
{
    if (!name || schema < 0 || (size_t)schema >= m->schema_count)
        return NULL;
    char key[256];
    if (type_key(key, sizeof key, m, schema, name))
        return amp_strmap_get(&m->type_index, key);
    /* Names too long for a key are not indexed: search. */
    int group = m->schemas[schema].combine;
    for (size_t s = 0; s < m->schema_count; s++) {
        if ((int)s != schema && (group < 0 || m->schemas[s].combine != group))
            continue;
        for (size_t t = 0; t < m->schemas[s].type_count; t++)
            if (m->schemas[s].types[t].name && strcmp(m->schemas[s].types[t].name, name) == 0)
                return &m->schemas[s].types[t];
    }
    return NULL;
}

amp_model *amp_model_build(const amp_source *sources, size_t count)
{
    amp_model *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    amp_builder b;
    memset(&b, 0, sizeof b);
    b.m = m;
    b.a = &m->arena;
    b.file_count = count;
    b.files = calloc(count ? count : 1, sizeof *b.files);
    m->files = amp_arena_alloc(&m->arena, (count ? count : 1) * sizeof *m->files);
    if (!b.files || !m->files || amp_eval_init(&b) != 0) {
        free(b.node_class);
        free(b.files);
        amp_model_delete(m);
        return NULL;
    }
    m->file_count = count;
    for (size_t i = 0; i < count; i++) {
        b.files[i].path = amp_arena_strndup(&m->arena, sources[i].path, strlen(sources[i].path));
        b.files[i].doc = sources[i].doc;
        m->files[i].path = b.files[i].path;
    }
    amp_eval_index_files(&b);
    amp_eval_all(&b);
    read_resources(&b);
    read_backend_keys(&b);
    read_schemas(&b);
    amp_backend_script_read(m, sources, count);
    index_types(m);
    amp_eval_free_files(&b);
    amp_strmap_free(&b.memo);
    free(b.files);
    return m;
}

void amp_model_delete(amp_model *m)
{
    if (!m)
        return;
    amp_strmap_free(&m->type_index);
    amp_arena_free(&m->arena);
    free(m);
}
