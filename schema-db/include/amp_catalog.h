/*
 * amp_catalog.h: the catalogue of the AWS Amplify Gen 2 backend API, read-only.
 *
 * The catalogue is a tree of entries generated at build time from the JSON
 * files in schema-db/data/ (see schema-db/README.md for the data format).
 * Every entry has a dotted id ("defineAuth.loginWith.email", "a.string",
 * "ModelField.required") and a kind:
 *   - function   a callable export or namespace member (defineAuth, a.model);
 *   - namespace  an object of functions (a, a.handler, a.ai);
 *   - type       a named result or argument type; its children are its chain
 *                methods and properties (ModelField, AllowModel) or, for an
 *                options interface, its keys (AttributeMapping);
 *   - method     a method of a type (ModelField.required);
 *   - option     a key of an options object, nested to any depth;
 *   - property   a non-call member (Backend.stack, AllowStorage.guest);
 *   - value      a documented literal accepted by its parent (an action name).
 *
 * Everything here is static, immutable data compiled into the program: every
 * pointer any function returns is BORROWED from that data, valid forever, and
 * must never be freed or written. There is no global mutable state, so every
 * function is safe to call from any thread. Functions taking an entry, value
 * or param pointer accept NULL and then return the "absent" answer (NULL, 0,
 * false), unless stated otherwise.
 */
#ifndef AMP_CATALOG_H
#define AMP_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One catalogue entry (opaque; read it with the amp_cat_* functions). */
typedef struct amp_cat_entry amp_cat_entry;
/* A value descriptor: what an option, property or parameter accepts. */
typedef struct amp_cat_value amp_cat_value;
/* One parameter of a function, method or callable type. */
typedef struct amp_cat_param amp_cat_param;
/* One alternative call signature (an overload). */
typedef struct amp_cat_overload amp_cat_overload;

/* Entry kinds. */
typedef enum amp_cat_kind {
    AMP_CAT_FUNCTION,
    AMP_CAT_NAMESPACE,
    AMP_CAT_TYPE,
    AMP_CAT_METHOD,
    AMP_CAT_OPTION,
    AMP_CAT_PROPERTY,
    AMP_CAT_VALUE
} amp_cat_kind;

/* Value types, as bits: a value descriptor accepts the union of its bits. */
typedef enum amp_cat_type {
    AMP_CAT_T_STRING = 1u << 0,
    AMP_CAT_T_NUMBER = 1u << 1,  /* any number */
    AMP_CAT_T_INTEGER = 1u << 2, /* a whole number */
    AMP_CAT_T_BOOLEAN = 1u << 3,
    AMP_CAT_T_NULL = 1u << 4,
    AMP_CAT_T_OBJECT = 1u << 5,            /* an object literal with known keys */
    AMP_CAT_T_ARRAY = 1u << 6,             /* see amp_cat_value_items */
    AMP_CAT_T_RECORD = 1u << 7,            /* an object with free keys */
    AMP_CAT_T_FUNCTION = 1u << 8,          /* an inline callback */
    AMP_CAT_T_FUNCTION_RESOURCE = 1u << 9, /* a defineFunction(...) result */
    AMP_CAT_T_RESOURCE = 1u << 10,         /* any define*(...) / referenceAuth result */
    AMP_CAT_T_SECRET = 1u << 11,           /* a secret(...) result */
    AMP_CAT_T_CONSTRUCT = 1u << 12,        /* a CDK construct or CDK object */
    AMP_CAT_T_BUILDER = 1u << 13,          /* a value built by an a.* call */
    AMP_CAT_T_ANY = 1u << 14
} amp_cat_type;

/* The JSON kind of a literal (an enum member or a default). */
typedef enum amp_cat_literal_kind {
    AMP_CAT_LIT_STRING,
    AMP_CAT_LIT_NUMBER,
    AMP_CAT_LIT_BOOLEAN,
    AMP_CAT_LIT_NULL
} amp_cat_literal_kind;

/* An inclusive numeric range; each bound is meaningful only when its flag
 * is set. */
typedef struct amp_cat_range {
    bool has_min;
    bool has_max;
    double min;
    double max;
} amp_cat_range;

/* ---- The catalogue as a whole ---------------------------------------- */

/* The number of entries (> 0). */
size_t amp_catalog_count(void);

/* The entry at index i of the id-sorted table (0 <= i < count), or NULL. */
const amp_cat_entry *amp_catalog_at(size_t i);

/* The entry whose id equals id exactly (binary search, O(log n)), or NULL.
 * id is borrowed for the call only. */
const amp_cat_entry *amp_catalog_find(const char *id);

/* Same as amp_catalog_find, for an id of len bytes that need not be
 * NUL-terminated (e.g. a slice of source text). */
