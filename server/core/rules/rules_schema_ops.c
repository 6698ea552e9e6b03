/*
 * rules_schema_ops.c: custom operations and AI routes: handler kinds and
 * function handlers, subscription sources, argument and return types,
 * refs to conversation routes and operations, a.ai.model names, generation
 * and conversation inputs, conversation data tools. Conditions follow
 * @aws-amplify/data-schema's SchemaProcessor.ts (validateCustomOperations,
 * generateInputTypes, customOperationToGql) and
 * ai/ConversationSchemaProcessor.ts.
 */
#include "rules_table_schema.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static bool is_operation(const amp_type *t)
{
    return t->kind == AMP_TYPE_QUERY || t->kind == AMP_TYPE_MUTATION ||
           t->kind == AMP_TYPE_SUBSCRIPTION || t->kind == AMP_TYPE_GENERATION;
}

static bool is_relationship(const amp_field *f)
{
    return f->kind == AMP_FIELD_HAS_MANY || f->kind == AMP_FIELD_HAS_ONE ||
           f->kind == AMP_FIELD_BELONGS_TO;
}

static const char *kind_word(amp_type_kind k)
{
    static const char *words[] = {"model",
                                  "custom type",
                                  "enum",
                                  "custom query",
                                  "custom mutation",
                                  "custom subscription",
                                  "generation route",
                                  "conversation route",
                                  "type"};
    return words[k];
}

/* The first argument of the first call of method name on v, or NULL. */
static const amp_value *method_arg(const amp_value *v, const char *name)
{
    const amp_method *m = amp_value_method(v, name);
    return m && m->arg_count ? m->args[0] : NULL;
}

/* ---- handlers ------------------------------------------------------------ */

static const char *brand_of(const amp_handler *h)
{
    if (strcmp(h->kind, "function") == 0)
        return h->async ? "asyncFunctionHandler" : "functionHandler";
    if (strcmp(h->kind, "custom") == 0)
        return "customHandler";
    return h->kind; /* inlineSql, sqlReference */
}

static bool handlers_known(const amp_type *t)
{
    const amp_value *hv = method_arg(t->value, "handler");
    if (hv && hv->kind == AMP_VAL_ARRAY && hv->open)
        return false;
    for (size_t i = 0; i < t->handler_count; i++)
        if (strcmp(t->handlers[i].kind, "unknown") == 0)
            return false;
    return true;
}

/* E32: every handler but function/async function handlers must share one
 * kind with all the others. */
static void check_handler_kinds(amp_check *c, const amp_type *t)
{
    if (t->handler_count < 2 || !handlers_known(t))
        return;
    bool other = false, mixed = false;
    for (size_t i = 0; i < t->handler_count; i++) {
        other |= strcmp(t->handlers[i].kind, "function") != 0;
        mixed |= strcmp(brand_of(&t->handlers[i]), brand_of(&t->handlers[0])) != 0;
    }
    if (!other || !mixed)
        return;
    for (size_t i = 1; i < t->handler_count; i++)
        if (strcmp(t->handlers[i].kind, t->handlers[0].kind) != 0) {
            amp_diag *d = amp_schema_report(
                c, "data-handler-kinds-mixed", t->handlers[i].loc,
                "%s mixes a.handler.%s() with a.handler.%s(); Amplify rejects it (`Field "
                "handlers must be of the same type.`). A pipeline may only combine handlers of "
                "one kind (function handlers may mix with .async() ones).",
                t->name, t->handlers[0].kind, t->handlers[i].kind);
            amp_relate(c, d, t->handlers[0].loc, "the first handler");
            return;
        }
}

