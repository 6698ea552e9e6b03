/*
 * rules_schema_fields.c: field modifiers, keys and indexes. `.default()`
 * values are checked as the Amplify GraphQL transformer's @default
 * validation does at deploy (amplify-category-api,
 * graphql-default-value-transformer: on @model types only, never on lists
 * or composite key members, and on DynamoDB the value parsed by the field's
 * type); DB-generated defaults as data-schema's validateDBGeneration;
 * `.validate()` against the validator types of the catalogue; identifier
 * and index keys against the eligible pool of the types (E22 at run time);
 * index projections; disableOperations values; modifiers data-schema drops
 * on the partition key.
 */
#include "rules_table_schema.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static bool is_relationship(const amp_field *f)
{
    return f->kind == AMP_FIELD_HAS_MANY || f->kind == AMP_FIELD_HAS_ONE ||
           f->kind == AMP_FIELD_BELONGS_TO;
}

/* ---- the text String(value) gives ----------------------------------------- */

/* Appends String(v) of a primitive to buf; false when not known. */
static bool primitive_text(const amp_value *v, char *buf, size_t cap)
{
    switch (v->kind) {
    case AMP_VAL_STRING:
        snprintf(buf, cap, "%s", v->str);
        return strlen(v->str) < cap;
    case AMP_VAL_BOOL:
        snprintf(buf, cap, "%s", v->b ? "true" : "false");
        return true;
    case AMP_VAL_NULL:
        snprintf(buf, cap, "null");
        return true;
    case AMP_VAL_NUMBER:
        if (!(v->num > -1e15 && v->num < 1e15) || v->num != (double)(long long)v->num)
            return false; /* JavaScript's number formatting is not reproduced */
        snprintf(buf, cap, "%.0f", v->num);
        return true;
    default:
        return false;
    }
}

/* String(v) as data-schema renders a default; false when not known. */
static bool default_text(const amp_value *v, char *buf, size_t cap)
{
    if (v->kind == AMP_VAL_OBJECT) {
        if (v->open || amp_value_prop(v, "toString"))
            return false;
        snprintf(buf, cap, "[object Object]");
        return true;
    }
    if (v->kind != AMP_VAL_ARRAY)
        return primitive_text(v, buf, cap);
    if (v->open)
        return false;
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < v->item_count; i++) {
        char item[256] = "";
        const amp_value *it = v->items[i];
        if (it->kind != AMP_VAL_NULL && it->kind != AMP_VAL_UNDEFINED &&
            !primitive_text(it, item, sizeof item))
            return false;
        if (it->kind == AMP_VAL_NULL)
            item[0] = '\0'; /* Array.prototype.join writes null as "" */
        int n = snprintf(buf + used, cap - used, "%s%s", i ? "," : "", item);
        if (n < 0 || used + (size_t)n >= cap)
            return false;
        used += (size_t)n;
    }
    return true;
}

/* ---- the transformer's value validators ------------------------------------ */

static const char *skip_space(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v')
        s++;
    return s;
}

/* !isNaN(parseInt(s, 10)) */
static bool parses_int(const char *s)
{
    s = skip_space(s);
    if (*s == '+' || *s == '-')
        s++;
    return isdigit((unsigned char)*s) != 0;
}

/* !isNaN(parseFloat(s)) */
static bool parses_float(const char *s)
{
    s = skip_space(s);
    if (*s == '+' || *s == '-')
        s++;
    if (strncmp(s, "Infinity", 8) == 0)
        return true;
    return isdigit((unsigned char)*s) || (*s == '.' && isdigit((unsigned char)s[1]));
}

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return true;
}

static int two(const char *s)
{
    return (s[0] - '0') * 10 + (s[1] - '0');
}

/* validateDate: YYYY-MM-DD with a day the month has. */
static bool valid_date(const char *s, size_t n)
{
    if (n != 10 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) || s[7] != '-' ||
        !digits(s + 8, 2))
        return false;
    int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + two(s + 2), month = two(s + 5),
        day = two(s + 8);
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return false;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month == 2)
        return day <= (leap ? 29 : 28);
    if (month == 4 || month == 6 || month == 9 || month == 11)
        return day <= 30;
    return true;
}

