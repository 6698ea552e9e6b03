/*
 * complete_model.c: completion items named by the backend's model (see
 * complete_internal.h): the types of the cursor's schema and of every
 * schema combined with it (a.combine, across files), the fields of the
 * current or related model, the groups of defineAuth, defineFunction
 * resources, and the resources a backend.ts imports.
 *
 * The model is built from the current text, which is often broken while it
 * is typed; when it lacks the type around the cursor, the names the scanner
 * read in the enclosing a.schema({ ... }) literal stand in.
 */
#include "complete_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the schema around the cursor ---------------------------------------- */

static int file_index(cx_scan *sc, const amp_model *m)
{
    return m ? amp_model_file_index(m, sc->env->path) : -1;
}

/* Marks in[] the schemas the cursor's file can name: the one containing the
 * cursor and those combined with it; all of them when none contains it. */
static bool *schema_set(cx_scan *sc, const amp_model *m)
{
    bool *in = amp_arena_alloc(sc->arena, (m->schema_count ? m->schema_count : 1) * sizeof *in);
    if (!in) {
        sc->oom = true;
        return NULL;
    }
    int fi = file_index(sc, m), found = -1;
    for (size_t i = 0; i < m->schema_count && found < 0; i++) {
        amp_loc l = m->schemas[i].loc;
        if ((int)l.file == fi && l.start <= sc->offset && sc->offset <= l.end)
            found = (int)i;
    }
    for (size_t i = 0; i < m->schema_count && found < 0; i++)
        for (size_t t = 0; t < m->schemas[i].type_count && found < 0; t++)
            if ((int)m->schemas[i].types[t].name_loc.file == fi)
                found = (int)i;
    for (size_t i = 0; i < m->schema_count; i++) {
        int group = found >= 0 ? m->schemas[found].combine : -1;
        in[i] = found < 0 || (int)i == found || (group >= 0 && m->schemas[i].combine == group);
    }
    return in;
}

/* The type named name in the schemas marked in in[], or NULL. */
static const amp_type *find_type(const amp_model *m, const bool *in, const char *name)
{
    for (size_t s = 0; m && in && s < m->schema_count; s++)
        for (size_t t = 0; in[s] && t < m->schemas[s].type_count; t++)
            if (m->schemas[s].types[t].name && strcmp(m->schemas[s].types[t].name, name) == 0)
                return &m->schemas[s].types[t];
    return NULL;
}

/* True when object frame o is the types object of a schema. */
static bool is_schema_object(cx_scan *sc, cx_frame *o)
{
    if (o->open != '{' || o->block)
        return false;
    cx_slot s = cx_frame_slot(sc, o);
    if (!s.known || !s.owner)
        return false;
    const char *id = amp_cat_id(s.owner);
    return strcmp(id, "a.schema") == 0 || strcmp(id, "ConfiguredSchema.schema") == 0 ||
           strncmp(id, "SqlSchema.add", 13) == 0;
}

/* The schema types object around f; *member receives the frame opened as
 * the value of the key holding the cursor. */
static cx_frame *schema_object(cx_scan *sc, cx_frame *f, cx_frame **member)
{
    for (cx_frame *g = f; g && g->parent; g = g->parent)
        if (g->open_in_value && is_schema_object(sc, g->parent)) {
            *member = g;
            return g->parent;
        }
    return NULL;
}

/* The innermost type of the model whose definition (its builder chain)
 * holds the cursor, or NULL. Finds models defined away from their schema
 * (`export const Post = a.model(...)` spread or imported into it). */
static const amp_type *type_at_cursor(cx_scan *sc, const amp_model *m)
{
    int fi = file_index(sc, m);
    const amp_type *best = NULL;
    for (size_t s = 0; fi >= 0 && s < m->schema_count; s++)
        for (size_t t = 0; t < m->schemas[s].type_count; t++) {
            const amp_type *ty = &m->schemas[s].types[t];
            const amp_value *v = ty->value;
            if (!v || (int)v->loc.file != fi || v->loc.start > sc->offset ||
                sc->offset > v->loc.end)
                continue;
            if (!best || v->loc.end - v->loc.start < best->value->loc.end - best->value->loc.start)
                best = ty;
        }
    return best;
}