static void check_function_name(amp_check *c, size_t si, const amp_type *t, const amp_value *fn)
{
    const amp_resource *r = amp_schema_data_resource(c->m, si);
    if (!r || !r->props || r->props->kind != AMP_VAL_OBJECT || r->props->open)
        return;
    const amp_prop *fns = amp_value_prop(r->props, "functions");
    if (fns && (fns->value->kind != AMP_VAL_OBJECT || fns->value->open))
        return;
    if (fns && amp_value_prop(fns->value, fn->str))
        return;
    const char *names[64];
    size_t n = 0;
    for (size_t i = 0; fns && i < fns->value->prop_count && n < 64; i++)
        names[n++] = fns->value->props[i].key;
    char hint[96];
    amp_schema_hint(hint, sizeof hint, fn->str, names, n);
    amp_diag *d = amp_schema_report(
        c, "data-handler-function-unknown-name", fn->loc,
        "%s's handler names function '%s', which is not a key of defineData({ functions: { ... "
        "} }), so AppSync looks for an existing Lambda function of that exact name outside "
        "Amplify.%s Pass the defineFunction value itself, e.g. a.handler.function(myFunction), "
        "or add it to defineData({ functions: { %s: myFunction } }).",
        t->name, fn->str, hint, fn->str);
    amp_relate(c, d, fns ? fns->key_loc : r->loc,
               fns ? "the functions defineData knows" : "defineData without functions");
}

/* True when fn may be what a.handler.function() needs: a defineFunction
 * value, a name, or something not understood. */
static bool function_ok(const amp_value *fn)
{
    switch (fn->kind) {
    case AMP_VAL_UNKNOWN:
    case AMP_VAL_STRING:
    case AMP_VAL_TEMPLATE:
        return true;
    case AMP_VAL_CALL:
        return fn->str && strcmp(fn->str, "defineFunction") == 0;
    case AMP_VAL_OBJECT:
        return fn->open || amp_value_prop(fn, "getInstance") != NULL;
    default:
        return false;
    }
}

/* E6 and names of defineData({ functions }). */
static void check_function_handlers(amp_check *c, size_t si, const amp_type *t)
{
    for (size_t i = 0; i < t->handler_count; i++) {
        const amp_handler *h = &t->handlers[i];
        if (strcmp(h->kind, "function") != 0)
            continue;
        const amp_value *fn = h->function;
        if (fn && fn->kind == AMP_VAL_STRING) {
            check_function_name(c, si, t, fn);
            continue;
        }
        if (fn && function_ok(fn))
            continue;
        amp_schema_report(c, "data-handler-function-invalid", fn ? fn->loc : h->loc,
                          "a.handler.function() needs a defineFunction(...) value or the name of "
                          "one in defineData({ functions }), but %s gets %s; Amplify rejects it "
                          "(`Invalid value specified for %s handler.function(). Expected: "
                          "defineFunction or string.`).",
                          t->name,
                          !fn                            ? "nothing"
                          : fn->kind == AMP_VAL_CALL     ? "another builder's value"
                          : fn->kind == AMP_VAL_FUNCTION ? "a plain function"
                          : fn->kind == AMP_VAL_OBJECT   ? "an object without getInstance"
                          : fn->kind == AMP_VAL_BUILTIN  ? "an Amplify export that is not called"
                                                         : "a literal",
                          t->name);
    }
}

static void check_sql_handler(amp_check *c, const amp_schema *s, const amp_type *t)
{
    if (!s->engine || strcmp(s->engine, "dynamodb") != 0)
        return;
    for (size_t i = 0; i < t->handler_count; i++)
        if (strcmp(t->handlers[i].kind, "inlineSql") == 0)
            amp_schema_report(c, "data-handler-sql-in-dynamodb", t->handlers[i].loc,
                              "a.handler.inlineSql() only works in a SQL schema "
                              "(configure({ database: { engine: 'postgresql' | 'mysql' } })); in "
                              "this DynamoDB schema Amplify silently drops it, so %s has no "
                              "resolver. Use a.handler.function(...) or a.handler.custom(...).",
                              t->name);
}

/* ---- subscription sources ------------------------------------------------ */

/* What a subscription source resolves to, for comparing return types: a
 * model type, a type returned by ref, or an inline return value. */
typedef struct source_result {
    const void *id; /* NULL when not known */
    amp_loc at;
} source_result;