const amp_cat_entry *amp_catalog_find_n(const char *id, size_t len);

/* The number of described npm packages, and the i-th package's name and
 * pinned version ("@aws-amplify/backend", "1.25.1"), or NULL out of range. */
size_t amp_catalog_package_count(void);
const char *amp_catalog_package_name(size_t i);
const char *amp_catalog_package_version(size_t i);

/* The version of the named package the catalogue describes, or NULL when
 * the catalogue does not describe that package. */
const char *amp_catalog_version(const char *package);

/* true when text matches pattern, where '*' in pattern matches any run of
 * characters (possibly empty) and every other character matches itself.
 * Used for record keys such as "custom:*". Both strings are borrowed. */
bool amp_catalog_glob(const char *pattern, const char *text);

/* ---- Entries --------------------------------------------------------- */

/* The dotted id; never NULL for a non-NULL entry. */
const char *amp_cat_id(const amp_cat_entry *e);

/* The member name: the last id segment, or for a value entry the literal
 * itself (which may contain spaces or dots). */
const char *amp_cat_name(const amp_cat_entry *e);

amp_cat_kind amp_cat_kind_of(const amp_cat_entry *e); /* e must not be NULL */
const char *amp_cat_kind_name(amp_cat_kind kind);     /* "function", ...; "?" if unknown */

/* The parent entry, or NULL for a top-level entry. */
const amp_cat_entry *amp_cat_parent(const amp_cat_entry *e);

/* Children in the order the data declares them. With e == NULL these walk
 * the top-level entries (defineAuth, a, ModelField, ...). */
size_t amp_cat_child_count(const amp_cat_entry *e);
const amp_cat_entry *amp_cat_child_at(const amp_cat_entry *e, size_t i);

/* The child named exactly name, or NULL. e may be NULL (top level). */
const amp_cat_entry *amp_cat_child(const amp_cat_entry *e, const char *name);

/* The child describing the object key `key`: first an exact child name,
 * then the children of the shape type (amp_cat_value_shape of e's value or
 * of its items; for a function or method without a value, of its first
 * parameter with a shape), then a pattern child ("custom:*") globbing the
 * key. This is the lookup to use when walking an options object. NULL if
 * none. */
const amp_cat_entry *amp_cat_key(const amp_cat_entry *e, const char *key);

/* Text fields; NULL when the data leaves them out. since, package and url are
 * inherited from the nearest ancestor that sets them. */
const char *amp_cat_signature(const amp_cat_entry *e); /* TypeScript-like */
const char *amp_cat_doc(const amp_cat_entry *e);       /* never NULL */
const char *amp_cat_example(const amp_cat_entry *e);
const char *amp_cat_since(const amp_cat_entry *e);      /* "1.0.0" */
const char *amp_cat_package(const amp_cat_entry *e);    /* "@aws-amplify/backend" */
const char *amp_cat_url(const amp_cat_entry *e);        /* docs.amplify.aws page */
const char *amp_cat_deprecated(const amp_cat_entry *e); /* NULL unless deprecated */

/* The type entry a call (or a property read) returns, for chaining; NULL if
 * the result has no catalogued members. */
const amp_cat_entry *amp_cat_returns(const amp_cat_entry *e);

/* The value descriptor of an option, property, named type (LogRetention)
 * or callable type (IndexFactory); NULL if none. */
const amp_cat_value *amp_cat_value_of(const amp_cat_entry *e);

/* Parameters of the primary signature, in order. */
size_t amp_cat_param_count(const amp_cat_entry *e);
const amp_cat_param *amp_cat_param_at(const amp_cat_entry *e, size_t i);

/* Alternative signatures (beyond the primary one), e.g. defineFunction's
 * custom-provider form. */
size_t amp_cat_overload_count(const amp_cat_entry *e);
const amp_cat_overload *amp_cat_overload_at(const amp_cat_entry *e, size_t i);
const char *amp_cat_overload_signature(const amp_cat_overload *o);
const char *amp_cat_overload_doc(const amp_cat_overload *o);
size_t amp_cat_overload_param_count(const amp_cat_overload *o);
const amp_cat_param *amp_cat_overload_param_at(const amp_cat_overload *o, size_t i);

/* Where the entry may appear (free-form context names such as "schema",
 * "model", "sql-schema"); an entry with no contexts may appear anywhere its
 * parent may. */
size_t amp_cat_context_count(const amp_cat_entry *e);
const char *amp_cat_context_at(const amp_cat_entry *e, size_t i);
bool amp_cat_has_context(const amp_cat_entry *e, const char *context);

/* Domain facts as a string map (e.g. "graphql" -> "Int" on a.integer). The
 * value for key, or NULL when absent. */