/* The name of the schema type whose definition holds f, or NULL: from the
 * model, else from the schema literal around f. */
static const char *current_type_name(cx_scan *sc, cx_frame *f)
{
    const amp_model *m = cx_model(sc);
    const amp_type *t = m ? type_at_cursor(sc, m) : NULL;
    if (t && t->name)
        return t->name;
    cx_frame *member = NULL;
    if (!schema_object(sc, f, &member))
        return NULL;
    return cx_str(sc, member->open_key_start, member->open_key_end);
}

/* ---- fields -------------------------------------------------------------- */

typedef struct cx_field {
    const char *name;
    const char *scalar; /* a.<scalar> builder name, or NULL */
    amp_field_kind kind;
    bool required;
    const char *target; /* REF: the named type */
} cx_field;

typedef struct cx_fields {
    cx_field *items;
    uint32_t count, cap;
} cx_fields;

/* Appends a copy of f to out. */
static void add_field(cx_scan *sc, cx_fields *out, const cx_field *f)
{
    cx_field *slot = cx_push(sc, (void **)&out->items, &out->count, &out->cap, sizeof *slot);
    if (slot)
        *slot = *f;
}

/* The fields of a model type. */
static void model_fields(cx_scan *sc, const amp_type *t, cx_fields *out)
{
    for (size_t i = 0; i < t->field_count; i++) {
        const amp_field *mf = &t->fields[i];
        cx_field f = {mf->name, mf->scalar, mf->kind, mf->required, mf->target.s};
        if (f.name)
            add_field(sc, out, &f);
    }
}

/* The fields object literal of the type defined by value frame v. */
static cx_frame *fields_frame(cx_frame *v)
{
    if (!v || v->open != '(' || !v->first_child)
        return NULL;
    cx_frame *o = v->first_child;
    return o->open == '{' && !o->block ? o : NULL;
}

/* The field kind a builder function makes; *scalar gets the scalar's name. */
static amp_field_kind builder_kind(const amp_cat_entry *root, const char **scalar)
{
    const char *name = root ? amp_cat_name(root) : "";
    const char *attr = amp_cat_attr(root, "scalar");
    *scalar = NULL;
    if (attr && strcmp(attr, "true") == 0) {
        *scalar = name;
        return AMP_FIELD_SCALAR;
    }
    if (strcmp(name, "ref") == 0)
        return AMP_FIELD_REF;
    if (strcmp(name, "enum") == 0)
        return AMP_FIELD_ENUM;
    if (strcmp(name, "hasMany") == 0)
        return AMP_FIELD_HAS_MANY;
    if (strcmp(name, "hasOne") == 0)
        return AMP_FIELD_HAS_ONE;
    if (strcmp(name, "belongsTo") == 0)
        return AMP_FIELD_BELONGS_TO;
    return AMP_FIELD_UNKNOWN;
}

/* Fields of the members of a fields object literal, typed by their builders. */
static void text_fields(cx_scan *sc, cx_frame *o, cx_fields *out)
{
    for (uint32_t i = 0; o && i < o->member_count; i++) {
        const cx_member *mb = &o->members[i];
        cx_type t = cx_resolve(sc, o, &mb->value);
        cx_field f = {0};
        f.name = cx_str(sc, mb->key_start, mb->key_end);
        f.kind = builder_kind(t.root, &f.scalar);
        for (size_t r = 0; r < t.removed_count; r++)
            f.required |= strcmp(t.removed[r], "required") == 0;
        add_field(sc, out, &f);
    }
}

/* The member defining type `name` in the schema literals of the file (a
 * whole-text scan, so types after the cursor count), or NULL. */
static const cx_member *text_type(cx_scan *full, const char *name)
{
    for (uint32_t i = 0; full && i < full->schema_count; i++) {
        const cx_frame *o = full->schemas[i];
        for (uint32_t k = 0; k < o->member_count; k++)
            if (cx_text_is(full, o->members[k].key_start, o->members[k].key_end, name))
                return &o->members[k];
    }
    return NULL;
}