static const void *mutation_result(const amp_model *m, int si, const amp_type *op)
{
    if (!op->returns || (op->handler_count && op->handlers[op->handler_count - 1].async))
        return NULL;
    if (op->returns->kind == AMP_FIELD_REF)
        return amp_find_type(m, si, op->returns->target.s);
    if (!op->returns->value || op->returns->value->kind == AMP_VAL_UNKNOWN)
        return NULL;
    return op->returns->value;
}

/* E36/E37 on a model or non-model source with .mutations(). Returns false
 * when the source is invalid. */
static bool check_mutations(amp_check *c, const amp_type *t, const amp_value *src,
                            const amp_type *target, amp_str name)
{
    const amp_method *mm = amp_value_method(src, "mutations");
    const amp_value *ops = mm && mm->arg_count ? mm->args[0] : NULL;
    bool empty = ops && ops->kind == AMP_VAL_ARRAY && !ops->open && ops->item_count == 0;
    bool given = mm && !empty;
    if (target->kind == AMP_TYPE_MODEL) {
        if (!mm || empty)
            amp_schema_report(c, "data-subscription-source-invalid", name.loc,
                              "%s listens to model %s without naming its mutations; Amplify "
                              "rejects it (`.mutations() modifier must be used with a Model ref "
                              "subscription source`). Write a.ref('%s').mutations(['create', "
                              "'update', 'delete']) (or the ones you need).",
                              t->name, target->name, target->name);
        for (size_t i = 0; ops && ops->kind == AMP_VAL_ARRAY && i < ops->item_count; i++) {
            const amp_value *op = ops->items[i];
            if (op->kind == AMP_VAL_STRING && strcmp(op->str, "create") != 0 &&
                strcmp(op->str, "update") != 0 && strcmp(op->str, "delete") != 0)
                amp_schema_report(c, "data-subscription-source-invalid", op->loc,
                                  "'%s' is not a model mutation; .mutations([...]) takes "
                                  "'create', 'update' and 'delete' (TypeScript rejects any "
                                  "other).",
                                  op->str);
        }
        return mm && !empty;
    }
    if (!given)
        return true;
    amp_diag *d = amp_schema_report(
        c, "data-subscription-source-invalid", mm->name_loc,
        ".mutations([...]) only applies to a model source, but %s is a %s; Amplify rejects it "
        "(`.mutations() modifier can only be used with a Model ref.`). Remove .mutations(...)%s.",
        target->name, kind_word(target->kind),
        target->kind == AMP_TYPE_MUTATION ? "" : " and listen to a mutation or a model instead");
    amp_relate(c, d, target->name_loc, "%s is declared here", target->name);
    return false;
}

/* Checks one source; fills *res for the return-type comparison. */
static void check_source(amp_check *c, int si, const amp_type *t, const amp_value *src,
                         source_result *res)
{
    res->id = NULL;
    if (!amp_value_is_call(src, "a.ref") || !src->item_count ||
        src->items[0]->kind != AMP_VAL_STRING)
        return;
    amp_str name = {src->items[0]->str, src->items[0]->loc};
    const amp_type *target = amp_find_type(c->m, si, name.s);
    res->at = name.loc;
    if (!target || target->kind == AMP_TYPE_UNKNOWN || target->kind == AMP_TYPE_CONVERSATION)
        return;
    if (!check_mutations(c, t, src, target, name))
        return;
    if (target->kind == AMP_TYPE_MODEL) {
        res->id = target;
    } else if (target->kind == AMP_TYPE_MUTATION) {
        res->id = mutation_result(c->m, si, target);
    } else if (target->kind == AMP_TYPE_CUSTOM || target->kind == AMP_TYPE_ENUM) {
        amp_diag *d = amp_schema_report(
            c, "data-subscription-source-type", name.loc,
            "%s listens to %s, a %s: nothing ever publishes it, and Amplify emits "
            "`@aws_subscribe(mutations: [\"\"])`. Listen to the mutation that returns it, e.g. "
            ".for(a.ref('createThing')), or to a model with .mutations([...]).",
            t->name, target->name, kind_word(target->kind));
        amp_relate(c, d, target->name_loc, "%s is declared here", target->name);
    } else {
        amp_diag *d = amp_schema_report(
            c, "data-subscription-source-invalid", name.loc,
            "%s can only listen to mutations, but %s is a %s; Amplify rejects it (`.for() can "
            "only reference a mutation.`). Point .for() at an a.mutation() or at a model ref "
            "with .mutations([...]).",
            t->name, target->name, kind_word(target->kind));
        amp_relate(c, d, target->name_loc, "%s is declared here", target->name);
    }
}

