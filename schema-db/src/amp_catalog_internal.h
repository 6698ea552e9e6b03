/*
 * amp_catalog_internal.h: the layout of the generated catalogue tables.
 *
 * Shared by the accessors (catalog.c) and the C source that
 * schema-db/gen/catalog_gen.c writes at build time; nothing else may include
 * it. All tables are static const data: entries sorted by id (strcmp order)
 * so lookups can binary-search, children as index lists in declared order.
 * Entry cross-references are indexes into amp_cat_entries_ (-1 = none).
 */
#ifndef AMP_CATALOG_INTERNAL_H
#define AMP_CATALOG_INTERNAL_H

#include "amp_catalog.h"

#include <stdint.h>

typedef struct amp_cat_kv {
    const char *key;
    const char *value;
} amp_cat_kv;

typedef struct amp_cat_link_row {
    const char *name;
    int32_t target;
} amp_cat_link_row;

struct amp_cat_value {
    unsigned types;
    const char *const *enum_values;
    const unsigned char *enum_kinds;
    uint32_t enum_count;
    const char *const *suggest;
    uint32_t suggest_count;
    amp_cat_range range;
    amp_cat_range length;
    amp_cat_range items_count;
    const char *pattern;
    const char *default_text;
    unsigned char default_kind;
    bool required;
    const char *const *keys;
    uint32_t key_count;
    const char *key_pattern;
    const amp_cat_value *items;
    int32_t shape;
    int32_t arg;
    int32_t callback_returns;
};

struct amp_cat_param {
    const char *name;
    const char *type;
    const char *doc;
    bool optional;
    bool rest;
    const amp_cat_value *value;
};

struct amp_cat_overload {
    const char *signature;
    const char *doc;
    const amp_cat_param *params;
    uint32_t param_count;
};

struct amp_cat_entry {
    const char *id;
    const char *name;
    unsigned char kind;
    int32_t parent;
    uint32_t first_child; /* index into amp_cat_children_ */
    uint32_t child_count;
    const char *signature;
    const char *doc;
    const char *example;
    const char *since;
    const char *package;
    const char *url;
    const char *deprecated;
    int32_t returns;
    const amp_cat_value *value;
    const amp_cat_param *params;
    uint32_t param_count;
    const amp_cat_overload *overloads;
    uint32_t overload_count;
    const char *const *contexts;
    uint32_t context_count;
    const amp_cat_kv *attrs;
    uint32_t attr_count;
    const amp_cat_link_row *links;
    uint32_t link_count;
    bool once;
    const char *const *removes;
    uint32_t remove_count;
    const char *const *restores;
    uint32_t restore_count;
};

/* Generated tables (amp_catalog_data.c). */
extern const amp_cat_entry amp_cat_entries_[];
extern const uint32_t amp_cat_entry_count_;
extern const uint32_t amp_cat_children_[];
extern const uint32_t amp_cat_roots_[];
extern const uint32_t amp_cat_root_count_;
extern const amp_cat_kv amp_cat_packages_[];
extern const uint32_t amp_cat_package_count_;

#endif
