/*
 * rules_backend_script.c: reads what backend.ts does with the defineBackend
 * result (amp_model.backend_uses) from the syntax of the file that calls
 * defineBackend. Called once by amp_model_build, after the keys are read.
 *
 * The evaluator leaves `backend.<key>...` expressions UNKNOWN: they are CDK
 * objects, not Amplify builders. The backend rules still need a few facts
 * about them: which resource's stack a token comes from
 * (`backend.data.resources.tables['Post'].tableName`), which function a
 * method touches (`backend.fn.addEnvironment(...)`), which stacks
 * `backend.createStack('x')` creates. This reader records every call whose
 * callee is a member chain rooted at the defineBackend variable, or at a
 * top-level const alias of such a chain, with the chains its arguments
 * mention. Only syntax is read: a chain through anything else (a call, a
 * computed key) is not a chain, so nothing is guessed.
 */
#include "../model_internal.h"

#include <stdlib.h>
#include <string.h>

#define MAX_CHAIN 32          /* members followed in one chain */
#define MAX_USES 64           /* chains recorded per call */
#define MAX_CALLS 4096        /* calls recorded per backend */
#define MAX_ARG_NODES 1000000 /* argument nodes looked at per backend */
#define N_CONDITIONAL 14
#define MAX_ARG_TEXT 256   /* longest first argument whose text is kept */
#define MAX_WRITES 1024    /* keys recorded per addOutput call */
#define MAX_WRITE_DEPTH 16 /* object literals followed inside one another */

typedef struct alias {
    const char *name;
    amp_backend_ref ref;
} alias;

/* Field ids of the grammar, looked up once per read. */
typedef struct fields {
    TSFieldId property, object, function, index, arguments, operator_, name, value, declaration,
        key;
} fields;

typedef struct reader {
    amp_model *m;
    fields f;
    uint32_t file;
    const amp_text *text;
    const char *var; /* the const holding the defineBackend result */
    size_t budget;   /* argument nodes left to look at (bounds the work on any input) */
    TSSymbol conditional[N_CONDITIONAL]; /* symbols of conditional_kinds */
    TSSymbol binary, call;
    alias *aliases; /* owned (malloc) */
    size_t alias_count;
} reader;

static bool is_type(TSNode n, const char *type)
{
    return !ts_node_is_null(n) && strcmp(ts_node_type(n), type) == 0;
}

static TSNode field(TSNode n, TSFieldId id)
{
    return ts_node_child_by_field_id(n, id);
}

static TSFieldId field_id(const TSLanguage *lang, const char *name)
{
    return ts_language_field_id_for_name(lang, name, (uint32_t)strlen(name));
}

static void init_fields(fields *f, const TSLanguage *lang)
{
    f->property = field_id(lang, "property");
    f->object = field_id(lang, "object");
    f->function = field_id(lang, "function");
    f->index = field_id(lang, "index");
    f->arguments = field_id(lang, "arguments");
    f->operator_ = field_id(lang, "operator");
    f->name = field_id(lang, "name");
    f->value = field_id(lang, "value");
    f->declaration = field_id(lang, "declaration");
    f->key = field_id(lang, "key");
}

static amp_loc loc_of(const reader *r, TSNode n)
{
    return (amp_loc){r->file, ts_node_start_byte(n), ts_node_end_byte(n)};
}

/* The node's text, or with trim = 1 its text without the first and last
 * byte (a string literal's quotes); arena-owned. */
static const char *text_of(reader *r, TSNode n, uint32_t trim)
{
    uint32_t s = ts_node_start_byte(n) + trim, e = ts_node_end_byte(n);
    e = e >= s + trim ? e - trim : s;
    if (e > r->text->len)
        e = r->text->len;
    if (s > e)
        s = e;
    return amp_arena_strndup(&r->m->arena, r->text->bytes + s, e - s);
}

/* Strips parentheses and type-only wrappers: (x), x as T, x satisfies T, x!. */
static TSNode strip(TSNode n)
{
    for (int i = 0; i < 64 && !ts_node_is_null(n); i++) {
        const char *t = ts_node_type(n);
        if (strcmp(t, "parenthesized_expression") != 0 && strcmp(t, "as_expression") != 0 &&
            strcmp(t, "satisfies_expression") != 0 && strcmp(t, "non_null_expression") != 0)
            break;
        TSNode inner = ts_node_named_child(n, 0);
        if (ts_node_is_null(inner))
            break;
        n = inner;
    }
    return n;
}

/* The content of a string literal (or of a template without substitutions),
 * or NULL. */