static void check_subscription(amp_check *c, int si, const amp_type *t)
{
    const amp_value *a0 = method_arg(t->value, "for");
    const amp_value *const *list = &a0;
    size_t n = a0 ? 1 : 0;
    if (a0 && a0->kind == AMP_VAL_ARRAY) {
        list = a0->items;
        n = a0->item_count;
    }
    source_result first = {0};
    bool all_known = !(a0 && a0->kind == AMP_VAL_ARRAY && a0->open);
    for (size_t i = 0; i < n; i++) {
        source_result r;
        check_source(c, si, t, list[i], &r);
        all_known &= r.id != NULL;
        if (!first.id) {
            first = r;
        } else if (all_known && r.id != first.id) {
            amp_diag *d = amp_schema_report(
                c, "data-subscription-return-mismatch", r.at,
                "The sources of %s return different types; Amplify rejects it (`.for() can only "
                "reference resources that have the same return type.`). Listen only to "
                "mutations returning the same type (the same a.ref(...), or one shared const "
                "for an inline type).",
                t->name);
            amp_relate(c, d, first.at, "the first source");
            return;
        }
    }
}

/* ---- arguments, return types, refs ---------------------------------------- */

static bool is_op_kind(amp_type_kind k)
{
    return k == AMP_TYPE_QUERY || k == AMP_TYPE_MUTATION || k == AMP_TYPE_SUBSCRIPTION ||
           k == AMP_TYPE_GENERATION;
}

/* E25: a ref to a model or operation inside a custom type used as input
 * (followed through nested custom types, each once). Returns the bad field. */
static const amp_field *bad_input_field(const amp_model *m, int si, const amp_type *ct,
                                        const amp_type **seen, size_t depth)
{
    if (depth >= 16)
        return NULL;
    for (size_t i = 0; i < depth; i++)
        if (seen[i] == ct)
            return NULL;
    seen[depth] = ct;
    for (size_t i = 0; i < ct->field_count; i++) {
        const amp_field *f = &ct->fields[i];
        const amp_type *target =
            f->kind == AMP_FIELD_REF ? amp_find_type(m, si, f->target.s) : NULL;
        const amp_type *nested = f->kind == AMP_FIELD_CUSTOM ? f->inline_type : NULL;
        if (target && (target->kind == AMP_TYPE_MODEL || is_op_kind(target->kind)))
            return f;
        if (target && target->kind == AMP_TYPE_CUSTOM)
            nested = target;
        const amp_field *bad = nested ? bad_input_field(m, si, nested, seen, depth + 1) : NULL;
        if (bad)
            return bad;
    }
    return NULL;
}