/* The fields of type `name`: from the model, else from the file's text. */
static void fields_of(cx_scan *sc, const char *name, cx_fields *out)
{
    const amp_model *m = cx_model(sc);
    const bool *in = m ? schema_set(sc, m) : NULL;
    const amp_type *t = name ? find_type(m, in, name) : NULL;
    if (t) {
        model_fields(sc, t, out);
        return;
    }
    cx_scan *full = name ? cx_scan_full(sc) : NULL;
    const cx_member *mb = text_type(full, name);
    if (mb)
        text_fields(full, fields_frame(mb->value_frame), out);
}

/* The catalogue attr of the scalar builder a.<scalar>. */
static bool scalar_attr(const char *scalar, const char *attr)
{
    char id[64];
    if (!scalar)
        return false;
    snprintf(id, sizeof id, "a.%s", scalar);
    const char *v = amp_cat_attr(amp_catalog_find(id), attr);
    return v && strcmp(v, "true") == 0;
}

/* Offers field fd unless frame f lists it already. */
static void field_item(cx_items *it, cx_frame *f, const cx_field *fd, int rank)
{
    if (cx_frame_lists(it->sc, f, fd->name))
        return;
    amp_citem *item = cx_value_item(it, fd->name, AMP_CI_FIELD, rank);
    if (!item)
        return;
    char detail[128];
    snprintf(detail, sizeof detail, "%s%s%s", fd->scalar ? "a." : "",
             fd->scalar                  ? fd->scalar
             : fd->kind == AMP_FIELD_REF ? "a.ref"
                                         : "field",
             fd->scalar ? (fd->required ? "().required()" : "()") : "");
    item->detail = amp_arena_strndup(&it->out->arena, detail, strlen(detail));
}

/* Whether a field may key an index: an eligible scalar, an enum, or a ref
 * to an enum. */
static bool index_eligible(cx_scan *sc, const cx_field *fd)
{
    if (fd->kind == AMP_FIELD_SCALAR)
        return scalar_attr(fd->scalar, "index_eligible");
    if (fd->kind == AMP_FIELD_ENUM)
        return true;
    if (fd->kind == AMP_FIELD_REF && fd->target) {
        const amp_model *m = cx_model(sc);
        const amp_type *t = m ? find_type(m, schema_set(sc, m), fd->target) : NULL;
        return t && t->kind == AMP_TYPE_ENUM;
    }
    return false;
}

/* The partition key of the index(...) that .sortKeys is chained on. */
static const char *partition_key(cx_scan *sc, cx_frame *f)
{
    cx_frame *call = f->open == '[' ? f->parent : f;
    for (uint32_t i = 0; call && call->open == '(' && i < call->callee.len; i++) {
        const cx_seg *seg = &call->callee.segs[i];
        if (seg->kind == CX_SEG_CALL && seg->args && seg->args->string_count)
            return cx_str(sc, seg->args->strings[0].start, seg->args->strings[0].end);
    }
    return NULL;
}

/* The fields of the current model that may be identifier, index or sort keys. */
static void key_field_items(cx_items *it, cx_special sp, cx_frame *f)
{
    cx_scan *sc = it->sc;
    cx_fields fields = {0};
    fields_of(sc, current_type_name(sc, f), &fields);
    const char *pk = sp == CX_SP_SORT_KEYS ? partition_key(sc, f) : NULL;
    bool has_id = false;
    for (uint32_t i = 0; i < fields.count; i++) {
        const cx_field *fd = &fields.items[i];
        has_id |= strcmp(fd->name, "id") == 0;
        if (pk && strcmp(pk, fd->name) == 0)
            continue;
        if (sp == CX_SP_ID_FIELDS && fd->kind == AMP_FIELD_SCALAR &&
            scalar_attr(fd->scalar, "identifier_eligible"))
            field_item(it, f, fd, fd->required ? 0 : 1);
        else if (sp != CX_SP_ID_FIELDS && index_eligible(sc, fd))
            field_item(it, f, fd, 0);
    }
    if (sp == CX_SP_ID_FIELDS && !has_id) {
        cx_field id = {"id", "id", AMP_FIELD_SCALAR, true, NULL};
        field_item(it, f, &id, 2);
    }
}