static const char *literal(reader *r, TSNode n)
{
    if (is_type(n, "string"))
        return text_of(r, n, 1);
    if (is_type(n, "template_string")) {
        for (uint32_t i = 0; i < ts_node_named_child_count(n); i++)
            if (is_type(ts_node_named_child(n, i), "template_substitution"))
                return NULL;
        return text_of(r, n, 1);
    }
    return NULL;
}

static bool names_alias_or_var(const reader *r, TSNode id);

/* The root identifier of a member chain (without allocating), or a null
 * node when n is not one. */
static TSNode chain_root(const reader *r, TSNode n)
{
    for (int i = 0; i <= MAX_CHAIN; i++) {
        n = strip(n);
        if (is_type(n, "identifier"))
            return n;
        if (!is_type(n, "member_expression") && !is_type(n, "subscript_expression"))
            break;
        n = field(n, r->f.object);
    }
    return (TSNode){0};
}

/* Collects the member names of a chain, last first, and its root
 * identifier. Returns how many members, or -1 when n is not a chain rooted
 * at the backend variable or an alias. */
static int chain_members(reader *r, TSNode n, const char **members, const char **root)
{
    int count = 0;
    TSNode id = chain_root(r, n);
    if (ts_node_is_null(id) || !names_alias_or_var(r, id))
        return -1;
    n = strip(n);
    while (count < MAX_CHAIN) {
        if (is_type(n, "identifier")) {
            *root = text_of(r, n, 0);
            return count;
        }
        const char *name = NULL;
        if (is_type(n, "member_expression")) {
            TSNode p = field(n, r->f.property);
            if (is_type(p, "property_identifier"))
                name = text_of(r, p, 0);
        } else if (is_type(n, "subscript_expression")) {
            name = literal(r, strip(field(n, r->f.index)));
        }
        if (!name)
            return -1;
        members[count++] = name;
        n = strip(field(n, r->f.object));
    }
    return -1;
}

/* True when the identifier node spells the backend variable or an alias. */
static bool names_alias_or_var(const reader *r, TSNode id)
{
    uint32_t s = ts_node_start_byte(id), e = ts_node_end_byte(id);
    if (e > r->text->len || s > e)
        return false;
    const char *p = r->text->bytes + s;
    size_t n = e - s;
    if (r->var && strlen(r->var) == n && memcmp(r->var, p, n) == 0)
        return true;
    for (size_t i = 0; i < r->alias_count; i++)
        if (strlen(r->aliases[i].name) == n && memcmp(r->aliases[i].name, p, n) == 0)
            return true;
    return false;
}

static const alias *find_alias(const reader *r, const char *name)
{
    for (size_t i = r->alias_count; i-- > 0;)
        if (strcmp(r->aliases[i].name, name) == 0)
            return &r->aliases[i];
    return NULL;
}

static int resource_of_key(const amp_model *m, const char *key)
{
    for (size_t i = 0; key && i < m->key_count; i++)
        if (m->keys[i].name && strcmp(m->keys[i].name, key) == 0)
            return m->keys[i].resource;
    return -1;
}

/* Joins base and members[from..0] (stored last first) with '.'. */
static const char *join_path(reader *r, const char *base, const char **members, int from)
{
    size_t n = strlen(base) + 1;
    for (int i = from; i >= 0; i--)
        n += strlen(members[i]) + 1;
    char *out = amp_arena_alloc(&r->m->arena, n);
    if (!out)
        return "";
    size_t j = 0;
    memcpy(out, base, strlen(base));
    j += strlen(base);
    for (int i = from; i >= 0; i--) {
        if (j)
            out[j++] = '.';
        memcpy(out + j, members[i], strlen(members[i]));
        j += strlen(members[i]);
    }
    out[j] = '\0';
    return out;
}

/* True when the backend members make the backend itself the target
 * (backend.stack, backend.createStack, backend.addOutput). */
static bool backend_member(const char *name)
{
    return strcmp(name, "stack") == 0 || strcmp(name, "createStack") == 0 ||
           strcmp(name, "addOutput") == 0;
}

/* Resolves n as a chain rooted at the backend variable or an alias. */
static bool resolve(reader *r, TSNode n, amp_backend_ref *out)
{
    const char *members[MAX_CHAIN], *root = NULL;
    int count = chain_members(r, n, members, &root);
    if (count < 0 || !root)
        return false;
    memset(out, 0, sizeof *out);
    out->loc = loc_of(r, n);
    const alias *a = find_alias(r, root);
    if (a) {
        out->key = a->ref.key;
        out->resource = a->ref.resource;
        out->path = join_path(r, a->ref.path, members, count - 1);
        return true;
    }
    if (!r->var || strcmp(root, r->var) != 0)
        return false;
    if (count == 0 || backend_member(members[count - 1])) {
        out->resource = -1;
        out->path = join_path(r, "", members, count - 1);
        return true;
    }
    out->key = members[count - 1];
    out->resource = resource_of_key(r->m, out->key);
    out->path = join_path(r, "", members, count - 2);
    return true;
}