static void check_argument(amp_check *c, int si, const amp_type *t, const amp_field *f)
{
    if (is_relationship(f)) {
        amp_schema_report(c, "data-argument-type-invalid", f->name_loc,
                          "Argument '%s' of %s is a relationship; Amplify rejects it "
                          "(`Unsupported argument type for %s`). Pass the related record's id "
                          "instead, e.g. `%sId: a.id()`.",
                          f->name, t->name, f->name, f->name);
        return;
    }
    const amp_type *ct = f->kind == AMP_FIELD_CUSTOM ? f->inline_type : NULL;
    if (f->kind == AMP_FIELD_REF) {
        const amp_type *target = amp_find_type(c->m, si, f->target.s);
        if (target && (target->kind == AMP_TYPE_MODEL || is_op_kind(target->kind))) {
            amp_diag *d = amp_schema_report(
                c, "data-argument-type-invalid", f->target.loc,
                "Argument '%s' of %s refers to %s, a %s; Amplify rejects it (`Only references "
                "to CustomType and Enum are supported.`). Declare the input as an "
                "a.customType({...}) and refer to that, or pass scalar fields.",
                f->name, t->name, target->name, kind_word(target->kind));
            amp_relate(c, d, target->name_loc, "%s is declared here", target->name);
            return;
        }
        if (target && target->kind == AMP_TYPE_CUSTOM)
            ct = target;
    }
    const amp_type *seen[16];
    const amp_field *bad = ct ? bad_input_field(c->m, si, ct, seen, 0) : NULL;
    if (bad) {
        amp_diag *d = amp_schema_report(
            c, "data-argument-type-invalid", f->kind == AMP_FIELD_REF ? f->target.loc : f->name_loc,
            "Argument '%s' of %s is a custom type whose field '%s' refers to %s, a model or "
            "operation; Amplify rejects it as input (`Only references to CustomType and Enum "
            "are supported.`). Use a separate input custom type without that field.",
            f->name, t->name, bad->name, bad->target.s);
        amp_relate(c, d, bad->target.loc, "the field referring to %s", bad->target.s);
    }
}

/* True when v is something .returns() accepts or that is not understood. */
static bool return_ok(const amp_field *r)
{
    const amp_value *v = r->value;
    if (!v)
        return false;
    if (v->kind == AMP_VAL_UNKNOWN)
        return true;
    if (r->kind == AMP_FIELD_SCALAR || r->kind == AMP_FIELD_REF || r->kind == AMP_FIELD_ENUM ||
        r->kind == AMP_FIELD_CUSTOM)
        return true;
    return false;
}

static void check_returns(amp_check *c, int si, const amp_type *t)
{
    const amp_field *r = t->returns;
    if (!r || (t->handler_count && t->handlers[t->handler_count - 1].async))
        return;
    if (!return_ok(r)) {
        amp_schema_report(c, "data-returns-invalid", r->value ? r->value->loc : r->name_loc,
                          "%s returns %s; Amplify rejects it (`Unrecognized return type on %s`). "
                          ".returns() takes a scalar (a.string()), an a.ref('Type') to a model, "
                          "custom type or enum, an a.customType({...}) or an a.enum([...]).",
                          t->name,
                          !r->value            ? "nothing"
                          : is_relationship(r) ? "a relationship"
                          : r->value->kind == AMP_VAL_OBJECT
                              ? "a plain object (wrap it in a.customType({...}))"
                              : "something that is not a type",
                          t->name);
        return;
    }
    if (r->kind != AMP_FIELD_REF)
        return;
    const amp_type *target = amp_find_type(c->m, si, r->target.s);
    if (target && (is_op_kind(target->kind) || target->kind == AMP_TYPE_CONVERSATION)) {
        amp_diag *d = amp_schema_report(
            c, "data-ref-target-invalid", r->target.loc,
            "%s returns a.ref('%s'), but %s is a %s, not a type; %s Return a model, custom type "
            "or enum.",
            t->name, target->name, target->name, kind_word(target->kind),
            target->kind == AMP_TYPE_CONVERSATION
                ? "Amplify rejects it (`... which is neither a Model, Custom Operation, Custom "
                  "Type, or Enum`)."
                : "the GraphQL schema then names a type that does not exist and deployment fails.");
        amp_relate(c, d, target->name_loc, "%s is declared here", target->name);
    }
}

/* Refs from model and custom type fields to operations or conversations,
 * and refs from arguments to conversations. */