/* ---- relationships ------------------------------------------------------- */

/* The related model named by the relationship call around f. */
static const char *related_model(cx_scan *sc, cx_frame *f)
{
    cx_frame *call = f->open == '[' ? f->parent : f;
    for (uint32_t i = 0; call && i < call->string_count; i++)
        if (call->strings[i].arg == 0)
            return cx_str(sc, call->strings[i].start, call->strings[i].end);
    return NULL;
}

/* The scalar of identifier field i of a type (the implicit id when it
 * declares none), or NULL. */
static const char *identifier_scalar(cx_scan *sc, const char *type_name, uint32_t i)
{
    const amp_model *m = cx_model(sc);
    const amp_type *t = m && type_name ? find_type(m, schema_set(sc, m), type_name) : NULL;
    if (!t)
        return NULL;
    const char *name = t->has_identifier ? (i < t->identifier_count ? t->identifier[i].s : NULL)
                                         : (i == 0 ? "id" : NULL);
    if (!name)
        return NULL;
    cx_fields fields = {0};
    fields_of(sc, type_name, &fields);
    for (uint32_t k = 0; k < fields.count; k++)
        if (strcmp(fields.items[k].name, name) == 0)
            return fields.items[k].scalar;
    return strcmp(name, "id") == 0 ? "id" : NULL;
}

/* Scalars that may reference each other: the same, or ID and String. */
static bool compatible(const char *a, const char *b)
{
    bool sa = strcmp(a, "id") == 0 || strcmp(a, "string") == 0;
    bool sb = strcmp(b, "id") == 0 || strcmp(b, "string") == 0;
    return (sa && sb) || strcmp(a, b) == 0;
}

/* hasMany/hasOne name fields of the related model, belongsTo fields of its
 * own model; they must match the parent's identifier field by field. */
static void reference_items(cx_items *it, const cx_slot *slot, cx_frame *f)
{
    cx_scan *sc = it->sc;
    const char *self = current_type_name(sc, f);
    const char *related = related_model(sc, f);
    if (!related)
        return;
    bool belongs = strcmp(amp_cat_id(slot->owner), "a.belongsTo") == 0;
    const char *holder = belongs ? self : related, *parent = belongs ? related : self;
    uint32_t index = f->open == '[' ? sc->at.arg : 0;
    const char *want = identifier_scalar(sc, parent, index);
    cx_fields fields = {0};
    fields_of(sc, holder, &fields);
    for (uint32_t i = 0; i < fields.count; i++) {
        const cx_field *fd = &fields.items[i];
        if (fd->kind != AMP_FIELD_SCALAR || !fd->scalar || (want && !compatible(fd->scalar, want)))
            continue;
        field_item(it, f, fd, 0);
    }
}

/* ---- types of the schema ------------------------------------------------- */

enum {
    TM_MODEL = 1,
    TM_CUSTOM = 2,
    TM_ENUM = 4,
    TM_QUERY = 8,
    TM_MUTATION = 16,
    TM_SUBSCRIPTION = 32,
};

/* The TM_ bit of a model type kind. */
static unsigned type_bit(amp_type_kind k)
{
    switch (k) {
    case AMP_TYPE_MODEL:
        return TM_MODEL;
    case AMP_TYPE_CUSTOM:
        return TM_CUSTOM;
    case AMP_TYPE_ENUM:
        return TM_ENUM;
    case AMP_TYPE_QUERY:
    case AMP_TYPE_GENERATION:
        return TM_QUERY;
    case AMP_TYPE_MUTATION:
        return TM_MUTATION;
    case AMP_TYPE_SUBSCRIPTION:
        return TM_SUBSCRIPTION;
    default:
        return 0;
    }
}

