/*
 * test_complete_core.c: the pure completion, hover and signature core
 * (amp_complete.h) on in-memory backends: the lexer's hard cases, chain
 * typing, snippets, model names through the model callback, and broken
 * text. The end-to-end cases (the .ts files in cases/) cover the protocol
 * side.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amp_complete.h"
#include "amp_doc.h"
#include "amp_test.h"

/* An in-memory backend: files given as path/text pairs, parsed and modelled. */
typedef struct backend {
    TSParser *parser;
    amp_doc docs[4];
    amp_source sources[4];
    size_t count;
    amp_model *model;
} backend;

static const amp_model *model_of(void *ctx)
{
    return ((backend *)ctx)->model;
}

/* Adds a file; `$0` in text marks the cursor, whose offset goes to *cursor. */
static void add_file(backend *b, const char *path, const char *text, uint32_t *cursor)
{
    char *copy = strdup(text);
    char *mark = strstr(copy, "$0");
    if (mark) {
        if (cursor)
            *cursor = (uint32_t)(mark - copy);
        memmove(mark, mark + 2, strlen(mark + 2) + 1);
    }
    if (!b->parser)
        b->parser = amp_parser_new();
    amp_doc *d = &b->docs[b->count];
    amp_doc_init(d, copy, (uint32_t)strlen(copy), 1, 1u << 20);
    amp_doc_reparse(d, b->parser);
    b->sources[b->count].path = path;
    b->sources[b->count].doc = d;
    b->count++;
    free(copy);
}

static void build(backend *b)
{
    b->model = amp_model_build(b->sources, b->count);
}

static void drop(backend *b)
{
    amp_model_delete(b->model);
    for (size_t i = 0; i < b->count; i++)
        amp_doc_free(&b->docs[i]);
    amp_parser_delete(b->parser);
    memset(b, 0, sizeof *b);
}

static amp_feature_env env_of(backend *b, size_t file, bool snippets)
{
    amp_feature_env env = {&b->docs[file].text, b->sources[file].path, model_of, b, snippets,
                           &b->docs[file]};
    return env;
}

static const amp_citem *find(const amp_completion *c, const char *label)
{
    for (size_t i = 0; i < c->count; i++)
        if (strcmp(c->items[i].label, label) == 0)
            return &c->items[i];
    return NULL;
}

static void dump(const amp_completion *c)
{
    fprintf(stderr, "  context %s, %zu item(s):", c->context, c->count);
    for (size_t i = 0; i < c->count; i++)
        fprintf(stderr, " %s", c->items[i].label);
    fprintf(stderr, "\n");
}

/* Counts model requests: the model must be asked for only when needed. */
typedef struct counting {
    backend *b;
    int calls;
} counting;

static const amp_model *counted_model(void *ctx)
{
    counting *c = ctx;
    c->calls++;
    return c->b->model;
}

/* Completes a one-file data backend whose text holds `$0`. */
static int complete_text(const char *text, bool snippets, amp_completion *c, int *model_calls)
{
    backend b = {0};
    uint32_t at = 0;
    add_file(&b, "/p/amplify/data/resource.ts", text, &at);
    build(&b);
    counting cnt = {&b, 0};
    amp_feature_env env = {&b.docs[0].text, b.sources[0].path, counted_model, &cnt,
                           snippets,        &b.docs[0]};
    int n = amp_complete(&env, at, c);
    if (model_calls)
        *model_calls = cnt.calls;
    drop(&b); /* the items borrow nothing from the backend */
    return n;
}

static const char *BACKEND = "import { defineBackend } from '@aws-amplify/backend';\n"
                             "import { data } from './data/resource';\n"
                             "import { sayHello } from './functions/say-hello/resource';\n"
                             "defineBackend({ data, sayHello });\n";
static const char *FUNCTION = "import { defineFunction } from '@aws-amplify/backend';\n"
                              "export const sayHello = defineFunction({ name: 'say-hello' });\n";

