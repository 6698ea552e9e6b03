/*
 * test_model.c: the semantic model on small in-memory backends: resolution
 * across files, and broken code that still yields a partial model.
 */
#include "amp_model.h"
#include "amp_test.h"

#include <stdlib.h>

typedef struct fixture {
    TSParser *parser;
    amp_doc docs[4];
    amp_source sources[4];
    size_t count;
} fixture;

static void add(fixture *fx, const char *path, const char *text)
{
    amp_doc *d = &fx->docs[fx->count];
    amp_doc_init(d, text, (uint32_t)strlen(text), 1, 1 << 20);
    amp_doc_reparse(d, fx->parser);
    fx->sources[fx->count].path = path;
    fx->sources[fx->count].doc = d;
    fx->count++;
}

static void done(fixture *fx, amp_model *m)
{
    amp_model_delete(m);
    for (size_t i = 0; i < fx->count; i++)
        amp_doc_free(&fx->docs[i]);
    amp_parser_delete(fx->parser);
}

static const amp_type *find_type(const amp_model *m, const char *name)
{
    for (size_t s = 0; s < m->schema_count; s++)
        for (size_t t = 0; t < m->schemas[s].type_count; t++)
            if (strcmp(m->schemas[s].types[t].name, name) == 0)
                return &m->schemas[s].types[t];
    return NULL;
}

static void test_resolves_across_files_and_aliases(void)
{
    fixture fx = {.parser = amp_parser_new()};
    add(&fx, "/p/amplify/backend.ts",
        "import { defineBackend } from '@aws-amplify/backend';\n"
        "import { data as api } from './data/resource.js';\n"
        "import * as fns from './functions';\n"
        "defineBackend({ data: api, worker: fns.worker });\n");
    add(&fx, "/p/amplify/data/resource.ts",
        "import { a as amp, defineData } from '@aws-amplify/backend';\n"
        "import { worker } from '../functions';\n"
        "import * as models from './models';\n"
        "const schema = amp.schema({ ...models, ping: amp.query().returns(amp.string())\n"
        "  .handler(amp.handler.function(worker)).authorization((rules) => [rules.publicApiKey()]) "
        "})\n"
        "  .authorization((allow) => [allow.resource(worker).to(['query'])]);\n"
        "export const data = defineData({ schema });\n");
    add(&fx, "/p/amplify/data/models.ts",
        "import { a } from '@aws-amplify/backend';\n"
        "const base = { title: a.string().required() };\n"
        "export const Post = a.model({ ...base, tags: a.string().array().required(),\n"
        "  comments: a.hasMany('Comment', 'postId') }).authorization((allow) => "
        "allow.owner('oidc'));\n"
        "export { Post as Article };\n");
    add(&fx, "/p/amplify/functions/index.ts",
        "import { defineFunction } from '@aws-amplify/backend';\n"
        "export const worker = defineFunction({ name: 'worker', timeoutSeconds: 30 });\n");
    amp_model *m = amp_model_build(fx.sources, fx.count);
    AMP_CHECK(m != NULL);
    AMP_CHECK(m->has_backend);
    AMP_CHECK_INT(m->key_count, 2);
    AMP_CHECK(m->keys[0].resource >= 0 && m->resources[m->keys[0].resource].kind == AMP_RES_DATA);
    AMP_CHECK(m->keys[1].resource >= 0 &&
              m->resources[m->keys[1].resource].kind == AMP_RES_FUNCTION);
    AMP_CHECK_STR(m->resources[m->keys[1].resource].name, "worker");
    const amp_type *post = find_type(m, "Post");
    const amp_type *article = find_type(m, "Article");
    AMP_CHECK(post && article && post->kind == AMP_TYPE_MODEL);
    AMP_CHECK_INT(post ? post->field_count : 0, 3);
    if (post && post->field_count == 3) {
        AMP_CHECK_STR(post->fields[0].name, "title"); /* from the spread const */
        AMP_CHECK(post->fields[0].required);
        AMP_CHECK(post->fields[1].array && post->fields[1].array_required &&
                  !post->fields[1].required);
        AMP_CHECK_INT(post->fields[2].kind, AMP_FIELD_HAS_MANY);
        AMP_CHECK_STR(post->fields[2].target.s, "Comment");
        AMP_CHECK_INT(post->fields[2].reference_count, 1);
        AMP_CHECK_INT(post->rule_count, 1);
        AMP_CHECK_STR(post->rules[0].strategy, "owner");
        AMP_CHECK_STR(post->rules[0].provider.s, "oidc");
    }
    const amp_type *ping = find_type(m, "ping");
    AMP_CHECK(ping && ping->kind == AMP_TYPE_QUERY && ping->handler_count == 1);
    if (ping && ping->handler_count == 1) {
        int r = amp_model_resource_of(m, ping->handlers[0].function);
        AMP_CHECK(r >= 0 && strcmp(m->resources[r].name, "worker") == 0);
        AMP_CHECK_STR(ping->rules[0].strategy, "publicApiKey"); /* any parameter name */
    }
    AMP_CHECK_INT(m->schema_count, 1);
    AMP_CHECK(m->schemas[0].has_auth && m->schemas[0].rule_count == 1);
    AMP_CHECK(m->schema_count && amp_model_resource_of(m, m->schemas[0].rules[0].resource) >= 0);
    done(&fx, m);
}