/* validateTime: hh:mm:ss(.f+)?(Z|[+|-]hh:mm). */
static bool valid_time(const char *s, size_t n)
{
    if (n < 9 || !digits(s, 2) || s[2] != ':' || !digits(s + 3, 2) || s[5] != ':' ||
        !digits(s + 6, 2))
        return false;
    if (two(s) > 23 || two(s + 3) > 59 || two(s + 6) > 59)
        return false;
    size_t i = 8;
    if (i < n && s[i] == '.') {
        size_t start = ++i;
        while (i < n && isdigit((unsigned char)s[i]))
            i++;
        if (i == start)
            return false;
    }
    if (i + 1 == n && s[i] == 'Z')
        return true;
    if (i + 6 != n || (s[i] != '+' && s[i] != '-' && s[i] != '|'))
        return false;
    const char *z = s + i + 1;
    return digits(z, 2) && two(z) <= 23 && z[2] == ':' && digits(z + 3, 2) && two(z + 3) <= 59;
}

static bool valid_datetime(const char *s)
{
    const char *t = strchr(s, 'T');
    return t && valid_date(s, (size_t)(t - s)) && valid_time(t + 1, strlen(t + 1));
}

static bool email_local_char(char ch)
{
    return isalnum((unsigned char)ch) || (ch && strchr(".!#$%&'*+/=?^_`{|}~-", ch));
}

/* EMAIL_ADDRESS_REGEX of the transformer. */
static bool valid_email(const char *s)
{
    const char *at = strchr(s, '@');
    if (!at || at == s)
        return false;
    for (const char *p = s; p < at; p++)
        if (!email_local_char(*p))
            return false;
    const char *p = at + 1;
    for (;;) { /* one label: [a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])? */
        const char *start = p;
        while (isalnum((unsigned char)*p) || *p == '-')
            p++;
        size_t len = (size_t)(p - start);
        if (len == 0 || len > 63 || start[0] == '-' || p[-1] == '-')
            return false;
        if (*p == '\0')
            return true;
        if (*p != '.')
            return false;
        p++;
    }
}

/* Strict dotted-decimal IPv4 as Node's net.isIPv4. */
static bool valid_ipv4(const char *s)
{
    for (int part = 0; part < 4; part++) {
        const char *start = s;
        int value = 0;
        while (isdigit((unsigned char)*s) && s - start < 3)
            value = value * 10 + (*s++ - '0');
        size_t len = (size_t)(s - start);
        if (len == 0 || value > 255 || (len > 1 && start[0] == '0'))
            return false;
        if (part < 3 && *s++ != '.')
            return false;
    }
    return *s == '\0';
}

/* A small JSON.parse acceptor (bounded depth). */
static const char *json_value(const char *s, int depth);

static const char *json_string(const char *s)
{
    for (s++; *s && *s != '"'; s++) {
        if ((unsigned char)*s < 0x20)
            return NULL;
        if (*s == '\\') {
            s++;
            if (*s == 'u') {
                for (int i = 1; i <= 4; i++)
                    if (!isxdigit((unsigned char)s[i]))
                        return NULL;
                s += 4;
            } else if (!*s || !strchr("\"\\/bfnrt", *s)) {
                return NULL;
            }
        }
    }
    return *s == '"' ? s + 1 : NULL;
}

static const char *json_number(const char *s)
{
    if (*s == '-')
        s++;
    if (*s == '0')
        s++;
    else if (isdigit((unsigned char)*s))
        while (isdigit((unsigned char)*s))
            s++;
    else
        return NULL;
    if (*s == '.') {
        if (!isdigit((unsigned char)*++s))
            return NULL;
        while (isdigit((unsigned char)*s))
            s++;
    }
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '+' || *s == '-')
            s++;
        if (!isdigit((unsigned char)*s))
            return NULL;
        while (isdigit((unsigned char)*s))
            s++;
    }
    return s;
}

static const char *json_ws(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    return s;
}

static const char *json_list(const char *s, int depth, char close, bool pairs)
{
    s = json_ws(s + 1);
    if (*s == close)
        return s + 1;
    for (;;) {
        if (pairs) {
            if (*s != '"' || !(s = json_string(s)))
                return NULL;
            s = json_ws(s);
            if (*s++ != ':')
                return NULL;
        }
        if (!(s = json_value(s, depth + 1)))
            return NULL;
        s = json_ws(s);
        if (*s == close)
            return s + 1;
        if (*s++ != ',')
            return NULL;
        s = json_ws(s);
    }
}