/* The TM_ bit of the builder that defines a type (a.model ...), 0 for others. */
static unsigned builder_bit(const amp_cat_entry *root)
{
    static const struct {
        const char *id;
        unsigned bit;
    } map[] = {{"a.model", TM_MODEL},
               {"a.customType", TM_CUSTOM},
               {"a.enum", TM_ENUM},
               {"a.query", TM_QUERY},
               {"a.generation", TM_QUERY},
               {"a.mutation", TM_MUTATION},
               {"a.subscription", TM_SUBSCRIPTION}};
    for (size_t i = 0; root && i < sizeof map / sizeof map[0]; i++)
        if (strcmp(amp_cat_id(root), map[i].id) == 0)
            return map[i].bit;
    return 0;
}

/* The item kind of a TM_ bit. */
static amp_citem_kind type_item_kind(unsigned bit)
{
    return bit == TM_MODEL    ? AMP_CI_MODEL
           : bit == TM_ENUM   ? AMP_CI_ENUM
           : bit == TM_CUSTOM ? AMP_CI_TYPE
                              : AMP_CI_OPERATION;
}

/* The word naming a TM_ bit in details. */
static const char *type_word(unsigned bit)
{
    return bit == TM_MODEL          ? "model"
           : bit == TM_ENUM         ? "enum"
           : bit == TM_CUSTOM       ? "custom type"
           : bit == TM_MUTATION     ? "mutation"
           : bit == TM_SUBSCRIPTION ? "subscription"
                                    : "query";
}

/* The tail of a file key from its amplify/ folder on ("amplify/data/x.ts"). */
static const char *short_path(const char *path)
{
    const char *p = path ? strstr(path, "/amplify/") : NULL;
    const char *slash = path ? strrchr(path, '/') : NULL;
    return p ? p + 1 : slash ? slash + 1 : path ? path : "";
}

/* A markdown line per field of a model or custom type, values of an enum. */
static char *type_doc(const amp_model *m, const amp_type *t)
{
    cx_buf b = {0};
    cx_buf_printf(&b, "**%s** (%s", t->name, type_word(type_bit(t->kind)));
    if (t->name_loc.file < m->file_count)
        cx_buf_printf(&b, ", `%s`", short_path(m->files[t->name_loc.file].path));
    cx_buf_add(&b, ")\n\n");
    for (size_t i = 0; i < t->field_count && i < 40; i++) {
        const amp_field *f = &t->fields[i];
        const char *what = f->scalar ? f->scalar : f->target.s ? f->target.s : "";
        cx_buf_printf(&b, "- `%s`%s%s%s\n", f->name ? f->name : "?", *what ? ": " : "", what,
                      f->required ? " (required)" : "");
    }
    if (t->field_count > 40)
        cx_buf_printf(&b, "- … %zu more\n", t->field_count - 40);
    for (size_t i = 0; i < t->enum_count && i < 40; i++)
        cx_buf_printf(&b, "%s`%s`", i ? ", " : "", t->enum_values[i].s ? t->enum_values[i].s : "?");
    return cx_buf_take(&b);
}

char *amp_type_markdown(const amp_model *m, const char *path, const char *name)
{
    if (!m || !name)
        return NULL;
    int fi = path ? amp_model_file_index(m, path) : -1;
    const amp_type *found = NULL;
    for (size_t s = 0; s < m->schema_count; s++)
        for (size_t t = 0; t < m->schemas[s].type_count; t++) {
            const amp_type *ty = &m->schemas[s].types[t];
            if (!ty->name || strcmp(ty->name, name) != 0)
                continue;
            if (!found || (int)m->schemas[s].loc.file == fi)
                found = ty;
        }
    return found ? type_doc(m, found) : NULL;
}