const char *amp_cat_attr(const amp_cat_entry *e, const char *key);
size_t amp_cat_attr_count(const amp_cat_entry *e);
const char *amp_cat_attr_key_at(const amp_cat_entry *e, size_t i);
const char *amp_cat_attr_value_at(const amp_cat_entry *e, size_t i);

/* Named links to other entries (e.g. "validator" -> StringValidator on
 * a.string); the linked entry or NULL. */
const amp_cat_entry *amp_cat_link(const amp_cat_entry *e, const char *name);
size_t amp_cat_link_count(const amp_cat_entry *e);
const char *amp_cat_link_name_at(const amp_cat_entry *e, size_t i);
const amp_cat_entry *amp_cat_link_at(const amp_cat_entry *e, size_t i);

/* Chain typing of a method: `once` means the type no longer offers the
 * method after it is called; `removes` lists sibling members the call
 * takes away, `restores` siblings it offers again. Names are sibling member
 * names. */
bool amp_cat_once(const amp_cat_entry *e);
size_t amp_cat_removes_count(const amp_cat_entry *e);
const char *amp_cat_removes_at(const amp_cat_entry *e, size_t i);
size_t amp_cat_restores_count(const amp_cat_entry *e);
const char *amp_cat_restores_at(const amp_cat_entry *e, size_t i);

/* ---- Parameters ------------------------------------------------------ */

const char *amp_cat_param_name(const amp_cat_param *p);
const char *amp_cat_param_type(const amp_cat_param *p); /* TypeScript text */
const char *amp_cat_param_doc(const amp_cat_param *p);
bool amp_cat_param_optional(const amp_cat_param *p);
bool amp_cat_param_rest(const amp_cat_param *p); /* a ...rest parameter */
const amp_cat_value *amp_cat_param_value(const amp_cat_param *p);

/* ---- Value descriptors ---------------------------------------------- */

/* The accepted types as a mask of amp_cat_type bits (0 for NULL). */
unsigned amp_cat_value_types(const amp_cat_value *v);
bool amp_cat_value_accepts(const amp_cat_value *v, amp_cat_type type);
const char *amp_cat_type_name(amp_cat_type type); /* "string", ...; "?" */

/* The closed list of allowed literals, rendered as text ("EMAIL_ONLY", "22",
 * "true"); *count receives the length (0 when there is no list). A literal
 * list constrains only the values of its own JSON kinds: [true] on a
 * boolean|object option forbids false but leaves objects free. Returns NULL
 * when there is no list. count may be NULL. */
const char *const *amp_cat_value_enum(const amp_cat_value *v, size_t *count);
amp_cat_literal_kind amp_cat_value_enum_kind(const amp_cat_value *v, size_t i);
bool amp_cat_value_enum_contains(const amp_cat_value *v, const char *literal);

/* Open suggestions for completion (the value is not limited to them). */
const char *const *amp_cat_value_suggest(const amp_cat_value *v, size_t *count);

/* Bounds: numeric value, string length, array length. */
amp_cat_range amp_cat_value_range(const amp_cat_value *v);
amp_cat_range amp_cat_value_length(const amp_cat_value *v);
amp_cat_range amp_cat_value_item_count(const amp_cat_value *v);

/* An ECMAScript regular expression a string value must match, or NULL. */
const char *amp_cat_value_pattern(const amp_cat_value *v);

/* The default as text and its kind, or NULL when the data gives none. */
const char *amp_cat_value_default(const amp_cat_value *v);
amp_cat_literal_kind amp_cat_value_default_kind(const amp_cat_value *v);

/* true when the key must be present in its object. */
bool amp_cat_value_required(const amp_cat_value *v);

/* Records: allowed key literals or '*' globs, and a key regular expression
 * (ECMAScript), each NULL/empty when keys are free. */
const char *const *amp_cat_value_keys(const amp_cat_value *v, size_t *count);
const char *amp_cat_value_key_pattern(const amp_cat_value *v);

/* The descriptor of array elements (or of record values), or NULL. */
const amp_cat_value *amp_cat_value_items(const amp_cat_value *v);

/* The type entry whose option children describe this object's keys, or
 * NULL (the option's own children describe them). */
const amp_cat_entry *amp_cat_value_shape(const amp_cat_value *v);

/* For callbacks: the type of the callback's first argument (e.g. the `allow`
 * of an authorization callback) and the type it should return; NULL if
 * unknown. */
const amp_cat_entry *amp_cat_value_arg(const amp_cat_value *v);
const amp_cat_entry *amp_cat_value_callback_returns(const amp_cat_value *v);

#ifdef __cplusplus
}
#endif

#endif