static void test_function_names(void)
{
    backend b = {0};
    uint32_t at = 0;
    add_file(&b, "/p/amplify/backend.ts", BACKEND, NULL);
    add_file(&b, "/p/amplify/data/resource.ts",
             "import { a, defineData } from '@aws-amplify/backend';\n"
             "import { sayHello } from '../functions/say-hello/resource';\n"
             "const schema = a.schema({ hello: a.query().handler(a.handler.function($0)) });\n"
             "export const data = defineData({ schema });\n",
             &at);
    add_file(&b, "/p/amplify/functions/say-hello/resource.ts", FUNCTION, NULL);
    build(&b);
    amp_feature_env env = env_of(&b, 1, false);
    amp_completion c;
    AMP_CHECK(amp_complete(&env, at, &c) == 1);
    const amp_citem *it = find(&c, "sayHello");
    AMP_CHECK(it && it->kind == AMP_CI_RESOURCE && !it->import_text);
    amp_completion_free(&c);
    drop(&b);
}

static void test_auto_import_of_a_function(void)
{
    backend b = {0};
    uint32_t at = 0;
    add_file(&b, "/p/amplify/backend.ts", BACKEND, NULL);
    add_file(&b, "/p/amplify/data/resource.ts",
             "import { a, defineData } from '@aws-amplify/backend';\n"
             "const schema = a.schema({ hello: a.query().handler(a.handler.function($0)) });\n"
             "export const data = defineData({ schema });\n",
             &at);
    add_file(&b, "/p/amplify/functions/say-hello/resource.ts", FUNCTION, NULL);
    build(&b);
    amp_feature_env env = env_of(&b, 1, false);
    amp_completion c;
    AMP_CHECK(amp_complete(&env, at, &c) == 1);
    const amp_citem *it = find(&c, "sayHello");
    AMP_CHECK(it != NULL);
    if (it) {
        AMP_CHECK_STR(it->import_text,
                      "import { sayHello } from '../functions/say-hello/resource';\n");
        AMP_CHECK_INT(it->import_at,
                      strlen("import { a, defineData } from '@aws-amplify/backend';\n"));
    }
    amp_completion_free(&c);
    drop(&b);
}

static void test_model_only_when_needed(void)
{
    amp_completion c;
    int calls = -1;
    complete_text("import { a } from '@aws-amplify/backend';\n"
                  "const s = a.schema({ Post: a.model({ t: a.string().$0 }) });\n",
                  false, &c, &calls);
    AMP_CHECK(find(&c, "required") != NULL);
    AMP_CHECK_INT(calls, 0);
    amp_completion_free(&c);
    complete_text("import { a } from '@aws-amplify/backend';\n"
                  "const s = a.schema({ Post: a.model({ c: a.hasMany('$0') }) });\n",
                  false, &c, &calls);
    AMP_CHECK(find(&c, "Post") != NULL);
    AMP_CHECK_INT(calls, 1);
    amp_completion_free(&c);
}

/* The snippet of option key `label` completed at `$0` of text. */
static void check_key_snippet(const char *text, const char *label, const char *plain,
                              const char *snippet)
{
    amp_completion c;
    complete_text(text, true, &c, NULL);
    const amp_citem *it = find(&c, label);
    AMP_CHECK(it != NULL);
    if (it) {
        AMP_CHECK_STR(it->insert, plain);
        AMP_CHECK_STR(it->snippet, snippet);
    }
    if (!it)
        dump(&c);
    amp_completion_free(&c);
}

