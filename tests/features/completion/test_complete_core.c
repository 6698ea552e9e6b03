/*
 * test_complete_core.c: the pure completion, hover and signature core
 * (amp_complete.h) on in-memory backends: the lexer's hard cases, chain
 * typing, snippets, model names through the model callback, and broken
 * text. The end-to-end cases (the .ts files in cases/) cover the protocol
 * side.
 */
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
    ts_parser_delete(b->parser);
    memset(b, 0, sizeof *b);
}

static amp_feature_env env_of(backend *b, size_t file, bool snippets)
{
    amp_feature_env env = {&b->docs[file].text, b->sources[file].path, model_of, b, snippets};
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
    AMP_CHECK(amp_complete(&env, at, &c) >= 0);
    dump(&c);
    AMP_CHECK(find(&c, "sayHello") != NULL);
    amp_completion_free(&c);
    drop(&b);
}

int main(void)
{
    AMP_RUN(test_function_names);
    return amp_test_summary();
}