/* ---- finding the backend variable and the aliases ------------------------ */

/* Calls fn on every top-level variable declarator (exported or not). */
static void each_declarator(reader *r, TSNode root, void (*fn)(reader *, TSNode name, TSNode value))
{
    uint32_t n = ts_node_named_child_count(root);
    for (uint32_t i = 0; i < n; i++) {
        TSNode stmt = ts_node_named_child(root, i);
        if (is_type(stmt, "export_statement"))
            stmt = field(stmt, r->f.declaration);
        if (!is_type(stmt, "lexical_declaration") && !is_type(stmt, "variable_declaration"))
            continue;
        for (uint32_t k = 0; k < ts_node_named_child_count(stmt); k++) {
            TSNode d = ts_node_named_child(stmt, k);
            TSNode name = field(d, r->f.name), value = field(d, r->f.value);
            if (is_type(d, "variable_declarator") && is_type(name, "identifier") &&
                !ts_node_is_null(value))
                fn(r, name, strip(value));
        }
    }
}

static void find_var(reader *r, TSNode name, TSNode value)
{
    const amp_loc *callee = &r->m->backend_calls[0];
    TSNode fn = strip(field(value, r->f.function));
    if (!r->var && is_type(value, "call_expression") && !ts_node_is_null(fn) &&
        ts_node_start_byte(fn) == callee->start)
        r->var = text_of(r, name, 0);
}

static void add_alias(reader *r, TSNode name, TSNode value)
{
    amp_backend_ref ref;
    if (!resolve(r, value, &ref))
        return;
    alias *grown = realloc(r->aliases, (r->alias_count + 1) * sizeof *grown);
    if (!grown)
        return;
    r->aliases = grown;
    r->aliases[r->alias_count].name = text_of(r, name, 0);
    r->aliases[r->alias_count].ref = ref;
    r->alias_count++;
}

/* ---- calls ---------------------------------------------------------------- */

/* The node kinds that make what is below them conditional: a branch, a
 * loop, a function, a ternary, where code may not run. */
static const char *const conditional_kinds[] = {
    "if_statement",        "for_statement",
    "for_in_statement",    "while_statement",
    "do_statement",        "try_statement",
    "switch_statement",    "arrow_function",
    "function_expression", "function_declaration",
    "method_definition",   "ternary_expression",
    "class_body",          "generator_function_declaration",
};

_Static_assert(sizeof conditional_kinds / sizeof conditional_kinds[0] == N_CONDITIONAL,
               "N_CONDITIONAL counts conditional_kinds");

static void init_symbols(reader *r, const TSLanguage *lang)
{
    for (size_t i = 0; i < N_CONDITIONAL; i++)
        r->conditional[i] = ts_language_symbol_for_name(
            lang, conditional_kinds[i], (uint32_t)strlen(conditional_kinds[i]), true);
    r->binary = ts_language_symbol_for_name(lang, "binary_expression", 17, true);
    r->call = ts_language_symbol_for_name(lang, "call_expression", 15, true);
}

/* True when n makes what is below it conditional (also a short-circuit). */
static bool conditional_kind(const reader *r, TSNode n)
{
    TSSymbol sym = ts_node_symbol(n);
    for (size_t i = 0; i < N_CONDITIONAL; i++)
        if (sym == r->conditional[i])
            return true;
    if (sym == r->binary) {
        TSNode op = field(n, r->f.operator_);
        const char *t = ts_node_is_null(op) ? "" : ts_node_type(op);
        return strcmp(t, "&&") == 0 || strcmp(t, "||") == 0 || strcmp(t, "??") == 0;
    }
    return false;
}

/* True for `Stack.of(x)`: x's stack, whose region and account are no
 * reference to x. */
static bool stack_of(reader *r, TSNode n)
{
    TSNode fn = strip(field(n, r->f.function));
    if (!is_type(n, "call_expression") || !is_type(fn, "member_expression"))
        return false;
    TSNode obj = field(fn, r->f.object), prop = field(fn, r->f.property);
    return is_type(obj, "identifier") && strcmp(text_of(r, obj, 0), "Stack") == 0 &&
           strcmp(text_of(r, prop, 0), "of") == 0;
}