static const char *json_value(const char *s, int depth)
{
    s = json_ws(s);
    if (depth > 64)
        return NULL;
    if (*s == '{' || *s == '[')
        return json_list(s, depth, *s == '{' ? '}' : ']', *s == '{');
    if (*s == '"')
        return json_string(s);
    if (strncmp(s, "true", 4) == 0)
        return s + 4;
    if (strncmp(s, "false", 5) == 0)
        return s + 5;
    if (strncmp(s, "null", 4) == 0)
        return s + 4;
    return json_number(s);
}

static bool valid_json(const char *s)
{
    const char *end = json_value(s, 0);
    return end && *json_ws(end) == '\0';
}

/* /^(true|false)$/i */
static bool is_bool_text(const char *s)
{
    const char *want = tolower((unsigned char)s[0]) == 't' ? "true" : "false";
    size_t n = strlen(want);
    if (strlen(s) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)s[i]) != want[i])
            return false;
    return true;
}

/* Whether text is a valid default for GraphQL type g: 1 yes, 0 no, -1 not
 * known (a validator not reproduced here). */
static int valid_default(const char *g, const char *text)
{
    if (strcmp(g, "String") == 0 || strcmp(g, "ID") == 0)
        return 1;
    if (strcmp(g, "Int") == 0 || strcmp(g, "AWSTimestamp") == 0)
        return parses_int(text);
    if (strcmp(g, "Float") == 0)
        return parses_float(text);
    if (strcmp(g, "Boolean") == 0)
        return is_bool_text(text);
    if (strcmp(g, "AWSJSON") == 0)
        return valid_json(text);
    if (strcmp(g, "AWSDate") == 0)
        return valid_date(text, strlen(text));
    if (strcmp(g, "AWSTime") == 0)
        return valid_time(text, strlen(text));
    if (strcmp(g, "AWSDateTime") == 0)
        return valid_datetime(text);
    if (strcmp(g, "AWSEmail") == 0)
        return valid_email(text);
    if (strcmp(g, "AWSIPAddress") == 0)
        return strchr(text, ':') ? -1 : valid_ipv4(text);
    return -1; /* AWSURL, AWSPhone */
}

static const char *example_of(const char *g)
{
    if (strcmp(g, "Boolean") == 0)
        return "true";
    if (strcmp(g, "AWSJSON") == 0)
        return "'{\"key\":\"value\"}'";
    if (strcmp(g, "AWSDate") == 0)
        return "'2024-01-31'";
    if (strcmp(g, "AWSTime") == 0)
        return "'12:00:00Z'";
    if (strcmp(g, "AWSDateTime") == 0)
        return "'2024-01-31T12:00:00Z'";
    if (strcmp(g, "AWSEmail") == 0)
        return "'someone@example.com'";
    if (strcmp(g, "AWSIPAddress") == 0)
        return "'10.0.0.1'";
    return "0";
}

/* ---- .default() ------------------------------------------------------------ */

/* Why text breaks a GraphQL string literal it is pasted into unescaped
 * (data-schema writes `@default(value: "<text>")`), or NULL. */
static const char *graphql_string_problem(const char *text)
{
    for (const char *p = text; *p; p++) {
        if (*p == '"')
            return "its double quote ends the string early";
        if (*p == '\n' || *p == '\r')
            return "its line break ends the string";
        if (*p == '\\') {
            if (!p[1] || !strchr("\"\\/bfnrtu", p[1]))
                return "its backslash starts an invalid escape";
            p++;
        }
    }
    return NULL;
}

/* The .default(...) call of a field, and whether it is DB-generated (no
 * argument, or undefined). */
static const amp_method *default_call(const amp_field *f, bool *generated)
{
    const amp_method *m = amp_value_method(f->value, "default");
    *generated = m && (m->arg_count == 0 || m->args[0]->kind == AMP_VAL_UNDEFINED);
    return m;
}

typedef enum { PLACE_MODEL, PLACE_CUSTOM, PLACE_ARGUMENT } field_place;

static const char *pk_name(const amp_type *t)
{
    if (!t->has_identifier)
        return "id";
    return t->identifier_count ? t->identifier[0].s : NULL;
}