static void test_half_typed_code_gives_a_partial_model(void)
{
    static const char *broken[] = {
        "import { a, defineData } from '@aws-amplify/backend';\nexport const data = defineData({",
        "import { a } from '@aws-amplify/backend';\nconst s = a.schema({ Post: a.model({ title: "
        "a.str",
        "import { a } from '@aws-amplify/backend';\nconst s = a.schema({ Post: a.model({ t: "
        "a.string() }), Bad: a.model(",
        "const x = ((((((((((",
        "",
        "import { a } from '@aws-amplify/backend';\nconst s = a.schema({ ...missing, P: "
        "a.model({}).identifier(",
    };
    for (size_t i = 0; i < sizeof broken / sizeof broken[0]; i++) {
        fixture fx = {.parser = amp_parser_new()};
        add(&fx, "/p/amplify/data/resource.ts", broken[i]);
        amp_model *m = amp_model_build(fx.sources, fx.count);
        AMP_CHECK(m != NULL);
        if (i == 2 && m) {
            const amp_type *post = find_type(m, "Post");
            AMP_CHECK(post && post->field_count == 1); /* what was typed before the break */
        }
        done(&fx, m);
    }
}

static void test_cycles_and_deep_nesting_terminate(void)
{
    fixture fx = {.parser = amp_parser_new()};
    add(&fx, "/p/amplify/a.ts",
        "import { b } from './b';\nexport const a = b;\nexport * from './b';\n");
    add(&fx, "/p/amplify/b.ts",
        "import { a } from './a';\nexport const b = a;\nexport * from './a';\n");
    /* A 5000-call builder chain and 3000 nested parentheses. */
    size_t n = 5000;
    char *chain = malloc(n * 12 + 200);
    strcpy(chain, "import { a } from '@aws-amplify/backend';\nconst s = a.schema({ P: a.model({ f: "
                  "a.string()");
    for (size_t i = 0; i < n; i++)
        strcat(chain + strlen(chain) - 1, ".required()");
    strcat(chain, " }) });\nconst d = ");
    for (size_t i = 0; i < 3000; i++)
        strcat(chain + strlen(chain) - 1, "(");
    add(&fx, "/p/amplify/c.ts", chain);
    amp_model *m = amp_model_build(fx.sources, fx.count);
    AMP_CHECK(m != NULL);
    const amp_type *p = m ? find_type(m, "P") : NULL;
    AMP_CHECK(p && p->field_count == 1 && p->fields[0].required);
    done(&fx, m);
    free(chain);
}

int main(void)
{
    AMP_RUN(test_resolves_across_files_and_aliases);
    AMP_RUN(test_half_typed_code_gives_a_partial_model);
    AMP_RUN(test_cycles_and_deep_nesting_terminate);
    return amp_test_summary();
}