/* Offers type `name` (t: the model's type when known, for its detail and resolve). */
static void type_item(cx_items *it, cx_frame *f, const char *name, unsigned bit, const amp_type *t)
{
    cx_scan *sc = it->sc;
    if (!name || cx_frame_lists(sc, f, name))
        return;
    amp_citem *item = cx_value_item(it, name, type_item_kind(bit), bit == TM_MODEL ? 0 : 1);
    if (!item)
        return;
    const amp_model *m = sc->model;
    item->detail = type_word(bit);
    if (t && m && t->name_loc.file < m->file_count) {
        /* "<kind> · <path>", written into the arena directly (one per type). */
        const char *word = type_word(bit), *path = short_path(m->files[t->name_loc.file].path);
        size_t wn = strlen(word), pn = strlen(path);
        char *d = amp_arena_alloc(&it->out->arena, wn + pn + sizeof " \xc2\xb7 ");
        if (d) {
            memcpy(d, word, wn);
            memcpy(d + wn, " \xc2\xb7 ", 4);
            memcpy(d + wn + 4, path, pn + 1);
            item->detail = d;
        }
        item->resolve_type = item->label;
    }
}

/* The types of the cursor's schema group whose kind is in mask; the names
 * the schema literal around f defines fill in what the model lacks. */
static void type_items(cx_items *it, cx_frame *f, unsigned mask)
{
    cx_scan *sc = it->sc;
    const amp_model *m = cx_model(sc);
    const bool *in = m ? schema_set(sc, m) : NULL;
    for (size_t s = 0; in && s < m->schema_count; s++)
        for (size_t t = 0; in[s] && t < m->schemas[s].type_count; t++) {
            const amp_type *ty = &m->schemas[s].types[t];
            if (type_bit(ty->kind) & mask)
                type_item(it, f, ty->name, type_bit(ty->kind), ty);
        }
    /* The model is complete enough when it knows the type around the cursor
     * (or, away from any type, has a schema): no text scan then. */
    const char *self = current_type_name(sc, f);
    if (in && (self ? find_type(m, in, self) != NULL : m->schema_count > 0))
        return;
    cx_scan *full = cx_scan_full(sc);
    for (uint32_t s = 0; full && s < full->schema_count; s++) {
        cx_frame *o = full->schemas[s];
        for (uint32_t i = 0; i < o->member_count; i++) {
            cx_type t = cx_resolve(full, o, &o->members[i].value);
            unsigned bit = builder_bit(t.root);
            const char *name = cx_str(full, o->members[i].key_start, o->members[i].key_end);
            if ((bit & mask) && !cx_has_item(it, name))
                type_item(it, f, name, bit, NULL);
        }
    }
}

/* What a.ref may name where it is: enums and custom types in fields and
 * arguments, also models as a return type or data source, models and
 * mutations as a subscription source. */
static unsigned ref_mask(cx_scan *sc, cx_frame *f)
{
    for (cx_frame *g = f->parent; g; g = g->parent) {
        const amp_cat_entry *e = cx_callee(sc, g, NULL);
        if (!e)
            continue;
        const char *id = amp_cat_id(e), *name = amp_cat_name(e);
        if (strcmp(id, "CustomSubscription.for") == 0)
            return TM_MODEL | TM_MUTATION;
        if (strcmp(name, "returns") == 0)
            return TM_MODEL | TM_CUSTOM | TM_ENUM;
        if (strcmp(name, "arguments") == 0 || strcmp(id, "a.model") == 0 ||
            strcmp(id, "a.customType") == 0)
            return TM_CUSTOM | TM_ENUM;
        if (strcmp(id, "a.handler.custom") == 0)
            return TM_MODEL;
    }
    return TM_MODEL | TM_CUSTOM | TM_ENUM;
}

/* ---- groups, functions, resources ---------------------------------------- */

static void group_items(cx_items *it, cx_frame *f)
{
    const amp_model *m = cx_model(it->sc);
    for (size_t i = 0; m && i < m->resource_count; i++) {
        const amp_resource *r = &m->resources[i];
        const amp_prop *groups = amp_value_prop(r->props, "groups");
        const amp_value *v = groups ? groups->value : NULL;
        for (size_t k = 0; v && v->kind == AMP_VAL_ARRAY && k < v->item_count; k++)
            if (v->items[k]->kind == AMP_VAL_STRING &&
                !cx_frame_lists(it->sc, f, v->items[k]->str)) {
                amp_citem *item = cx_value_item(it, v->items[k]->str, AMP_CI_GROUP, 0);
                if (item)
                    item->detail = "group of defineAuth";
            }
        for (size_t k = 0; v && v->kind == AMP_VAL_OBJECT && k < v->prop_count; k++)
            if (v->props[k].key && !cx_frame_lists(it->sc, f, v->props[k].key)) {
                amp_citem *item = cx_value_item(it, v->props[k].key, AMP_CI_GROUP, 0);
                if (item)
                    item->detail = "group of referenceAuth";
            }
    }
}