static void check_default_value(amp_check *c, const amp_schema *s, const amp_type *t,
                                const amp_field *f, const amp_method *m)
{
    const char *pk = pk_name(t);
    if (pk && strcmp(pk, f->name) == 0)
        return; /* dropped: data-primary-key-modifier-ignored */
    if (f->array) {
        amp_schema_report(c, "data-default-invalid", m->name_loc,
                          "%s.%s is a list, and Amplify rejects a default on lists at deploy "
                          "(`The @default directive may only be added to scalar or enum field "
                          "types.`). Remove .default(...), or set the value when you create "
                          "records.",
                          t->name, f->name);
        return;
    }
    char text[512];
    if (!default_text(m->args[0], text, sizeof text))
        return;
    const char *bad = graphql_string_problem(text);
    if (bad) {
        amp_schema_report(c, "data-default-invalid", m->args[0]->loc,
                          "The default of %s.%s renders as \"%s\" inside @default(value: "
                          "\"...\") without escaping, and %s, so the generated GraphQL schema "
                          "does not parse and deployment fails (`Syntax Error`). Use a value "
                          "without it.",
                          t->name, f->name, text, bad);
        return;
    }
    if (!s->engine || strcmp(s->engine, "dynamodb") != 0 || f->kind != AMP_FIELD_SCALAR)
        return; /* SQL: the database decides */
    const char *g = amp_schema_graphql(f->scalar);
    if (!g || valid_default(g, text) != 0)
        return;
    amp_schema_report(c, "data-default-invalid", m->args[0]->loc,
                      "%s.%s is a.%s() (%s), and its default renders as \"%s\", which is not a "
                      "valid %s; Amplify rejects it at deploy (`Default value \"%s\" is not a "
                      "valid %s.`). Use a value of the field's type, e.g. .default(%s).",
                      t->name, f->name, f->scalar, g, text, g, text, g, example_of(g));
}

static void check_default(amp_check *c, const amp_schema *s, const amp_type *t, const char *tname,
                          const amp_field *f, field_place place)
{
    bool generated;
    const amp_method *m = default_call(f, &generated);
    if (!m)
        return;
    if (place == PLACE_ARGUMENT) {
        amp_schema_report(c, "data-default-invalid", m->name_loc,
                          "Argument '%s' of %s has a .default(...), which Amplify renders as "
                          "@default on the argument; deployment fails (`Directive \"@default\" "
                          "may not be used on ARGUMENT_DEFINITION.`). Remove it and apply the "
                          "default in the handler.",
                          f->name, t->name);
        return;
    }
    if (generated) {
        bool pg = s->engine && strcmp(s->engine, "postgresql") == 0;
        const char *g = amp_schema_graphql(f->scalar);
        if (s->engine && !pg)
            amp_schema_report(c, "data-default-db-generated", m->name_loc,
                              ".default() without a value asks the database to generate %s.%s, "
                              "which only PostgreSQL data sources do; Amplify rejects it "
                              "(`DB-generated fields are only supported with PostgreSQL data "
                              "sources.`). Give a value, e.g. .default(0), or remove it.",
                              t->name, f->name);
        else if (pg && f->kind == AMP_FIELD_SCALAR && g && strcmp(g, "Int") != 0)
            amp_schema_report(c, "data-default-db-generated", m->name_loc,
                              "%s.%s is %s, but only Int fields can be DB-generated; Amplify "
                              "rejects it (`Field type %s in field %s cannot be configured as a "
                              "DB-generated field.`). Give a value, or make the field "
                              "a.integer().",
                              t->name, f->name, g, g, f->name);
        return;
    }
    if (place == PLACE_CUSTOM) {
        amp_schema_report(c, "data-default-invalid", m->name_loc,
                          "%s is a custom type, and Amplify rejects defaults outside models at "
                          "deploy (`The @default directive may only be added to object "
                          "definitions annotated with @model.`). Remove .default(...) from %s.",
                          tname, f->name);
        return;
    }
    check_default_value(c, s, t, f, m);
}

/* ---- .validate() ----------------------------------------------------------- */

