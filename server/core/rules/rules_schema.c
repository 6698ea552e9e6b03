/*
 * rules_schema.c: more data-schema rules: authorization strategies and providers, field modifiers,
 * custom operations, AI routes, defineData options.
 *
 * This file holds the entry point and the helpers the areas share; the
 * rules themselves live in rules_schema_auth.c (authorization),
 * rules_schema_fieldauth.c (field rules on required fields),
 * rules_schema_chain.c (builder method chains), rules_schema_ops.c (custom
 * operations and AI routes), rules_schema_fields.c (field modifiers, keys
 * and indexes), rules_schema_names.c (generated names, duplicate keys, SQL
 * schema methods), rules_schema_define.c (defineData options) and
 * rules_schema_more.c (generated operation names across models, with the
 * list query's plural from rules_schema_plural.c; user-pool rules in a
 * backend without auth).
 * Conditions follow what @aws-amplify/data-schema 1.26 and
 * @aws-amplify/backend-data reject at run time and what their TypeScript
 * types reject; each doc page names its source.
 */
#include "rules_table_schema.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amp_catalog.h"

/* Case-insensitive edit distance, bounded to names of 64 bytes (longer
 * names get a large distance, so no suggestion). */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return 99;
    size_t prev[65], cur[65];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cost =
                tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1]) ? 0 : 1;
            size_t best = prev[j - 1] + cost;
            if (prev[j] + 1 < best)
                best = prev[j] + 1;
            if (cur[j - 1] + 1 < best)
                best = cur[j - 1] + 1;
            cur[j] = best;
        }
        memcpy(prev, cur, (lb + 1) * sizeof *prev);
    }
    return prev[lb];
}

char *amp_schema_hint(char *buf, size_t cap, const char *name, const char *const *cands, size_t n)
{
    buf[0] = '\0';
    size_t limit = strlen(name) / 3 + 1;
    if (limit > 3)
        limit = 3;
    const char *best = NULL;
    size_t best_d = limit + 1;
    for (size_t i = 0; i < n; i++) {
        size_t d = cands[i] ? distance(name, cands[i]) : 99;
        if (d < best_d) {
            best = cands[i];
            best_d = d;
        }
    }
    if (best)
        snprintf(buf, cap, " Did you mean '%s'?", best);
    return buf;
}

char *amp_schema_hint_enum(char *buf, size_t cap, const char *name, const void *cat_value)
{
    size_t n = 0;
    const char *const *list = amp_cat_value_enum(cat_value, &n);
    return amp_schema_hint(buf, cap, name, list, list ? n : 0);
}

const amp_field *amp_schema_field(const amp_type *t, const char *name)
{
    for (size_t i = t->field_count; name && i-- > 0;)
        if (t->fields[i].name && strcmp(t->fields[i].name, name) == 0)
            return &t->fields[i];
    return NULL;
}

bool amp_schema_fields_known(const amp_type *t)
{
    if (t->fields_open)
        return false;
    for (size_t i = 0; i < t->field_count; i++)
        if (t->fields[i].kind == AMP_FIELD_UNKNOWN)
            return false;
    return true;
}

bool amp_schema_group_open(const amp_model *m, int si)
{
    int group = m->schemas[si].combine;
    for (size_t s = 0; s < m->schema_count; s++)
        if (((int)s == si || (group >= 0 && m->schemas[s].combine == group)) && m->schemas[s].open)
            return true;
    return false;
}

const char *amp_schema_graphql(const char *scalar)
{
    char id[64];
    if (!scalar)
        return NULL;
    snprintf(id, sizeof id, "a.%s", scalar);
    return amp_cat_attr(amp_catalog_find(id), "graphql");
}

bool amp_schema_effective_rules(const amp_schema *s, const amp_type *t, const amp_rule **rules,
                                size_t *count, bool *inherited)
{
    *rules = NULL;
    *count = 0;
    *inherited = false;
    if (t->has_auth && !t->rules_known && t->rule_count == 0)
        return false; /* could be empty (schema rules apply) or not */
    if (t->has_auth && t->rule_count > 0) {
        *rules = t->rules;
        *count = t->rule_count;
        return t->rules_known;
    }
    if (s->has_auth && !s->rules_known)
        return false;
    *rules = s->rules;
    *count = s->rule_count;
    *inherited = true;
    return true;
}

