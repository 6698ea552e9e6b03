/*
 * rules_schema_chain.c: builder method chains checked against the chain
 * typing of the catalogue (schema-db: each method's `once`, `removes`,
 * `restores` and `returns`). TypeScript removes a modifier from a builder's
 * type once it is called (`.required().required()`), some modifiers take
 * others away (`.validate()` after `.array()`), and some builders never
 * offer a method (`a.belongsTo(...).required()`, `.for()` on a query). The
 * walk covers schemas, types, fields, arguments, return types, rules,
 * secondary indexes, handlers and subscription sources.
 */
#include "rules_table_schema.h"

#include <stdio.h>
#include <string.h>

#define MAX_GONE 32

/* Members a chain has taken away so far, and which call took each. The
 * label naming the chain in messages ("a.string(...)", "allow.owner()
 * rule") is label_fmt with label_arg, written only when a report needs it. */
typedef struct chain_state {
    const amp_cat_entry *type;
    const char *label_fmt;
    const char *label_arg;
    const char *gone[MAX_GONE];
    const amp_method *by[MAX_GONE];
    size_t count;
} chain_state;

static int gone_index(const chain_state *st, const char *name)
{
    for (size_t i = 0; i < st->count; i++)
        if (strcmp(st->gone[i], name) == 0)
            return (int)i;
    return -1;
}

static void take_away(chain_state *st, const char *name, const amp_method *by)
{
    if (gone_index(st, name) < 0 && st->count < MAX_GONE) {
        st->gone[st->count] = name;
        st->by[st->count++] = by;
    }
}

static void give_back(chain_state *st, const char *name)
{
    int i = gone_index(st, name);
    if (i < 0)
        return;
    st->count--;
    st->gone[i] = st->gone[st->count];
    st->by[i] = st->by[st->count];
}

/* The methods the type still offers, as ".a(), .b()" into buf. */
static void offered(const chain_state *st, char *buf, size_t cap)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < amp_cat_child_count(st->type) && used + 1 < cap; i++) {
        const amp_cat_entry *e = amp_cat_child_at(st->type, i);
        const char *attr = amp_cat_attr(e, "internal");
        if (amp_cat_kind_of(e) != AMP_CAT_METHOD || gone_index(st, amp_cat_name(e)) >= 0 ||
            (attr && strcmp(attr, "true") == 0))
            continue;
        used +=
            (size_t)snprintf(buf + used, cap - used, "%s.%s()", used ? ", " : "", amp_cat_name(e));
    }
    if (!used)
        snprintf(buf, cap, "no further methods");
}

static const char *label_of(const chain_state *st, char *buf, size_t cap)
{
    snprintf(buf, cap, st->label_fmt, st->label_arg);
    return buf;
}

/* A method the type does not offer at all. */
static void report_absent(amp_check *c, const chain_state *st, const amp_method *m)
{
    char label_buf[128];
    const char *label = label_of(st, label_buf, sizeof label_buf);
    char list[256];
    offered(st, list, sizeof list);
    if (strcmp(m->name, "for") == 0 && (strcmp(amp_cat_id(st->type), "CustomQuery") == 0 ||
                                        strcmp(amp_cat_id(st->type), "CustomMutation") == 0)) {
        amp_schema_report(
            c, "data-modifier-unavailable", m->name_loc,
            ".for() is only for custom subscriptions; Amplify rejects it on %s (`The .for() "
            "modifier function can only be used with a custom subscription.`). Remove it, "
            "or make the operation an a.subscription().",
            label);
        return;
    }
    if (strcmp(m->name, "returns") == 0 &&
        strcmp(amp_cat_id(st->type), "CustomSubscription") == 0) {
        amp_schema_report(
            c, "data-modifier-unavailable", m->name_loc,
            "A subscription takes its return type from its .for() source, so "
            "a.subscription() offers no .returns() (TypeScript rejects it). Remove it.");
        return;
    }
    amp_schema_report(
        c, "data-modifier-unavailable", m->name_loc,
        ".%s() is not a method of %s (TypeScript rejects it, and Amplify may fail with "
        "`%s is not a function`). It offers %s.",
        m->name, label, m->name, list);
}