static void check_validate(amp_check *c, const amp_type *t, const amp_field *f, field_place place)
{
    const amp_method *m = amp_value_method(f->value, "validate");
    if (!m || f->kind != AMP_FIELD_SCALAR)
        return; /* on refs and the like: data-modifier-unavailable */
    if (place == PLACE_ARGUMENT) {
        amp_schema_report(c, "data-validate-invalid", m->name_loc,
                          "Argument '%s' of %s has a .validate(...), which Amplify renders as "
                          "@validate on the argument; deployment fails (`Directive \"@validate\" "
                          "may not be used on ARGUMENT_DEFINITION.`). Validate in the handler "
                          "instead.",
                          f->name, t->name);
        return;
    }
    char id[64];
    snprintf(id, sizeof id, "a.%s", f->scalar);
    const amp_cat_entry *validator = amp_cat_link(amp_catalog_find(id), "validator");
    if (!validator) {
        amp_schema_report(c, "data-validate-invalid", m->name_loc,
                          "%s.%s is a.%s(), which has no validation rules: .validate() works on "
                          "a.string(), a.integer() and a.float() only (TypeScript rejects it "
                          "here). Remove it.",
                          t->name, f->name, f->scalar);
        return;
    }
    const amp_value *fn = m->arg_count ? m->args[0] : NULL;
    const amp_value *body = fn && fn->kind == AMP_VAL_FUNCTION ? fn->body : NULL;
    if (!body || body->kind != AMP_VAL_CALL || !body->str || strncmp(body->str, "$0.", 3) != 0)
        return;
    const char *rule = body->str + 3;
    const amp_cat_entry *first = amp_cat_child(validator, rule);
    if (!first || amp_cat_kind_of(first) != AMP_CAT_METHOD) {
        char list[160] = "";
        for (size_t i = 0, used = 0; i < amp_cat_child_count(validator) && used + 1 < sizeof list;
             i++)
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
                                     amp_cat_name(amp_cat_child_at(validator, i)));
        amp_loc at = body->callee_loc;
        at.start = at.end - (uint32_t)strlen(rule);
        amp_schema_report(c, "data-validate-invalid", at,
                          "v.%s() is not a rule for a.%s() (TypeScript rejects it, and Amplify "
                          "would emit a check that cannot apply); its rules are %s.",
                          rule, f->scalar, list);
        return;
    }
    char label[64];
    snprintf(label, sizeof label, "validation of a.%s()", f->scalar);
    amp_schema_walk(c, body, amp_cat_returns(first), label);
}

/* ---- keys and indexes ------------------------------------------------------ */

/* Why field f cannot be a key, or NULL when it can (or is not known). */
static const char *ineligible(const amp_field *f)
{
    if (is_relationship(f))
        return "a relationship";
    if (f->kind == AMP_FIELD_CUSTOM)
        return "an inline custom type";
    if (f->kind != AMP_FIELD_SCALAR)
        return NULL;
    if (f->array)
        return "a list";
    char id[64];
    snprintf(id, sizeof id, "a.%s", f->scalar);
    const char *ok = amp_cat_attr(amp_catalog_find(id), "index_eligible");
    if (ok && strcmp(ok, "false") == 0)
        return strcmp(f->scalar, "boolean") == 0 ? "a boolean" : "JSON";
    return NULL;
}

static void report_key(amp_check *c, const amp_type *t, const amp_str *key, const amp_field *f,
                       const char *why, const char *where)
{
    amp_diag *d = amp_schema_report(c, "data-key-field-ineligible", key->loc,
                                    "%s.%s is %s and cannot be %s (TypeScript only offers string, "
                                    "number and enum fields there). Use another field, e.g. an "
                                    "a.string() or a.id() copy of it.",
                                    t->name, f->name, why, where);
    amp_relate(c, d, f->name_loc, "%s.%s is declared here", t->name, f->name);
}

static void check_identifier_keys(amp_check *c, const amp_type *t)
{
    for (size_t i = 0; t->has_identifier && i < t->identifier_count; i++) {
        const amp_field *f = amp_schema_field(t, t->identifier[i].s);
        if (!f)
            continue;
        bool is_id = f->kind == AMP_FIELD_SCALAR && f->scalar && strcmp(f->scalar, "id") == 0;
        if (!f->required && !is_id)
            continue; /* data-identifier-not-required says it */
        const char *why = ineligible(f);
        if (why && f->kind != AMP_FIELD_CUSTOM)
            report_key(c, t, &t->identifier[i], f, why, "an identifier field");
    }
}

static void check_index_key(amp_check *c, int si, const amp_type *t, const amp_str *key)
{
    const amp_field *f = amp_schema_field(t, key->s);
    if (!f)
        return;
    const char *why = ineligible(f);
    if (why) {
        report_key(c, t, key, f, why, "a secondary index key");
        return;
    }
    if (f->kind != AMP_FIELD_REF)
        return;
    const amp_type *target = amp_find_type(c->m, si, f->target.s);
    if (!target || target->kind == AMP_TYPE_ENUM || target->kind == AMP_TYPE_UNKNOWN)
        return;
    amp_diag *d = amp_schema_report(
        c, "data-key-field-ineligible", key->loc,
        "%s.%s refers to %s, which is not an enum; Amplify rejects it as a secondary index key "
        "(`The ref field `%s` used in the secondary index of `%s` should refer to an enum "
        "type.`). Index a scalar field instead.",
        t->name, f->name, target->name, f->name, t->name);
    amp_relate(c, d, f->name_loc, "%s.%s is declared here", t->name, f->name);
}