/* Parses "1.2.3" (after an optional '=' or 'v'; anything after the third
 * number ignored) into v[3]. Returns the rest, or NULL when not a version. */
static const char *parse_version(const char *s, long v[3])
{
    while (*s == '=' || *s == 'v' || *s == ' ')
        s++;
    for (int i = 0; i < 3; i++) {
        if (!isdigit((unsigned char)*s))
            return NULL;
        char *end;
        v[i] = strtol(s, &end, 10);
        s = end;
        if (i < 2) {
            if (*s != '.')
                return NULL;
            s++;
        }
    }
    return s;
}

static int cmp3(const long a[3], const long b[3])
{
    for (int i = 0; i < 3; i++)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

int amp_schema_version_cmp(const amp_check *c, const char *v)
{
    const char *have = c->env->data_schema_version;
    long base[3], want[3];
    if (!have || !parse_version(v, want))
        return 2;
    char op = *have == '^' || *have == '~' ? *have : 0;
    const char *rest = parse_version(op ? have + 1 : have, base);
    if (!rest || (*rest && *rest != '-' && *rest != '+'))
        return 2; /* a range this does not read: not known */
    if (!op)
        return cmp3(base, want);
    /* ^ and ~ ranges: older only when every version they allow is older. */
    long upper[3] = {base[0], base[1], base[2]};
    if (op == '~' || base[0] == 0) {
        upper[1]++;
        upper[2] = 0;
    } else {
        upper[0]++;
        upper[1] = upper[2] = 0;
    }
    return cmp3(upper, want) <= 0 ? -1 : 2;
}

bool amp_schema_legacy(const amp_check *c, size_t si)
{
    if (amp_schema_version_cmp(c, "1.0.0") < 0)
        return true;
    return c->m->schemas[si].legacy_form;
}

const amp_resource *amp_schema_data_resource(const amp_model *m, size_t si)
{
    int combine = m->schemas[si].combine;
    if (combine >= 0 && (size_t)combine < m->resource_count)
        return &m->resources[combine];
    for (size_t i = 0; i < m->resource_count; i++)
        if (m->resources[i].kind == AMP_RES_DATA && m->resources[i].schema == (int)si)
            return &m->resources[i];
    return NULL;
}

char *amp_schema_capitalize(char *buf, size_t cap, const char *s)
{
    if (!cap)
        return buf;
    /* As snprintf(buf, cap, "%s", s) would copy it (run per type per
     * keystroke: no format to parse). */
    size_t n = s ? strnlen(s, cap - 1) : 0;
    memcpy(buf, s ? s : "", n);
    buf[n] = '\0';
    buf[0] = (char)toupper((unsigned char)buf[0]);
    return buf;
}

amp_diag *amp_schema_report(amp_check *c, const char *code, amp_loc loc, const char *fmt, ...)
{
    if (loc.file >= c->m->file_count)
        return NULL;
    const amp_diag_list *list = &c->out[loc.file];
    /* While a check is recorded, its own findings only (see AMP_TAG_MEMO_DEDUP). */
    bool own = c->recording && loc.file == c->rec_file;
    if (amp_diag_list_has(list, own ? c->rec_start : 0, list->count, loc.start, loc.end, code))
        return NULL;
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    amp_diag *d = amp_report(c, code, loc, "%s", msg);
    if (d && own)
        d->tags |= AMP_TAG_MEMO_DEDUP;
    return d;
}

void amp_rules_schema(amp_check *c)
{
    amp_schema_rules_auth(c);
    amp_schema_rules_fieldauth(c);
    amp_schema_rules_chain(c);
    amp_schema_rules_ops(c);
    amp_schema_rules_fields(c);
    amp_schema_rules_names(c);
    amp_schema_rules_define(c);
    amp_schema_rules_more(c);
}