static void test_key_snippets(void)
{
    const char *auth = "import { defineAuth } from '@aws-amplify/backend';\n"
                       "export const auth = defineAuth({ loginWith: { $0 } });\n";
    check_key_snippet(auth, "email", "email: ", "email: true");
    const char *mfa = "import { defineAuth } from '@aws-amplify/backend';\n"
                      "export const auth = defineAuth({ multifactor: { $0 } });\n";
    check_key_snippet(mfa, "mode", "mode: ", "mode: '${1|OFF,OPTIONAL,REQUIRED|}'");
    check_key_snippet(mfa, "totp", "totp: ", "totp: ${1|true,false|}");
    const char *fn = "import { defineFunction } from '@aws-amplify/backend';\n"
                     "export const f = defineFunction({ $0 });\n";
    check_key_snippet(fn, "timeoutSeconds", "timeoutSeconds: ", "timeoutSeconds: ${1:3}");
    check_key_snippet(fn, "runtime", "runtime: ", "runtime: ${1|18,20,22,24|}");
    check_key_snippet(fn, "entry", "entry: ", "entry: '${1:./handler.ts}'");
    check_key_snippet(fn, "logging", "logging: ", "logging: { $0 }");
    const char *st = "import { defineStorage } from '@aws-amplify/backend';\n"
                     "export const s = defineStorage({ name: 'x', $0 });\n";
    check_key_snippet(st, "access", "access: ", "access: (${1:allow}) => $0");
    const char *google = "import { defineAuth } from '@aws-amplify/backend';\n"
                         "export const auth = defineAuth({ loginWith: { externalProviders: { "
                         "google: { $0 } } } });\n";
    check_key_snippet(google, "clientId", "clientId: ", "clientId: secret('$1')");
    check_key_snippet(google, "scopes", "scopes: ", "scopes: [$0]");
    const char *dq = "import { defineAuth } from \"@aws-amplify/backend\";\n"
                     "export const auth = defineAuth({ multifactor: { $0 } });\n";
    check_key_snippet(dq, "mode", "mode: ", "mode: \"${1|OFF,OPTIONAL,REQUIRED|}\"");
}

static void test_member_snippets(void)
{
    amp_completion c;
    complete_text("import { a } from '@aws-amplify/backend';\n"
                  "const s = a.schema({ P: a.model({ t: a.string().$0 }) });\n",
                  true, &c, NULL);
    const amp_citem *req = find(&c, "required"), *def = find(&c, "default");
    AMP_CHECK(req && def);
    if (req && def) {
        AMP_CHECK_STR(req->snippet, "required()");
        AMP_CHECK_STR(def->snippet, "default($0)");
        AMP_CHECK_STR(req->insert, "required");
    }
    amp_completion_free(&c);
    complete_text("import { a } from '@aws-amplify/backend';\n"
                  "const s = a.schema({ P: a.model({ t: a.string().$0 }) });\n",
                  false, &c, NULL);
    req = find(&c, "required");
    AMP_CHECK(req && !req->snippet);
    amp_completion_free(&c);
}

/* The context found at `$0` of a data file (copied into ctx). */
static const char *context_at(const char *text, size_t *count, char ctx[32])
{
    amp_completion c;
    complete_text(text, false, &c, NULL);
    snprintf(ctx, 32, "%s", c.context);
    *count = c.count;
    amp_completion_free(&c);
    return ctx;
}

static void test_lexer_hard_cases(void)
{
    size_t n;
    char ctx[32];
    /* a quote inside a regular expression, a comment and a template */
    AMP_CHECK_STR(context_at("import { a } from '@aws-amplify/backend';\n"
                             "const re = /'/; // it's\n"
                             "const t = `it's ${'x'}`;\n"
                             "const s = a.schema({ P: a.model({ t: a.$0 }) });\n",
                             &n, ctx),
                  "member");
    AMP_CHECK(n > 10);
    /* division is not a regular expression */
    AMP_CHECK_STR(context_at("import { a } from '@aws-amplify/backend';\n"
                             "const x = 4 / 2; const y = (1) / 2 / 'q';\n"
                             "const s = a.schema({ P: a.model({ t: a.$0 }) });\n",
                             &n, ctx),
                  "member");
    /* code inside a template expression */
    AMP_CHECK_STR(context_at("import { a } from '@aws-amplify/backend';\n"
                             "const t = `${a.$0}`;\n",
                             &n, ctx),
                  "member");
    /* inside the text of a template, a comment or a number: nothing */
    AMP_CHECK_STR(context_at("const t = `a.$0`;\n", &n, ctx), "none");
    AMP_CHECK_STR(context_at("/* a.$0 */\n", &n, ctx), "none");
    AMP_CHECK_STR(context_at("const n = 12$03;\n", &n, ctx), "none");
    AMP_CHECK_INT(n, 0);
}