static void check_projection(amp_check *c, const amp_index *ix)
{
    const amp_method *m = amp_value_method(ix->call, "projection");
    if (!m || !m->arg_count || m->args[0]->kind != AMP_VAL_STRING)
        return;
    const char *type = m->args[0]->str;
    bool include = strcmp(type, "INCLUDE") == 0;
    if (!include && strcmp(type, "KEYS_ONLY") != 0 && strcmp(type, "ALL") != 0) {
        static const char *const types[] = {"KEYS_ONLY", "INCLUDE", "ALL"};
        char hint[96];
        amp_schema_hint(hint, sizeof hint, type, types, 3);
        amp_schema_report(c, "data-index-projection-invalid", m->args[0]->loc,
                          "'%s' is not a projection type; use 'KEYS_ONLY', 'INCLUDE' or 'ALL'.%s "
                          "TypeScript rejects it, and Amplify would then project everything.",
                          type, hint);
    } else if (include && m->arg_count < 2) {
        amp_schema_report(c, "data-index-projection-invalid", m->name_loc,
                          ".projection('INCLUDE') needs the attributes to copy into the index, "
                          "e.g. .projection('INCLUDE', ['title', 'status']) (TypeScript rejects "
                          "it without them).");
    } else if (!include && m->arg_count >= 2) {
        amp_schema_report(c, "data-index-projection-invalid", m->args[1]->loc,
                          "Only .projection('INCLUDE', [...]) takes a list of attributes; "
                          "'%s' projects a fixed set (TypeScript rejects the list). Remove it, "
                          "or use 'INCLUDE'.",
                          type);
    }
}

static void check_indexes(amp_check *c, int si, const amp_type *t)
{
    for (size_t i = 0; i < t->index_count; i++) {
        const amp_index *ix = &t->indexes[i];
        check_projection(c, ix);
        if (ix->pk.s)
            check_index_key(c, si, t, &ix->pk);
        for (size_t k = 0; k < ix->sort_key_count; k++) {
            const amp_str *sk = &ix->sort_keys[k];
            if (!sk->s)
                continue;
            check_index_key(c, si, t, sk);
            if (ix->pk.s && strcmp(ix->pk.s, sk->s) == 0) {
                amp_diag *d = amp_schema_report(
                    c, "data-index-sort-key-is-partition-key", sk->loc,
                    "'%s' is this index's partition key, so it cannot also be a sort key "
                    "(TypeScript rejects it, and Amplify fails at deploy: `@index field '%s' "
                    "cannot reference itself.`). Remove it from .sortKeys([...]).",
                    sk->s, sk->s);
                amp_relate(c, d, ix->pk.loc, "the partition key");
            }
        }
    }
}

static void check_disabled_ops(amp_check *c, const amp_type *t)
{
    const amp_cat_entry *e = amp_cat_child(amp_catalog_find("ModelType"), "disableOperations");
    const amp_cat_value *v =
        amp_cat_param_count(e) ? amp_cat_param_value(amp_cat_param_at(e, 0)) : NULL;
    const amp_cat_value *items = amp_cat_value_items(v);
    for (size_t i = 0; items && i < t->disabled_op_count; i++) {
        const amp_str *op = &t->disabled_ops[i];
        if (!op->s || amp_cat_value_enum_contains(items, op->s))
            continue;
        char hint[96];
        amp_schema_hint_enum(hint, sizeof hint, op->s, items);
        amp_schema_report(c, "data-disable-operations-unknown", op->loc,
                          "'%s' is not an operation disableOperations knows (TypeScript rejects "
                          "it, and Amplify renders it as `undefined` in @model).%s Use queries, "
                          "mutations, subscriptions, list, get, create, update, delete, "
                          "onCreate, onUpdate or onDelete.",
                          op->s, hint);
    }
}

/* ---- modifiers dropped on the partition key -------------------------------- */