/* The directory part of path (without the slash), as an arena string. */
static const char *dir_of(cx_scan *sc, const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? amp_arena_strndup(sc->arena, path, (size_t)(slash - path)) : "";
}

/* Normalises dir + "/" + rel ("." and ".." segments) into out. */
static void join_path(const char *dir, const char *rel, char *out, size_t cap)
{
    char tmp[1024];
    snprintf(tmp, sizeof tmp, "%s/%s", dir, rel);
    size_t seg_start[128], depth = 0, n = 0;
    out[0] = '\0';
    for (char *p = tmp, *save = NULL;; p = NULL) {
        char *seg = strtok_r(p, "/", &save);
        if (!seg)
            break;
        if (strcmp(seg, ".") == 0)
            continue;
        if (strcmp(seg, "..") == 0) {
            if (depth > 0)
                n = seg_start[--depth];
            out[n] = '\0';
            continue;
        }
        if (depth < 128)
            seg_start[depth++] = n;
        n += (size_t)snprintf(out + n, n < cap ? cap - n : 0, "/%s", seg);
        if (n >= cap)
            n = cap - 1;
    }
}

/* True when module (relative to the file) names the model file path. */
static bool module_names(cx_scan *sc, const char *module, const char *path)
{
    if (module[0] != '.' || !sc->env->path)
        return false;
    char base[1024];
    join_path(dir_of(sc, sc->env->path), module, base, sizeof base);
    size_t n = strlen(base);
    if (n > 3 && (strcmp(base + n - 3, ".js") == 0 || strcmp(base + n - 3, ".ts") == 0))
        base[n -= 3] = '\0';
    static const char *const ext[] = {".ts", ".tsx", ".mts", ".js", "/index.ts", ""};
    size_t pn = strlen(path);
    for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
        size_t en = strlen(ext[i]);
        if (pn == n + en && strncmp(path, base, n) == 0 && strcmp(path + n, ext[i]) == 0)
            return true;
    }
    return false;
}

/* The local name under which the file imports resource r, or NULL. */
static const char *imported_as(cx_scan *sc, const amp_model *m, const amp_resource *r)
{
    const char *path = r->loc.file < m->file_count ? m->files[r->loc.file].path : "";
    for (uint32_t i = 0; i < sc->import_count; i++) {
        const cx_import *im = &sc->imports[i];
        if (im->amplify || !cx_text_is(sc, im->name_start, im->name_end, r->var))
            continue;
        const char *module = cx_str(sc, im->module_start, im->module_end);
        if (module_names(sc, module, path) || !strchr(module, '/'))
            return cx_str(sc, im->local_start, im->local_end);
    }
    return NULL;
}

/* The relative module path from the cursor's file to path (no extension). */
static const char *relative_module(cx_scan *sc, const char *path)
{
    const char *from = sc->env->path;
    size_t common = 0;
    for (size_t i = 0; from[i] && from[i] == path[i]; i++)
        if (from[i] == '/')
            common = i + 1;
    cx_buf b = {0};
    for (const char *p = from + common; *p; p++)
        if (*p == '/')
            cx_buf_add(&b, "../");
    if (b.len == 0)
        cx_buf_add(&b, "./");
    const char *rest = path + common;
    const char *dot = strrchr(rest, '.');
    cx_buf_addn(&b, rest, dot && !strchr(dot, '/') ? (size_t)(dot - rest) : strlen(rest));
    char *s = cx_buf_take(&b);
    const char *copy = s ? amp_arena_strndup(sc->arena, s, strlen(s)) : "";
    free(s);
    return copy;
}