/* Records every chain mentioned under args (outermost chains only, none
 * inside Stack.of(...)). */
static void collect_uses(reader *r, TSNode args, amp_backend_call *call)
{
    TSTreeCursor cur = ts_tree_cursor_new(args);
    for (;;) {
        TSNode n = ts_tree_cursor_current_node(&cur);
        if (r->budget == 0) {
            ts_tree_cursor_delete(&cur);
            return;
        }
        r->budget--;
        amp_backend_ref ref;
        bool chain = (is_type(n, "member_expression") || is_type(n, "subscript_expression") ||
                      is_type(n, "identifier")) &&
                     resolve(r, n, &ref);
        if (chain && call->use_count < MAX_USES) {
            amp_backend_ref *slot =
                amp_push(&r->m->arena, (void **)&call->uses, &call->use_count, sizeof *slot);
            if (slot)
                *slot = ref;
        }
        /* A call on a backend chain inside the arguments is recorded as a
         * call of its own: its object counts here, its arguments there. */
        TSNode callee =
            is_type(n, "call_expression") ? strip(field(n, r->f.function)) : (TSNode){0};
        bool nested = !chain && is_type(callee, "member_expression") &&
                      resolve(r, field(callee, r->f.object), &ref);
        if (nested && call->use_count < MAX_USES) {
            amp_backend_ref *slot =
                amp_push(&r->m->arena, (void **)&call->uses, &call->use_count, sizeof *slot);
            if (slot)
                *slot = ref;
        }
        if (!chain && !nested && !stack_of(r, n) && ts_tree_cursor_goto_first_child(&cur))
            continue;
        while (!ts_tree_cursor_goto_next_sibling(&cur)) {
            if (!ts_tree_cursor_goto_parent(&cur)) {
                ts_tree_cursor_delete(&cur);
                return;
            }
        }
    }
}

/* ---- the keys addOutput writes ------------------------------------------- */

/* What value node v certainly is (see amp_write_kind). */
static amp_write_kind write_kind(reader *r, TSNode v)
{
    v = strip(v);
    if (is_type(v, "object"))
        return AMP_WRITE_OBJECT;
    if (is_type(v, "true"))
        return AMP_WRITE_SCALAR;
    if (is_type(v, "string"))
        return ts_node_end_byte(v) - ts_node_start_byte(v) > 2 ? AMP_WRITE_SCALAR : AMP_WRITE_OTHER;
    if (is_type(v, "template_string")) {
        for (uint32_t i = 0; i < ts_node_named_child_count(v); i++)
            if (!is_type(ts_node_named_child(v, i), "template_substitution"))
                return AMP_WRITE_SCALAR; /* literal text: never empty */
        return AMP_WRITE_OTHER;
    }
    if (is_type(v, "number")) {
        const char *t = text_of(r, v, 0);
        char *end = NULL;
        double x = strtod(t, &end);
        return end && *end == '\0' && end != t && x != 0 ? AMP_WRITE_SCALAR : AMP_WRITE_OTHER;
    }
    return AMP_WRITE_OTHER;
}

/* The text of a pair's key, or NULL when it is computed. */
static const char *key_text(reader *r, TSNode key)
{
    if (is_type(key, "property_identifier") || is_type(key, "number"))
        return text_of(r, key, 0);
    return literal(r, key);
}

/* Records the keys of object literal obj, and of the object literals it
 * holds, under prefix; sure is false below a spread or a computed key;
 * *objects numbers the object literals of the call. */
static void read_writes(reader *r, amp_backend_call *call, TSNode obj, const char *prefix,
                        bool sure, uint32_t *objects, int depth)
{
    uint32_t self = (*objects)++, n = ts_node_named_child_count(obj);
    for (uint32_t i = 0; i < n && sure; i++) {
        const char *t = ts_node_type(ts_node_named_child(obj, i));
        if (strcmp(t, "spread_element") == 0 ||
            (strcmp(t, "pair") == 0 && !key_text(r, field(ts_node_named_child(obj, i), r->f.key))))
            sure = false;
    }
    for (uint32_t i = 0; i < n && depth < MAX_WRITE_DEPTH && r->budget > 0; i++, r->budget--) {
        TSNode p = ts_node_named_child(obj, i), key, value = {0};
        if (is_type(p, "pair")) {
            key = field(p, r->f.key);
            value = field(p, r->f.value);
        } else if (is_type(p, "shorthand_property_identifier")) {
            key = p;
        } else {
            continue;
        }
        const char *k = is_type(p, "pair") ? key_text(r, key) : text_of(r, p, 0);
        amp_backend_write *w =
            k && call->write_count < MAX_WRITES
                ? amp_push(&r->m->arena, (void **)&call->writes, &call->write_count, sizeof *w)
                : NULL;
        if (!w)
            continue;
        const char *members[1] = {k};
        *w = (amp_backend_write){.path = join_path(r, prefix, members, 0),
                                 .key = k,
                                 .loc = loc_of(r, key),
                                 .kind = ts_node_is_null(value) ? AMP_WRITE_OTHER
                                                                : write_kind(r, value),
                                 .sure = sure,
                                 .object = self};
        if (w->kind == AMP_WRITE_OBJECT)
            read_writes(r, call, strip(value), w->path, sure, objects, depth + 1);
    }
}