static void check_field_refs(amp_check *c, int si, const amp_type *t, bool args)
{
    for (size_t i = 0; i < t->field_count; i++) {
        const amp_field *f = &t->fields[i];
        if (f->kind == AMP_FIELD_CUSTOM && f->inline_type)
            check_field_refs(c, si, f->inline_type, args);
        if (f->kind != AMP_FIELD_REF)
            continue;
        const amp_type *target = amp_find_type(c->m, si, f->target.s);
        if (!target ||
            (target->kind != AMP_TYPE_CONVERSATION && (args || !is_op_kind(target->kind))))
            continue;
        amp_diag *d = amp_schema_report(
            c, "data-ref-target-invalid", f->target.loc,
            "%s.%s refers to %s, a %s; %s Refer to a custom type or an enum.", t->name, f->name,
            target->name, kind_word(target->kind),
            target->kind == AMP_TYPE_CONVERSATION
                ? "Amplify rejects it (`Invalid ref. ... which is neither a Model, Custom "
                  "Operation, Custom Type, or Enum`)."
                : "the GraphQL schema then names a type that does not exist and deployment fails.");
        amp_relate(c, d, target->name_loc, "%s is declared here", target->name);
    }
}

/* ---- AI routes ------------------------------------------------------------ */

/* The input object of a.generation(...) / a.conversation(...), or NULL. */
static const amp_value *route_input(const amp_type *t)
{
    return t->value && t->value->kind == AMP_VAL_CALL && t->value->item_count ? t->value->items[0]
                                                                              : NULL;
}

static void check_ai_model(amp_check *c, const amp_value *v)
{
    if (!amp_value_is_call(v, "a.ai.model") || !v->item_count ||
        v->items[0]->kind != AMP_VAL_STRING)
        return;
    const amp_value *name = v->items[0];
    const amp_cat_entry *e = amp_catalog_find("a.ai.model");
    const amp_cat_value *pv =
        amp_cat_param_count(e) ? amp_cat_param_value(amp_cat_param_at(e, 0)) : NULL;
    if (!pv || amp_cat_value_enum_contains(pv, name->str))
        return;
    char hint[128];
    amp_schema_hint_enum(hint, sizeof hint, name->str, pv);
    amp_schema_report(c, "data-ai-model-unknown", name->loc,
                      "'%s' is not a model a.ai.model() knows (TypeScript rejects it, and at run "
                      "time the route gets no model id).%s Use one of the names Amplify lists, "
                      "e.g. 'Claude 3.5 Haiku', or { resourcePath: '<bedrock model id>' }.",
                      name->str, hint);
}

/* True when a known literal is falsy in JavaScript. */
static bool falsy(const amp_value *v)
{
    return v->kind == AMP_VAL_NULL || v->kind == AMP_VAL_UNDEFINED ||
           (v->kind == AMP_VAL_STRING && !v->str[0]) || (v->kind == AMP_VAL_BOOL && !v->b) ||
           (v->kind == AMP_VAL_NUMBER && v->num == 0);
}

static void check_route_input(amp_check *c, const amp_type *t)
{
    const amp_value *in = route_input(t);
    bool gen = t->kind == AMP_TYPE_GENERATION;
    if (in && (in->kind != AMP_VAL_OBJECT || in->open))
        return;
    static const char *const keys[] = {"aiModel", "systemPrompt"};
    for (size_t k = 0; k < 2; k++) {
        const amp_prop *p = in ? amp_value_prop(in, keys[k]) : NULL;
        if (p && !falsy(p->value))
            continue;
        amp_loc at = p ? p->value->loc : in ? in->loc : t->value->callee_loc;
        amp_schema_report(c, "data-ai-route-input-missing", at,
                          "%s %s has %s %s; %s Give it, e.g. `%s`.",
                          gen ? "Generation route" : "Conversation route", t->name,
                          p ? "an empty" : "no", keys[k],
                          gen ? "Amplify rejects it (`A Generation Route must include a valid "
                                "input.`)."
                              : "TypeScript rejects it and the route cannot call a model.",
                          k == 0 ? "aiModel: a.ai.model('Claude 3.5 Haiku')"
                                 : "systemPrompt: 'You are a helpful assistant.'");
    }
}

static bool valid_tool_name(const char *s)
{
    size_t n = strlen(s);
    if (n < 1 || n > 64 || !isalpha((unsigned char)s[0]))
        return false;
    for (size_t i = 1; i < n; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '_')
            return false;
    return true;
}