/* A method taken away earlier in the chain. */
static void report_gone(amp_check *c, const chain_state *st, const amp_method *m,
                        const amp_method *by)
{
    char label_buf[128];
    const char *label = label_of(st, label_buf, sizeof label_buf);
    amp_diag *d;
    if (strcmp(by->name, m->name) == 0) {
        d = amp_schema_report(
            c, "data-modifier-repeated", m->name_loc,
            ".%s() is already called on this %s, and TypeScript allows it only once; "
            "remove one of the calls.",
            m->name, label);
        amp_relate(c, d, by->name_loc, "first .%s() here", by->name);
        return;
    }
    const char *why = strcmp(m->name, "validate") == 0 && strcmp(by->name, "array") == 0
                          ? " List fields cannot be validated."
                      : strcmp(m->name, "default") == 0 && strcmp(by->name, "validate") == 0
                          ? " Call .default(...) before .validate(...)."
                          : "";
    d = amp_schema_report(
        c, "data-modifier-unavailable", m->name_loc,
        ".%s() is no longer offered on this %s after .%s() (TypeScript rejects it).%s", m->name,
        label, by->name, why);
    amp_relate(c, d, by->name_loc, ".%s() here", by->name);
}

/* Walks v's methods from type on. */
static void walk_chain(amp_check *c, const amp_value *v, const amp_cat_entry *type,
                       const char *label_fmt, const char *label_arg)
{
    if (!v || v->kind != AMP_VAL_CALL || !type || v->method_count == 0)
        return;
    chain_state st = {.type = type, .label_fmt = label_fmt, .label_arg = label_arg};
    for (size_t i = 0; i < v->method_count; i++) {
        const amp_method *m = &v->methods[i];
        const amp_cat_entry *e = amp_cat_child(st.type, m->name);
        if (!e || amp_cat_kind_of(e) != AMP_CAT_METHOD) {
            report_absent(c, &st, m);
            return; /* what follows is on an unknown type */
        }
        int g = gone_index(&st, m->name);
        if (g >= 0) {
            report_gone(c, &st, m, st.by[g]);
            continue;
        }
        if (amp_cat_once(e))
            take_away(&st, m->name, m);
        for (size_t k = 0; k < amp_cat_removes_count(e); k++)
            take_away(&st, amp_cat_removes_at(e, k), m);
        for (size_t k = 0; k < amp_cat_restores_count(e); k++)
            give_back(&st, amp_cat_restores_at(e, k));
        const amp_cat_entry *next = amp_cat_returns(e);
        if (next && next != st.type) {
            st.type = next;
            st.count = 0;
        }
    }
}

void amp_schema_walk(amp_check *c, const amp_value *v, const amp_cat_entry *type, const char *label)
{
    walk_chain(c, v, type, "%s", label);
}

/* ---- what to walk -------------------------------------------------------- */

/* A call of a.<name> (or a.handler.<name>, ...) that the catalogue does
 * not know, whose name is a few letters from one it knows: a misspelled
 * builder, which TypeScript rejects and which fails when the schema is
 * built (`a.strin is not a function`). A name far from every known one
 * is left alone: it may be an API newer than the catalogue. */
static void check_known_builder(amp_check *c, const amp_value *v)
{
    const char *dot = strrchr(v->str, '.');
    if (strncmp(v->str, "a.", 2) != 0 || !dot || !dot[1])
        return;
    const amp_cat_entry *ns = amp_catalog_find_n(v->str, (size_t)(dot - v->str));
    size_t n = ns ? amp_cat_child_count(ns) : 0;
    const char *names[128];
    if (n == 0 || n > sizeof names / sizeof names[0])
        return;
    for (size_t i = 0; i < n; i++)
        names[i] = amp_cat_name(amp_cat_child_at(ns, i));
    char hint[96];
    if (!*amp_schema_hint(hint, sizeof hint, dot + 1, names, n))
        return;
    amp_schema_report(c, "data-builder-unknown", v->callee_loc,
                      "%s is not a builder of the data schema: TypeScript rejects it, and the "
                      "schema fails when it is built (`%s is not a function`).%s",
                      v->str, v->str, hint);
}

/* Walks a call whose path names a catalogue function ("a.string"). */
static void walk_builder(amp_check *c, const amp_value *v)
{
    if (!v || v->kind != AMP_VAL_CALL || !v->str)
        return;
    const amp_cat_entry *e = amp_catalog_find(v->str);
    if (!e)
        check_known_builder(c, v);
    if (!e || v->method_count == 0 ||
        (amp_cat_kind_of(e) != AMP_CAT_FUNCTION && amp_cat_kind_of(e) != AMP_CAT_TYPE))
        return;
    walk_chain(c, v, amp_cat_returns(e), "%s(...)", v->str);
}