/* Records n when it calls a method on a backend chain; conditional says
 * whether n is inside code that may not run. */
static void read_call(reader *r, TSNode n, bool conditional)
{
    TSNode fn = strip(field(n, r->f.function));
    TSNode prop = field(fn, r->f.property);
    amp_backend_ref on;
    if (!is_type(fn, "member_expression") || !is_type(prop, "property_identifier") ||
        r->m->backend_use_count >= MAX_CALLS || !resolve(r, field(fn, r->f.object), &on))
        return;
    amp_backend_call *call = amp_push(&r->m->arena, (void **)&r->m->backend_uses,
                                      &r->m->backend_use_count, sizeof *call);
    if (!call)
        return;
    call->on = on;
    call->method = text_of(r, prop, 0);
    call->loc = loc_of(r, n);
    call->conditional = conditional;
    TSNode args = field(n, r->f.arguments);
    for (uint32_t i = 0; i < ts_node_named_child_count(args); i++) {
        TSNode a = ts_node_named_child(args, i);
        if (is_type(a, "comment"))
            continue;
        call->first_arg.s = literal(r, strip(a));
        if (call->first_arg.s)
            call->first_arg.loc = loc_of(r, strip(a));
        if (ts_node_end_byte(a) - ts_node_start_byte(a) <= MAX_ARG_TEXT)
            call->first_arg_src = (amp_str){text_of(r, strip(a), 0), loc_of(r, strip(a))};
        if (strcmp(call->method, "addOutput") == 0 && is_type(strip(a), "object")) {
            uint32_t objects = 0;
            read_writes(r, call, strip(a), "", true, &objects, 0);
        }
        break;
    }
    if (!ts_node_is_null(args))
        collect_uses(r, args, call);
}

/* Visits every call expression of the file, in source order, knowing for
 * each whether an enclosing node makes it conditional (one flag per depth of
 * the walk, so no parent walks). */
static void read_calls(reader *r, TSNode root)
{
    size_t depth = 0, cap = 64;
    bool *cond = malloc(cap * sizeof *cond);
    TSTreeCursor cur = ts_tree_cursor_new(root);
    while (cond) {
        TSNode n = ts_tree_cursor_current_node(&cur);
        cond[depth] = (depth > 0 && cond[depth - 1]) || conditional_kind(r, n);
        if (ts_node_symbol(n) == r->call)
            read_call(r, n, cond[depth]);
        if (depth + 1 == cap) {
            bool *grown = realloc(cond, cap * 2 * sizeof *grown);
            if (!grown)
                break;
            cond = grown;
            cap *= 2;
        }
        if (ts_tree_cursor_goto_first_child(&cur)) {
            depth++;
            continue;
        }
        bool more = true;
        while (more && !ts_tree_cursor_goto_next_sibling(&cur)) {
            more = ts_tree_cursor_goto_parent(&cur);
            depth -= more;
        }
        if (!more)
            break;
    }
    ts_tree_cursor_delete(&cur);
    free(cond);
}

void amp_backend_script_read(amp_model *m, const amp_source *sources, size_t count)
{
    if (m->backend_call_count == 0 || m->backend_calls[0].file >= count)
        return;
    reader r = {.m = m, .file = m->backend_calls[0].file, .budget = MAX_ARG_NODES};
    const amp_doc *doc = sources[r.file].doc;
    if (!doc || !doc->tree)
        return;
    r.text = &doc->text;
    init_fields(&r.f, ts_tree_language(doc->tree));
    init_symbols(&r, ts_tree_language(doc->tree));
    TSNode root = ts_tree_root_node(doc->tree);
    each_declarator(&r, root, find_var);
    if (r.var) {
        each_declarator(&r, root, add_alias);
        read_calls(&r, root);
    }
    free(r.aliases);
}