static void check_primary_key(amp_check *c, const amp_type *t)
{
    const char *pk = pk_name(t);
    const amp_field *f = pk ? amp_schema_field(t, pk) : NULL;
    if (!f || f->kind != AMP_FIELD_SCALAR)
        return;
    bool generated;
    const amp_method *m = default_call(f, &generated);
    const amp_method *v = amp_value_method(f->value, "validate");
    const amp_method *a = t->has_identifier ? NULL : amp_value_method(f->value, "array");
    const amp_method *which[] = {generated ? NULL : m, v, a};
    for (size_t i = 0; i < 3; i++)
        if (which[i])
            amp_schema_report(c, "data-primary-key-modifier-ignored", which[i]->name_loc,
                              "%s.%s is %s's partition key, which Amplify always renders as a "
                              "required `@primaryKey`: its .%s(...) is silently dropped. Remove "
                              "it%s.",
                              t->name, f->name, t->name, which[i]->name,
                              i == 0 ? ", and set the key's value when you create records" : "");
}

/* ---- hasOne ---------------------------------------------------------------- */

static void check_has_one(amp_check *c, const amp_type *t)
{
    for (size_t i = 0; i < t->field_count; i++) {
        const amp_field *f = &t->fields[i];
        const amp_method *m =
            f->kind == AMP_FIELD_HAS_ONE ? amp_value_method(f->value, "required") : NULL;
        if (m)
            amp_schema_report(c, "data-has-one-required", m->name_loc,
                              "%s.%s is a.hasOne(...).required(), which TypeScript accepts but "
                              "Amplify rejects at deploy (`@hasOne fields must not be required.`): "
                              "the related record may not exist yet. Remove .required().",
                              t->name, f->name);
    }
}

/* ---- walking the schema ---------------------------------------------------- */

/* Checks the fields of t, named tname in the GraphQL schema (inline
 * custom types are hoisted as <Type><Field>). */
static void check_fields(amp_check *c, const amp_schema *s, const amp_type *t, const char *tname,
                         field_place place)
{
    for (size_t i = 0; i < t->field_count; i++) {
        const amp_field *f = &t->fields[i];
        if (!f->name)
            continue;
        if (f->kind == AMP_FIELD_CUSTOM && f->inline_type) {
            char a[128], b[128], name[256];
            snprintf(name, sizeof name, "%s%s", amp_schema_capitalize(a, sizeof a, tname),
                     amp_schema_capitalize(b, sizeof b, f->name));
            check_fields(c, s, f->inline_type, name, PLACE_CUSTOM);
            continue;
        }
        check_default(c, s, t, tname, f, place);
        check_validate(c, t, f, place);
    }
}

static void fields_type(amp_check *c, size_t si, const amp_type *t, const void *arg)
{
    (void)arg;
    const amp_schema *s = &c->m->schemas[si];
    switch (t->kind) {
    case AMP_TYPE_MODEL:
        check_fields(c, s, t, t->name, PLACE_MODEL);
        check_identifier_keys(c, t);
        if (!s->sql)
            check_indexes(c, (int)si, t);
        check_disabled_ops(c, t);
        check_primary_key(c, t);
        check_has_one(c, t);
        break;
    case AMP_TYPE_CUSTOM:
        check_fields(c, s, t, t->name, PLACE_CUSTOM);
        break;
    case AMP_TYPE_QUERY:
    case AMP_TYPE_MUTATION:
    case AMP_TYPE_SUBSCRIPTION:
    case AMP_TYPE_GENERATION:
        check_fields(c, s, t, t->name, PLACE_ARGUMENT);
        if (t->returns && t->returns->kind == AMP_FIELD_CUSTOM && t->returns->inline_type) {
            char a[128], name[160];
            snprintf(name, sizeof name, "%sReturnType",
                     amp_schema_capitalize(a, sizeof a, t->name));
            check_fields(c, s, t->returns->inline_type, name, PLACE_CUSTOM);
        }
        break;
    default:
        break;
    }
}

void amp_schema_rules_fields(amp_check *c)
{
    for (size_t si = 0; si < c->m->schema_count; si++) {
        const amp_schema *s = &c->m->schemas[si];
        if (amp_schema_legacy(c, si))
            continue;
        uint64_t context = amp_rules_memo_str(s->sql, s->engine);
        for (size_t i = 0; i < s->type_count; i++)
            amp_rules_memo_type(c, AMP_MEMO_FIELDS, context, si, i, fields_type, NULL);
    }
}