static void walk_rules(amp_check *c, const char *allow, const char *context, const amp_rule *rules,
                       size_t n)
{
    if (n == 0)
        return;
    const amp_cat_entry *type = amp_catalog_find(allow);
    for (size_t i = 0; i < n; i++) {
        const amp_cat_entry *e = amp_cat_child(type, rules[i].strategy);
        if (!e || (amp_cat_context_count(e) > 0 && !amp_cat_has_context(e, context)))
            continue; /* reported as data-auth-strategy-unavailable */
        walk_chain(c, rules[i].call, amp_cat_returns(e), "allow.%s() rule", rules[i].strategy);
    }
}

static void walk_fields(amp_check *c, const amp_type *t)
{
    for (size_t i = 0; i < t->field_count; i++) {
        const amp_field *f = &t->fields[i];
        walk_builder(c, f->value);
        if (f->kind == AMP_FIELD_SCALAR)
            walk_rules(c, "AllowField", "field", f->rules, f->rule_count);
        else if (f->kind == AMP_FIELD_REF)
            walk_rules(c, "AllowRef", "ref", f->rules, f->rule_count);
        else if (f->kind == AMP_FIELD_HAS_MANY || f->kind == AMP_FIELD_HAS_ONE ||
                 f->kind == AMP_FIELD_BELONGS_TO)
            walk_rules(c, "AllowRef", "relationship", f->rules, f->rule_count);
        else if (f->kind == AMP_FIELD_CUSTOM && f->inline_type)
            walk_fields(c, f->inline_type);
    }
}

/* The a.ref(...) sources of subscription().for(...). */
static void walk_sources(amp_check *c, const amp_type *t)
{
    const amp_method *m = amp_value_method(t->value, "for");
    const amp_value *a0 = m && m->arg_count ? m->args[0] : NULL;
    const amp_value *const *list = &a0;
    size_t n = a0 ? 1 : 0;
    if (a0 && a0->kind == AMP_VAL_ARRAY) {
        list = a0->items;
        n = a0->item_count;
    }
    for (size_t i = 0; i < n; i++)
        walk_builder(c, list[i]);
}

static void walk_type(amp_check *c, const amp_schema *s, const amp_type *t)
{
    if (!(s->sql && t->kind == AMP_TYPE_MODEL)) /* SQL models also take .relationships(...) */
        walk_builder(c, t->value);
    walk_fields(c, t);
    switch (t->kind) {
    case AMP_TYPE_MODEL:
        walk_rules(c, "AllowModel", "model", t->rules, t->rule_count);
        for (size_t i = 0; i < t->index_count; i++)
            amp_schema_walk(c, t->indexes[i].call, amp_catalog_find("IndexBuilder"), "index(...)");
        break;
    case AMP_TYPE_QUERY:
    case AMP_TYPE_MUTATION:
    case AMP_TYPE_SUBSCRIPTION:
    case AMP_TYPE_GENERATION:
        walk_rules(c, "AllowCustomOperation", "custom-operation", t->rules, t->rule_count);
        if (t->returns) {
            walk_builder(c, t->returns->value);
            if (t->returns->kind == AMP_FIELD_CUSTOM && t->returns->inline_type)
                walk_fields(c, t->returns->inline_type);
        }
        for (size_t i = 0; i < t->handler_count; i++)
            walk_builder(c, t->handlers[i].call);
        walk_sources(c, t);
        break;
    case AMP_TYPE_CONVERSATION:
        walk_rules(c, "AllowConversation", "conversation", t->rules, t->rule_count);
        break;
    default:
        break;
    }
}

static void chain_type(amp_check *c, size_t si, const amp_type *t, const void *arg)
{
    (void)arg;
    walk_type(c, &c->m->schemas[si], t);
}

void amp_schema_rules_chain(amp_check *c)
{
    for (size_t si = 0; si < c->m->schema_count; si++) {
        const amp_schema *s = &c->m->schemas[si];
        if (amp_schema_legacy(c, si))
            continue;
        walk_builder(c, s->value);
        walk_rules(c, "AllowSchema", "schema", s->rules, s->rule_count);
        for (size_t i = 0; i < s->type_count; i++)
            amp_rules_memo_type(c, AMP_MEMO_CHAIN, 0, si, i, chain_type, NULL);
    }
}
