/*
 * nav_internal.h: shared by the navigation sources (see amp_nav.h).
 *
 *   nav_index.c    building the occurrence index
 *   nav_util.c     text, strings, lookups and GraphQL type names
 *   nav_rename.c   definition, prepareRename and rename
 *   symbols.c      document and workspace symbols
 *   nav_hover.c    hover markdown
 *   nav_hints.c    inlay hints (implicit fields) and semantic tokens
 */
#ifndef AMP_NAV_INTERNAL_H
#define AMP_NAV_INTERNAL_H

#include <stdarg.h>

#include "amp_nav.h"

/* ---- text ---------------------------------------------------------------- */

/* The bytes of loc (borrowed from the index's texts) and their length in
 * *len; NULL when loc is out of range. */
const char *nav_text(const amp_nav_index *ix, amp_loc loc, uint32_t *len);

/* True when the text at loc is exactly s. */
bool nav_text_is(const amp_nav_index *ix, amp_loc loc, const char *s);

/* loc without its quotes when the text there is a quoted string literal
 * ('x', "x" or `x`); *quoted says whether it was. */
amp_loc nav_unquote(const amp_nav_index *ix, amp_loc loc, bool *quoted);

/* True when the object key at loc is a shorthand property (`{ Post }`):
 * what follows it is not a colon. */
bool nav_is_shorthand(const amp_nav_index *ix, amp_loc key);

/* The span from a's start to b's end when both are in one file and in that
 * order, else a. */
amp_loc nav_span(amp_loc a, amp_loc b);

/* True when loc (of file) holds offset, its end included. */
bool nav_holds(amp_loc loc, uint32_t file, uint32_t offset);

/* ---- arena output ------------------------------------------------------- */

/* Appends one zeroed element of size bytes to an arena array; NULL when out
 * of memory. */
void *nav_push(amp_arena *a, void **array, size_t *count, size_t size);

/* A growing string (malloc'd while built; nav_buf_done copies it into the
 * arena and frees it). */
typedef struct nav_buf {
    char *s;
    size_t len, cap;
    bool failed;
} nav_buf;

void nav_buf_add(nav_buf *b, const char *s);
void nav_buf_addn(nav_buf *b, const char *s, size_t n);
void nav_buf_printf(nav_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The built string copied into the arena (NULL when out of memory); frees b. */
const char *nav_buf_done(nav_buf *b, amp_arena *a);
/* Frees b without keeping it. */
void nav_buf_drop(nav_buf *b);

/* A formatted string in the arena. */
const char *nav_printf(amp_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- the model ----------------------------------------------------------- */

/* The namespace of schema s: the first schema of its a.combine group, or s. */
int nav_space_of(const amp_model *m, int schema);

/* The TYPE symbol named name in space, or -1. */
int nav_type_sym(const amp_nav_index *ix, int space, const char *name);

/* The FIELD symbol of type t named name, or -1. */
int nav_field_sym(const amp_nav_index *ix, const amp_type *t, const char *name);

/* Sizes the empty name table for count symbols (nothing when it has slots
 * already, or out of memory: it grows as symbols come). */
void nav_names_reserve(amp_nav_index *ix, size_t count);

/* Registers sym for those lookups (and nav_group_sym). */
void nav_name_sym(amp_nav_index *ix, int sym);

/* The GROUP symbol named name, or -1. */
int nav_group_sym(const amp_nav_index *ix, const char *name);

/* The RESOURCE symbol of resource r, or -1. */
int nav_resource_sym(const amp_nav_index *ix, int r);

/* The index of the resource whose CALL v is, or -1. */
int nav_resource_of(const amp_model *m, const amp_value *v);

/* The items of a FUNCTION value's returned array (or its one returned
 * value); NULL when v is not a function with a body. */
const amp_value *const *nav_returned(const amp_value *fn, size_t *count);

/* A string value's text and place, or {NULL} when v is not a string. */
amp_str nav_str_of(const amp_value *v);

/* The first argument of a CALL value, or NULL. */
const amp_value *nav_arg0(const amp_value *v);

/* The GraphQL name of a scalar builder ("string" -> "String"). */
const char *nav_graphql_scalar(const char *builder);

/* The GraphQL type of field f of a type named owner (e.g. "[String!]!",
 * "Comment" for relationships), in the arena. */
const char *nav_field_type(amp_arena *a, const char *owner, const amp_field *f);

/* The relationship word of f ("hasMany" ...), or NULL for other fields. */
const char *nav_relationship_word(const amp_field *f);

/* The implicit fields of model t as "name: Type" strings (at most max),
 * returned in out; the count is returned. */
size_t nav_implicit_fields(amp_nav_index *ix, const amp_type *t, const char **out, size_t max);

/* ---- storage ------------------------------------------------------------- */

/* The access paths object of a defineStorage resource
 * (`access: (allow) => ({ 'path/...': [rules] })`), or NULL. */
const amp_value *nav_storage_paths(const amp_resource *r);

/* One storage access rule as text, e.g. "groups ADMINS, AUDITORS: read,
 * write" or "guest: read" (arena), or NULL when it is not understood. */
const char *nav_storage_rule_text(amp_nav_index *ix, const amp_value *rule);

/* The display name of resource r (its const, its name prop, or its define). */
const char *nav_resource_name(const amp_model *m, int r);

#endif