static void check_tool(amp_check *c, const amp_value *def)
{
    if (amp_value_is_call(def, "a.ai.dataTool"))
        def = def->item_count ? def->items[0] : NULL;
    if (!def || def->kind != AMP_VAL_OBJECT || def->open)
        return;
    const amp_prop *name = amp_value_prop(def, "name");
    if (name && name->value->kind == AMP_VAL_STRING && !valid_tool_name(name->value->str))
        amp_schema_report(c, "data-ai-tool-invalid", name->value->loc,
                          "Tool name '%s' is invalid; Amplify rejects it (`Tool name must be "
                          "between 1 and 64 characters, start with a letter, and contain only "
                          "letters, numbers, and underscores.`).",
                          name->value->str);
    const amp_prop *model = amp_value_prop(def, "model");
    const amp_prop *query = amp_value_prop(def, "query");
    const amp_prop *target = model ? model : query;
    if (!target) {
        amp_schema_report(c, "data-ai-tool-invalid", def->loc,
                          "This data tool names neither a model nor a query; Amplify rejects it "
                          "(`Unexpected query was found in tool`). Give `model: a.ref('Post'), "
                          "modelOperation: 'list'` or `query: a.ref('myQuery')`.");
        return;
    }
    const amp_value *v = target->value;
    if (v->kind != AMP_VAL_UNKNOWN && !amp_value_is_call(v, "a.ref"))
        amp_schema_report(c, "data-ai-tool-invalid", v->loc,
                          "The tool's %s must be an a.ref('...'); Amplify rejects anything else "
                          "(`Unexpected %s was found in tool`). Write `%s: a.ref('%s')`.",
                          target->key, target->key, target->key, model ? "Post" : "myQuery");
    if (!model)
        return;
    const amp_prop *op = amp_value_prop(def, "modelOperation");
    if (!op || (op->value->kind == AMP_VAL_STRING && strcmp(op->value->str, "list") != 0))
        amp_schema_report(c, "data-ai-tool-invalid", op ? op->value->loc : model->key_loc,
                          "A model data tool needs `modelOperation: 'list'`, the only operation "
                          "Amplify offers to tools (TypeScript rejects %s).",
                          op ? "any other" : "a model tool without it");
}

static void check_ai_route(amp_check *c, const amp_type *t)
{
    check_route_input(c, t);
    const amp_value *in = route_input(t);
    const amp_prop *model = amp_value_prop(in, "aiModel");
    if (model)
        check_ai_model(c, model->value);
    const amp_prop *tools = t->kind == AMP_TYPE_CONVERSATION ? amp_value_prop(in, "tools") : NULL;
    for (size_t i = 0; tools && tools->value->kind == AMP_VAL_ARRAY && i < tools->value->item_count;
         i++)
        check_tool(c, tools->value->items[i]);
}

/* ---- entry point ---------------------------------------------------------- */

void amp_schema_rules_ops(amp_check *c)
{
    for (size_t si = 0; si < c->m->schema_count; si++) {
        const amp_schema *s = &c->m->schemas[si];
        if (amp_schema_legacy(c, si))
            continue;
        for (size_t i = 0; i < s->type_count; i++) {
            const amp_type *t = &s->types[i];
            if (t->kind == AMP_TYPE_MODEL || t->kind == AMP_TYPE_CUSTOM)
                check_field_refs(c, (int)si, t, false);
            if (t->kind == AMP_TYPE_GENERATION || t->kind == AMP_TYPE_CONVERSATION)
                check_ai_route(c, t);
            if (!is_operation(t))
                continue;
            check_handler_kinds(c, t);
            check_function_handlers(c, si, t);
            check_sql_handler(c, s, t);
            if (t->kind == AMP_TYPE_SUBSCRIPTION)
                check_subscription(c, (int)si, t);
            check_returns(c, (int)si, t);
            check_field_refs(c, (int)si, t, true);
            for (size_t a = 0; a < t->field_count; a++)
                check_argument(c, (int)si, t, &t->fields[a]);
        }
    }
}