static void test_broken_text_never_fails(void)
{
    size_t n;
    char ctx[32];
    /* unterminated comment, template and string at the end */
    context_at("import { a } from '@aws-amplify/backend';\n/* a.$0", &n, ctx);
    AMP_CHECK_INT(n, 0);
    context_at("const t = `${a.schema({$0", &n, ctx);
    context_at("const s = a.schema({ P: a.model({ t: a.hasMany('$0", &n, ctx);
    /* closing brackets that match nothing, and far too deep nesting */
    context_at(")))]]]}}} a.$0", &n, ctx);
    AMP_CHECK(n > 10);
    char *deep = malloc(20000);
    size_t len = 0;
    len += (size_t)sprintf(deep, "import { a } from '@aws-amplify/backend';\n");
    for (int i = 0; i < 3000; i++)
        deep[len++] = i % 2 ? '[' : '(';
    strcpy(deep + len, "a.$0");
    AMP_CHECK_STR(context_at(deep, &n, ctx), "member");
    free(deep);
    /* an offset past the end is the end */
    backend b = {0};
    add_file(&b, "/p/amplify/data/resource.ts", "import { a } from '@aws-amplify/backend';\na.",
             NULL);
    amp_feature_env env = env_of(&b, 0, false);
    amp_completion c;
    AMP_CHECK(amp_complete(&env, 100000, &c) > 10);
    amp_completion_free(&c);
    amp_hover h;
    AMP_CHECK(!amp_hover_at(&env, 100000, &h));
    amp_sighelp sh;
    AMP_CHECK(!amp_signature_at(&env, 100000, &sh));
    drop(&b);
}

static void test_string_over_lines_replaced_on_one_line(void)
{
    amp_completion c;
    const char *text = "import { defineAuth } from '@aws-amplify/backend';\n"
                       "export const auth = defineAuth({ multifactor: { mode: 'O\\\nP$0T' } });\n";
    complete_text(text, false, &c, NULL);
    AMP_CHECK(find(&c, "OPTIONAL") != NULL);
    const char *line2 = strstr(text, "P$0T");
    AMP_CHECK_INT(c.start, (uint32_t)(line2 - text));
    AMP_CHECK_INT(c.end, (uint32_t)(line2 - text) + 2);
    amp_completion_free(&c);
}

static void test_hover_token(void)
{
    amp_text t;
    amp_text_init(&t, "foo('bar', 12) // x", 19);
    uint32_t s, e;
    AMP_CHECK(amp_hover_token(&t, 0, &s, &e) && s == 0 && e == 3);
    AMP_CHECK(amp_hover_token(&t, 2, &s, &e) && s == 0 && e == 3);
    AMP_CHECK(!amp_hover_token(&t, 3, &s, &e));
    AMP_CHECK(amp_hover_token(&t, 4, &s, &e) && s == 4 && e == 9);
    AMP_CHECK(!amp_hover_token(&t, 11, &s, &e)); /* a number */
    AMP_CHECK(!amp_hover_token(&t, 17, &s, &e)); /* a comment */
    amp_text_free(&t);
}

static void test_markdown(void)
{
    AMP_CHECK(amp_cat_markdown(NULL) == NULL);
    char *md = amp_cat_markdown(amp_catalog_find("defineFunction.timeoutSeconds"));
    AMP_CHECK(md && strstr(md, "**Default:** `3`") && strstr(md, "**Range:** 1..900") &&
              strstr(md, "[Amplify docs](https://docs.amplify.aws/"));
    free(md);
    md = amp_cat_markdown(amp_catalog_find("defineAuth.multifactor.mode"));
    AMP_CHECK(md && strstr(md, "`'OPTIONAL'`") && strstr(md, "**Required.**"));
    free(md);
}

static void test_signature_param_range(void)
{
    uint32_t s, e;
    const char *sig = "hasMany(relatedModel: string, references: string | string[]): HasManyField";
    AMP_CHECK(amp_signature_param_range(sig, "references", &s, &e));
    AMP_CHECK_INT(s, 30);
    AMP_CHECK_INT(e, 40);
    /* a name inside another word does not count */
    AMP_CHECK(amp_signature_param_range("function(fn: DefineFunction)", "fn", &s, &e) && s == 9);
    AMP_CHECK(!amp_signature_param_range("required(): ModelField", "value", &s, &e));
    AMP_CHECK(!amp_signature_param_range(NULL, "x", &s, &e));
}