/* Offers resource r under the name the file knows it by; one the file
 * neither defines nor imports comes last, with the import to add. */
static void resource_item(cx_items *it, const amp_model *m, const amp_resource *r)
{
    cx_scan *sc = it->sc;
    const char *local = (int)r->loc.file == file_index(sc, m) ? r->var : imported_as(sc, m, r);
    const char *label = local ? local : r->var;
    if (cx_has_item(it, label))
        return;
    amp_citem *item = cx_item(it, label, AMP_CI_RESOURCE, local ? 0 : 2);
    if (!item)
        return;
    const char *path = r->loc.file < m->file_count ? m->files[r->loc.file].path : "";
    cx_buf b = {0};
    cx_buf_printf(&b, "%s%s%s%s", r->define, r->name ? " '" : "", r->name ? r->name : "",
                  r->name ? "'" : "");
    char *d = cx_buf_take(&b);
    item->detail = d ? amp_arena_strndup(&it->out->arena, d, strlen(d)) : r->define;
    free(d);
    cx_buf_printf(&b, "`%s(...)` bound to `%s`, in `%s`.", r->define, r->var, short_path(path));
    d = cx_buf_take(&b);
    item->doc = d ? amp_arena_strndup(&it->out->arena, d, strlen(d)) : NULL;
    free(d);
    if (!local && sc->env->path) {
        cx_buf_printf(&b, "import { %s } from %c%s%c;\n", r->var, it->quote,
                      relative_module(sc, path), it->quote);
        d = cx_buf_take(&b);
        item->import_text = d ? amp_arena_strndup(&it->out->arena, d, strlen(d)) : NULL;
        item->import_at = sc->last_import_end;
        free(d);
    }
}

/* The defineFunction resources of the backend. */
static void function_items(cx_items *it)
{
    const amp_model *m = cx_model(it->sc);
    for (size_t i = 0; m && i < m->resource_count; i++)
        if (m->resources[i].kind == AMP_RES_FUNCTION && m->resources[i].var)
            resource_item(it, m, &m->resources[i]);
}

/* True when object literal obj has key name (not the one being typed). */
static bool has_key(cx_scan *sc, const cx_frame *obj, const char *name)
{
    for (uint32_t k = 0; obj && k < obj->member_count; k++) {
        const cx_member *mb = &obj->members[k];
        if (!(mb->key_start <= sc->offset && sc->offset <= mb->key_end) &&
            cx_text_is(sc, mb->key_start, mb->key_end, name))
            return true;
    }
    return false;
}

void cx_resource_key_items(cx_items *it, cx_frame *obj)
{
    cx_scan *sc = it->sc;
    const amp_model *m = cx_model(sc);
    for (size_t i = 0; m && i < m->resource_count; i++) {
        const amp_resource *r = &m->resources[i];
        if (!r->var || r->kind == AMP_RES_OTHER)
            continue;
        const char *local = imported_as(sc, m, r);
        if (obj && (r->backend_key || has_key(sc, obj, local ? local : r->var)))
            continue; /* registered already */
        resource_item(it, m, r);
    }
}

void cx_model_items(cx_items *it, cx_special sp, const cx_slot *slot, cx_frame *f)
{
    switch (sp) {
    case CX_SP_MODELS:
        type_items(it, f, TM_MODEL);
        break;
    case CX_SP_REF_TARGET:
        type_items(it, f, ref_mask(it->sc, f));
        break;
    case CX_SP_REFERENCES:
        reference_items(it, slot, f);
        break;
    case CX_SP_ID_FIELDS:
    case CX_SP_INDEX_PK:
    case CX_SP_SORT_KEYS:
        key_field_items(it, sp, f);
        break;
    case CX_SP_GROUPS:
        group_items(it, f);
        break;
    case CX_SP_FUNCTIONS:
        function_items(it);
        break;
    case CX_SP_RESOURCES:
        cx_resource_key_items(it, NULL);
        break;
    default:
        break;
    }
}
