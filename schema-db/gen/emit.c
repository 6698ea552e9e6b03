/*
 * emit.c: writing the validated catalogue as C tables and as a JSON index.
 *
 * The C output defines the tables declared in schema-db/src/
 * amp_catalog_internal.h: per-entry static arrays (enum literals, params,
 * attrs, ...), then the entry table sorted by id (strcmp order, for binary
 * search), the child index lists in declared order, the top-level list and
 * the package versions. The JSON index holds every resolved entry (after
 * `like`, `value.ref` and inheritance) with its name, parent and children,
 * for tools such as the drift test. Outputs are written to a temporary file
 * and renamed, so a failed run never leaves a half-written file.
 */
#include "catalog_gen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Names of the static arrays emitted for one entry ("NULL" when absent). */
typedef struct entry_syms {
    char value[24], params[24], overloads[24], contexts[24], attrs[24], links[24];
    char removes[24], restores[24];
} entry_syms;

typedef struct emitter {
    FILE *f;
    gen_ctx *ctx;
    unsigned counter; /* next static symbol number */
} emitter;

/* Writes s as a C string literal (or NULL). Escapes quotes, backslashes,
 * '?' (no trigraphs) and every byte outside printable ASCII. */
static void emit_cstr(FILE *f, const char *s)
{
    if (!s) {
        fputs("NULL", f);
        return;
    }
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\' || *p == '?')
            fprintf(f, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", f);
        else if (*p < 0x20 || *p >= 0x7f)
            fprintf(f, "\\%03o", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

/* Writes obj[key] as a C string literal, or NULL when absent. */
static void emit_field_str(FILE *f, json_t *obj, const char *key)
{
    emit_cstr(f, json_string_value(json_object_get(obj, key)));
}

/* The text form of a scalar literal into buf ("22", "0.5", "true"). */
static void literal_text(json_t *lit, char *buf, size_t size)
{
    if (json_is_string(lit)) {
        snprintf(buf, size, "%s", json_string_value(lit));
    } else if (json_is_integer(lit)) {
        snprintf(buf, size, "%lld", (long long)json_integer_value(lit));
    } else if (json_is_real(lit)) {
        double d = json_real_value(lit);
        snprintf(buf, size, "%.15g", d);
        if (strtod(buf, NULL) != d)
            snprintf(buf, size, "%.17g", d);
    } else if (json_is_boolean(lit)) {
        snprintf(buf, size, "%s", json_is_true(lit) ? "true" : "false");
    } else {
        snprintf(buf, size, "null");
    }
}

/* The amp_cat_literal_kind code of a scalar. */
static int literal_kind(json_t *lit)
{
    if (json_is_string(lit))
        return 0;
    if (json_is_number(lit))
        return 1;
    if (json_is_boolean(lit))
        return 2;
    return 3;
}

/* The sorted index of the entry named by ref, or -1. */
static long sorted_of(const gen_ctx *ctx, json_t *ref)
{
    long i = gen_find(ctx, json_string_value(ref));
    return i < 0 ? -1 : ctx->entries[i].sorted;
}

/* Emits `static const char *const sN[] = {...};` for the strings (or
 * scalars) of arr into sym, or sets sym to NULL for an empty list. */
static void emit_text_list(emitter *em, json_t *arr, char *sym, size_t size)
{
    if (json_array_size(arr) == 0) {
        snprintf(sym, size, "NULL");
        return;
    }
    snprintf(sym, size, "s%u", em->counter++);
    fprintf(em->f, "static const char *const %s[] = {", sym);
    size_t i;
    json_t *x;
    json_array_foreach(arr, i, x)
    {
        char text[1024];
        literal_text(x, text, sizeof text);
        fputs(i ? ", " : "", em->f);
        emit_cstr(em->f, text);
    }
    fputs("};\n", em->f);
}

/* Emits the literal kinds of an enum list. */
static void emit_kind_list(emitter *em, json_t *arr, char *sym, size_t size)
{
    if (json_array_size(arr) == 0) {
        snprintf(sym, size, "NULL");
        return;
    }
    snprintf(sym, size, "s%u", em->counter++);
    fprintf(em->f, "static const unsigned char %s[] = {", sym);
    size_t i;
    json_t *x;
    json_array_foreach(arr, i, x)
    {
        fprintf(em->f, "%s%d", i ? ", " : "", literal_kind(x));
    }
    fputs("};\n", em->f);
}

/* Writes an amp_cat_range initializer from two optional number fields. */
static void emit_range(FILE *f, json_t *v, const char *lo, const char *hi)
{
    json_t *a = json_object_get(v, lo), *b = json_object_get(v, hi);
    fprintf(f, "{%s, %s, %.17g, %.17g}", a ? "true" : "false", b ? "true" : "false",
            a ? json_number_value(a) : 0.0, b ? json_number_value(b) : 0.0);
}

/* Emits the static amp_cat_value for v (items first) and sets sym to its
 * address expression, or to NULL when v is absent. */
static void emit_value(emitter *em, json_t *v, char *sym, size_t size)
{
    if (!json_is_object(v)) {
        snprintf(sym, size, "NULL");
        return;
    }
    char items[24], enums[24], kinds[24], suggest[24], keys[24];
    emit_value(em, json_object_get(v, "items"), items, sizeof items);
    emit_text_list(em, json_object_get(v, "enum"), enums, sizeof enums);
    emit_kind_list(em, json_object_get(v, "enum"), kinds, sizeof kinds);
    emit_text_list(em, json_object_get(v, "suggest"), suggest, sizeof suggest);
    emit_text_list(em, json_object_get(v, "keys"), keys, sizeof keys);
    const char *bad;
    unsigned mask = gen_type_mask(json_object_get(v, "type"), &bad);
    unsigned n = em->counter++;
    FILE *f = em->f;
    fprintf(f, "static const amp_cat_value v%u = {%uu, %s, %s, %zuu, %s, %zuu, ", n, mask, enums,
            kinds, json_array_size(json_object_get(v, "enum")), suggest,
            json_array_size(json_object_get(v, "suggest")));
    emit_range(f, v, "min", "max");
    fputs(", ", f);
    emit_range(f, v, "min_length", "max_length");
    fputs(", ", f);
    emit_range(f, v, "min_items", "max_items");
    fputs(", ", f);
    emit_field_str(f, v, "pattern");
    fputs(", ", f);
    json_t *d = json_object_get(v, "default");
    char dtext[1024];
    if (d)
        literal_text(d, dtext, sizeof dtext);
    emit_cstr(f, d ? dtext : NULL);
    fprintf(f, ", %d, %s, %s, %zuu, ", d ? literal_kind(d) : 3,
            json_is_true(json_object_get(v, "required")) ? "true" : "false", keys,
            json_array_size(json_object_get(v, "keys")));
    emit_field_str(f, v, "key_pattern");
    fprintf(f, ", %s, %ld, %ld, %ld};\n", items, sorted_of(em->ctx, json_object_get(v, "shape")),
            sorted_of(em->ctx, json_object_get(v, "arg")),
            sorted_of(em->ctx, json_object_get(v, "returns")));
    snprintf(sym, size, "&v%u", n);
}

/* Emits an amp_cat_param array for params. */
static void emit_params(emitter *em, json_t *params, char *sym, size_t size)
{
    size_t n = json_array_size(params);
    if (n == 0) {
        snprintf(sym, size, "NULL");
        return;
    }
    char(*vals)[24] = calloc(n, sizeof *vals);
    size_t i;
    json_t *p;
    json_array_foreach(params, i, p)
    {
        emit_value(em, json_object_get(p, "value"), vals[i], sizeof vals[i]);
    }
    snprintf(sym, size, "p%u", em->counter++);
    fprintf(em->f, "static const amp_cat_param %s[] = {\n", sym);
    json_array_foreach(params, i, p)
    {
        fputs("    {", em->f);
        emit_field_str(em->f, p, "name");
        fputs(", ", em->f);
        emit_field_str(em->f, p, "type");
        fputs(", ", em->f);
        emit_field_str(em->f, p, "doc");
        fprintf(em->f, ", %s, %s, %s},\n",
                json_is_true(json_object_get(p, "optional")) ? "true" : "false",
                json_is_true(json_object_get(p, "rest")) ? "true" : "false", vals[i]);
    }
    fputs("};\n", em->f);
    free(vals);
}

/* Emits an amp_cat_overload array (params first) and sets sym to its
 * name, or to NULL for no overloads. */
static void emit_overloads(emitter *em, json_t *overloads, char *sym, size_t size)
{
    size_t n = json_array_size(overloads);
    if (n == 0) {
        snprintf(sym, size, "NULL");
        return;
    }
    char(*ps)[24] = calloc(n, sizeof *ps);
    size_t i;
    json_t *o;
    json_array_foreach(overloads, i, o)
    {
        emit_params(em, json_object_get(o, "params"), ps[i], sizeof ps[i]);
    }
    snprintf(sym, size, "o%u", em->counter++);
    fprintf(em->f, "static const amp_cat_overload %s[] = {\n", sym);
    json_array_foreach(overloads, i, o)
    {
        fputs("    {", em->f);
        emit_field_str(em->f, o, "signature");
        fputs(", ", em->f);
        emit_field_str(em->f, o, "doc");
        fprintf(em->f, ", %s, %zuu},\n", ps[i], json_array_size(json_object_get(o, "params")));
    }
    fputs("};\n", em->f);
    free(ps);
}

/* Emits an amp_cat_kv array for a string map (attrs). */
static void emit_kvs(emitter *em, json_t *map, char *sym, size_t size)
{
    if (json_object_size(map) == 0) {
        snprintf(sym, size, "NULL");
        return;
    }
    snprintf(sym, size, "k%u", em->counter++);
    fprintf(em->f, "static const amp_cat_kv %s[] = {", sym);
    const char *key;
    json_t *val;
    json_object_foreach(map, key, val)
    {
        fputs("{", em->f);
        emit_cstr(em->f, key);
        fputs(", ", em->f);
        emit_cstr(em->f, json_string_value(val));
        fputs("}, ", em->f);
    }
    fputs("};\n", em->f);
}

/* Emits an amp_cat_link_row array for a name -> id map (targets as sorted
 * indexes) and sets sym, or NULL for an empty map. */
static void emit_links(emitter *em, json_t *map, char *sym, size_t size)
{
    if (json_object_size(map) == 0) {
        snprintf(sym, size, "NULL");
        return;
    }
    snprintf(sym, size, "l%u", em->counter++);
    fprintf(em->f, "static const amp_cat_link_row %s[] = {", sym);
    const char *key;
    json_t *val;
    json_object_foreach(map, key, val)
    {
        fputs("{", em->f);
        emit_cstr(em->f, key);
        fprintf(em->f, ", %ld}, ", sorted_of(em->ctx, val));
    }
    fputs("};\n", em->f);
}

/* Emits every static array one entry needs and records their names. */
static void emit_entry_statics(emitter *em, const gen_entry *e, entry_syms *s)
{
    json_t *o = e->obj;
    emit_value(em, json_object_get(o, "value"), s->value, sizeof s->value);
    emit_params(em, json_object_get(o, "params"), s->params, sizeof s->params);
    emit_overloads(em, json_object_get(o, "overloads"), s->overloads, sizeof s->overloads);
    emit_text_list(em, json_object_get(o, "contexts"), s->contexts, sizeof s->contexts);
    emit_kvs(em, json_object_get(o, "attrs"), s->attrs, sizeof s->attrs);
    emit_links(em, json_object_get(o, "links"), s->links, sizeof s->links);
    emit_text_list(em, json_object_get(o, "removes"), s->removes, sizeof s->removes);
    emit_text_list(em, json_object_get(o, "restores"), s->restores, sizeof s->restores);
}

/* Writes one row of the entry table. */
static void emit_entry_row(emitter *em, const gen_entry *e, const entry_syms *s, size_t first_child)
{
    FILE *f = em->f;
    json_t *o = e->obj;
    long parent = e->parent >= 0 ? em->ctx->entries[e->parent].sorted : -1;
    fputs("    {", f);
    emit_cstr(f, e->id);
    fputs(", ", f);
    emit_cstr(f, e->name);
    fprintf(f, ", %d, %ld, %zuu, %zuu,\n     ", e->kind, parent, first_child, e->child_count);
    const char *texts[] = {"signature", "doc", "example", "since", "package", "url", "deprecated"};
    for (int t = 0; t < 7; t++) {
        emit_field_str(f, o, texts[t]);
        fputs(",\n     ", f);
    }
    fprintf(f,
            "%ld, %s, %s, %zuu, %s, %zuu, %s, %zuu, %s, %zuu, %s, %zuu, %s, %s, %zuu, %s, %zuu},\n",
            sorted_of(em->ctx, json_object_get(o, "returns")), s->value, s->params,
            json_array_size(json_object_get(o, "params")), s->overloads,
            json_array_size(json_object_get(o, "overloads")), s->contexts,
            json_array_size(json_object_get(o, "contexts")), s->attrs,
            json_object_size(json_object_get(o, "attrs")), s->links,
            json_object_size(json_object_get(o, "links")),
            json_is_true(json_object_get(o, "once")) ? "true" : "false", s->removes,
            json_array_size(json_object_get(o, "removes")), s->restores,
            json_array_size(json_object_get(o, "restores")));
}

/* Writes the child index lists and the top-level list. */
static void emit_tree(emitter *em)
{
    gen_ctx *ctx = em->ctx;
    fputs("const uint32_t amp_cat_children_[] = {\n", em->f);
    size_t total = 0;
    for (size_t s = 0; s < ctx->count; s++) {
        const gen_entry *e = &ctx->entries[ctx->sorted[s]];
        for (size_t c = 0; c < e->child_count; c++, total++)
            fprintf(em->f, "%ldu,%s", ctx->entries[e->children[c]].sorted,
                    total % 16 == 15 ? "\n" : " ");
    }
    fprintf(em->f, "%s};\n", total ? "" : "0");
    fputs("const uint32_t amp_cat_roots_[] = {", em->f);
    size_t roots = 0;
    for (size_t i = 0; i < ctx->count; i++)
        if (ctx->entries[i].parent < 0)
            fprintf(em->f, "%s%ldu", roots++ ? ", " : "", ctx->entries[i].sorted);
    fprintf(em->f, "};\nconst uint32_t amp_cat_root_count_ = %zuu;\n", roots);
}

/* Writes the package name -> version table. */
static void emit_packages(emitter *em)
{
    fputs("const amp_cat_kv amp_cat_packages_[] = {", em->f);
    const char *key;
    json_t *val;
    json_object_foreach(em->ctx->packages, key, val)
    {
        fputs("{", em->f);
        emit_cstr(em->f, key);
        fputs(", ", em->f);
        emit_cstr(em->f, json_string_value(val));
        fputs("}, ", em->f);
    }
    fprintf(em->f, "};\nconst uint32_t amp_cat_package_count_ = %zuu;\n",
            json_object_size(em->ctx->packages));
}

/* Writes the whole C translation unit to f (statics, entries, tree,
 * packages). ctx must be sorted. */
static void emit_c(gen_ctx *ctx, FILE *f)
{
    emitter em = {f, ctx, 0};
    fputs("/* Generated by schema-db/gen/catalog_gen from the schema-db/data/ JSON files.\n"
          " * Do not edit: change the data files instead. */\n"
          "#include \"amp_catalog_internal.h\"\n\n",
          f);
    entry_syms *syms = calloc(ctx->count ? ctx->count : 1, sizeof *syms);
    for (size_t s = 0; s < ctx->count; s++)
        emit_entry_statics(&em, &ctx->entries[ctx->sorted[s]], &syms[s]);
    fputs("\nconst amp_cat_entry amp_cat_entries_[] = {\n", f);
    size_t first = 0;
    for (size_t s = 0; s < ctx->count; s++) {
        const gen_entry *e = &ctx->entries[ctx->sorted[s]];
        emit_entry_row(&em, e, &syms[s], first);
        first += e->child_count;
    }
    fprintf(f, "};\nconst uint32_t amp_cat_entry_count_ = %zuu;\n\n", ctx->count);
    free(syms);
    emit_tree(&em);
    emit_packages(&em);
}

/* The resolved index: {"packages": {...}, "entries": [...]}, sorted by id. */
static json_t *build_index(gen_ctx *ctx)
{
    json_t *list = json_array();
    for (size_t s = 0; s < ctx->count; s++) {
        const gen_entry *e = &ctx->entries[ctx->sorted[s]];
        json_t *o = json_deep_copy(e->obj);
        json_object_del(o, "like");
        json_object_set_new(o, "name", json_string(e->name));
        json_object_set_new(o, "parent",
                            e->parent >= 0 ? json_string(ctx->entries[e->parent].id) : json_null());
        json_t *kids = json_array();
        for (size_t c = 0; c < e->child_count; c++)
            json_array_append_new(kids, json_string(ctx->entries[e->children[c]].id));
        json_object_set_new(o, "children", kids);
        json_object_set_new(o, "file", json_string(e->file));
        json_array_append_new(list, o);
    }
    return json_pack("{sOso}", "packages", ctx->packages, "entries", list);
}

typedef struct sort_key {
    const char *id;
    long index;
} sort_key;

/* qsort comparator of sort_key by id (strcmp order). */
static int compare_keys(const void *a, const void *b)
{
    return strcmp(((const sort_key *)a)->id, ((const sort_key *)b)->id);
}

/* Fills ctx->sorted and each entry's sorted position. */
static void sort_entries(gen_ctx *ctx)
{
    sort_key *keys = calloc(ctx->count ? ctx->count : 1, sizeof *keys);
    for (size_t i = 0; i < ctx->count; i++)
        keys[i] = (sort_key){ctx->entries[i].id, (long)i};
    qsort(keys, ctx->count, sizeof *keys, compare_keys);
    ctx->sorted = calloc(ctx->count ? ctx->count : 1, sizeof *ctx->sorted);
    for (size_t s = 0; s < ctx->count; s++) {
        ctx->sorted[s] = keys[s].index;
        ctx->entries[keys[s].index].sorted = (long)s;
    }
    free(keys);
}

/* Opens path.tmp for writing; reports failure. */
static FILE *open_tmp(gen_ctx *ctx, const char *path, char *tmp, size_t size)
{
    snprintf(tmp, size, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f)
        gen_error(ctx, path, NULL, "cannot write the output");
    return f;
}

/* Closes f and renames tmp over path; returns 0 or -1. */
static int commit_tmp(gen_ctx *ctx, FILE *f, const char *tmp, const char *path)
{
    if (ferror(f) | fclose(f) || rename(tmp, path) != 0) {
        gen_error(ctx, path, NULL, "cannot write the output");
        remove(tmp);
        return -1;
    }
    return 0;
}

/* See catalog_gen.h. */
int gen_emit(gen_ctx *ctx, const char *c_path, const char *index_path)
{
    char tmp[4096];
    sort_entries(ctx);
    if (c_path) {
        FILE *f = open_tmp(ctx, c_path, tmp, sizeof tmp);
        if (!f)
            return -1;
        emit_c(ctx, f);
        if (commit_tmp(ctx, f, tmp, c_path) != 0)
            return -1;
    }
    if (index_path) {
        json_t *index = build_index(ctx);
        FILE *f = open_tmp(ctx, index_path, tmp, sizeof tmp);
        if (!f) {
            json_decref(index);
            return -1;
        }
        json_dumpf(index, f, JSON_INDENT(1));
        fputc('\n', f);
        json_decref(index);
        if (commit_tmp(ctx, f, tmp, index_path) != 0)
            return -1;
    }
    return 0;
}