static void test_type_markdown(void)
{
    backend b = {0};
    add_file(&b, "/p/amplify/data/resource.ts",
             "import { a } from '@aws-amplify/backend';\n"
             "const s = a.schema({ Post: a.model({ title: a.string().required() }),\n"
             "  Status: a.enum(['DRAFT', 'LIVE']) });\n",
             NULL);
    build(&b);
    char *md = amp_type_markdown(b.model, "/p/amplify/data/resource.ts", "Post");
    AMP_CHECK(md && strstr(md, "**Post** (model, `amplify/data/resource.ts`)") &&
              strstr(md, "- `title`: string (required)"));
    free(md);
    md = amp_type_markdown(b.model, NULL, "Status");
    AMP_CHECK(md && strstr(md, "`DRAFT`, `LIVE`"));
    free(md);
    AMP_CHECK(amp_type_markdown(b.model, NULL, "Nope") == NULL);
    AMP_CHECK(amp_type_markdown(NULL, NULL, "Post") == NULL);
    drop(&b);
}

/* A list longer than the wire's limit keeps what matches the typed part
 * of the word: the models starting with it first, then those holding it as
 * a subsequence, each in sort order; the rest is dropped and the answer is
 * incomplete. Short lists are left alone. */
static void test_long_lists_are_narrowed(void)
{
    static const char *const kinds[] = {"Post", "Photo", "Tag"};
    char *text = malloc(64 * 1024);
    size_t len = (size_t)sprintf(text, "import { a, defineData } from '@aws-amplify/backend';\n"
                                       "const schema = a.schema({\n");
    for (int i = 0; i < 300; i++)
        len +=
            (size_t)sprintf(text + len, "  %s%03d: a.model({ t: a.string() }),\n", kinds[i % 3], i);
    sprintf(text + len, "  Owner: a.model({ posts: a.hasMany('Po$0', 'ownerId') }),\n});\n"
                        "export const data = defineData({ schema });\n");
    backend b = {0};
    uint32_t at = 0;
    add_file(&b, "/p/amplify/data/resource.ts", text, &at);
    build(&b);
    amp_feature_env env = env_of(&b, 0, false);
    amp_completion c;
    AMP_CHECK(amp_complete(&env, at, &c) >= 301);
    AMP_CHECK(!amp_completion_narrow(&c, &b.docs[0].text, at, 1000)); /* short enough */
    size_t all = c.count;
    AMP_CHECK(amp_completion_narrow(&c, &b.docs[0].text, at, 150));
    AMP_CHECK_INT((int)c.count, 150);
    for (size_t i = 0; i < c.count; i++) {
        const char *want = i < 100 ? "Post" : "Photo";
        if (strncmp(c.items[i].label, want, strlen(want)) != 0)
            fprintf(stderr, "item %zu: %s\n", i, c.items[i].label);
        AMP_CHECK(strncmp(c.items[i].label, want, strlen(want)) == 0);
        AMP_CHECK(i == 0 || i == 100 || strcmp(c.items[i - 1].sort, c.items[i].sort) < 0);
    }
    amp_completion_free(&c);
    /* Everything matches an empty word: the first by sort order, still
     * incomplete. */
    AMP_CHECK(amp_complete(&env, at - 2, &c) == (int)all);
    AMP_CHECK(amp_completion_narrow(&c, &b.docs[0].text, at - 2, 150));
    AMP_CHECK_INT((int)c.count, 150);
    amp_completion_free(&c);
    drop(&b);
    free(text);
}

int main(void)
{
    AMP_RUN(test_function_names);
    AMP_RUN(test_auto_import_of_a_function);
    AMP_RUN(test_model_only_when_needed);
    AMP_RUN(test_key_snippets);
    AMP_RUN(test_member_snippets);
    AMP_RUN(test_lexer_hard_cases);
    AMP_RUN(test_broken_text_never_fails);
    AMP_RUN(test_string_over_lines_replaced_on_one_line);
    AMP_RUN(test_hover_token);
    AMP_RUN(test_markdown);
    AMP_RUN(test_signature_param_range);
    AMP_RUN(test_type_markdown);
    AMP_RUN(test_long_lists_are_narrowed);
    return amp_test_summary();
}
