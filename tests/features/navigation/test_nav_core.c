/*
 * test_nav_core.c: the pure navigation core (amp_nav.h) on small in-memory
 * backends: hover text, shorthand and namespace renames, query matching and
 * broken code. The LSP side is covered by the fixture cases (cases/).
 */
#include "amp_nav.h"
#include "amp_test.h"

#include <stdlib.h>

#define MAX_FILES 6

typedef struct fixture {
    TSParser *parser;
    amp_doc docs[MAX_FILES];
    amp_source sources[MAX_FILES];
    const amp_text *texts[MAX_FILES];
    size_t count;
    amp_model *m;
    amp_nav_index *ix;
} fixture;

static void add(fixture *fx, const char *path, const char *text)
{
    amp_doc *d = &fx->docs[fx->count];
    amp_doc_init(d, text, (uint32_t)strlen(text), 1, 1 << 20);
    amp_doc_reparse(d, fx->parser);
    fx->sources[fx->count].path = path;
    fx->sources[fx->count].doc = d;
    fx->texts[fx->count] = &d->text;
    fx->count++;
}

static void build(fixture *fx)
{
    fx->m = amp_model_build(fx->sources, fx->count);
    fx->ix = amp_nav_index_build(fx->m, fx->texts);
}

static void done(fixture *fx)
{
    amp_nav_index_delete(fx->ix);
    amp_model_delete(fx->m);
    for (size_t i = 0; i < fx->count; i++)
        amp_doc_free(&fx->docs[i]);
    amp_parser_delete(fx->parser);
}

/* The offset of the nth (0-based) occurrence of needle in file f, plus skip. */
static uint32_t at(const fixture *fx, uint32_t f, const char *needle, int nth, uint32_t skip)
{
    const char *text = fx->docs[f].text.bytes, *p = text;
    for (int i = 0; p; i++) {
        p = strstr(p, needle);
        if (!p || i == nth)
            break;
        p++;
    }
    return p ? (uint32_t)(p - text) + skip : 0;
}

static bool has(const char *haystack, const char *needle)
{
    bool ok = haystack && strstr(haystack, needle);
    if (!ok)
        fprintf(stderr, "missing \"%s\" in:\n%s\n", needle, haystack ? haystack : "(null)");
    return ok;
}

static const char BACKEND[] = "import { defineBackend } from '@aws-amplify/backend';\n"
                              "import { auth } from './auth/resource';\n"
                              "import { data } from './data/resource';\n"
                              "import { media } from './storage/resource';\n"
                              "import { wordCount } from './functions/resource';\n"
                              "defineBackend({ auth, data, media, counter: wordCount });\n";

static const char DATA[] =
    "import { a, defineData } from '@aws-amplify/backend';\n"
    "import { wordCount } from '../functions/resource';\n"
    "const schema = a.schema({\n"
    "  Post: a.model({\n"
    "    title: a.string().required(),\n"
    "    comments: a.hasMany('Comment', 'postId'),\n"
    "  }).authorization((allow) => [allow.owner(), allow.group('ADMINS').to(['read'])]),\n"
    "  Comment: a.model({\n"
    "    postId: a.id(),\n"
    "    post: a.belongsTo('Post', 'postId'),\n"
    "  }).authorization((allow) => [allow.ownerDefinedIn('author')]),\n"
    "  countWords: a.query().returns(a.integer()).handler(a.handler.function(wordCount)),\n"
    "}).authorization((allow) => [allow.resource(wordCount).to(['query'])]);\n"
    "export const data = defineData({ schema });\n";

static const char AUTH[] = "import { defineAuth } from '@aws-amplify/backend';\n"
                           "export const auth = defineAuth({ loginWith: { email: true }, groups: "
                           "['ADMINS'] });\n";

static const char STORAGE[] =
    "import { defineStorage } from '@aws-amplify/backend';\n"
    "import { wordCount } from '../functions/resource';\n"
    "export const media = defineStorage({\n"
    "  name: 'media',\n"
    "  access: (allow) => ({\n"
    "    'admin/*': [allow.groups(['ADMINS']).to(['read', 'write']), allow.guest.to(['read'])],\n"
    "    'jobs/*': [allow.resource(wordCount).to(['read'])],\n"
    "  }),\n"
    "});\n";

static const char FUNCTIONS[] = "import { defineFunction } from '@aws-amplify/backend';\n"
                                "export const wordCount = defineFunction({ name: 'word-count', "
                                "timeoutSeconds: 10 });\n";

static void blog(fixture *fx)
{
    fx->parser = amp_parser_new();
    add(fx, "/p/amplify/backend.ts", BACKEND);
    add(fx, "/p/amplify/data/resource.ts", DATA);
    add(fx, "/p/amplify/auth/resource.ts", AUTH);
    add(fx, "/p/amplify/storage/resource.ts", STORAGE);
    add(fx, "/p/amplify/functions/resource.ts", FUNCTIONS);
    build(fx);
}

static void test_hover_model_and_fields(void)
{
    fixture fx = {0};
    blog(&fx);
    amp_loc range;
    const char *md = amp_nav_hover(fx.ix, 1, at(&fx, 1, "Post: a.model", 0, 1), &range);
    AMP_CHECK(has(md, "type Post @model {"));
    AMP_CHECK(has(md, "  title: String!\n"));
    AMP_CHECK(has(md, "  comments: [Comment]  # hasMany, references postId\n"));
    AMP_CHECK(has(md, "  id: ID!  # implicit\n"));
    AMP_CHECK(has(md, "  owner: String  # implicit\n"));
    AMP_CHECK(has(md, "**identifier**: `id`"));
    AMP_CHECK(has(md, "**authorization**: owner · group ADMINS: read"));
    AMP_CHECK_INT(range.start, at(&fx, 1, "Post: a.model", 0, 0));
    /* The reference string 'postId' in Post.comments: the field of Comment. */
    md = amp_nav_hover(fx.ix, 1, at(&fx, 1, "'postId'", 0, 2), &range);
    AMP_CHECK(has(md, "postId: ID\n"));
    AMP_CHECK(has(md, "field of model `Comment`"));
    AMP_CHECK(has(md, "**referenced by**: `Post.comments` (hasMany), `Comment.post` (belongsTo)"));
    /* A relationship field. */
    md = amp_nav_hover(fx.ix, 1, at(&fx, 1, "post:", 0, 1), &range);
    AMP_CHECK(has(md, "**belongsTo** `Post` references `postId`"));
    /* The implicit field ownerDefinedIn implies shows in the model. */
    md = amp_nav_hover(fx.ix, 1, at(&fx, 1, "Comment: a.model", 0, 1), &range);
    AMP_CHECK(has(md, "  author: String  # implicit\n"));
    done(&fx);
}

static void test_hover_function_group_and_storage_path(void)
{
    fixture fx = {0};
    blog(&fx);
    amp_loc range;
    const char *md = amp_nav_hover(fx.ix, 1, at(&fx, 1, "function(wordCount)", 0, 10), &range);
    AMP_CHECK(has(md, "**function** `wordCount` (defineFunction)"));
    AMP_CHECK(has(md, "name: `'word-count'` · timeoutSeconds: `10`"));
    AMP_CHECK(has(md, "- defineBackend key `counter`"));
    AMP_CHECK(has(md, "- handler of `countWords`"));
    AMP_CHECK(has(md, "- allow.resource `wordCount`: query in the schema authorization"));
    AMP_CHECK(has(md, "- storage path `jobs/*`: resource wordCount: read"));
    md = amp_nav_hover(fx.ix, 2, at(&fx, 2, "ADMINS", 0, 1), &range);
    AMP_CHECK(has(md, "**group** `ADMINS` (user-pool group of defineAuth)"));
    AMP_CHECK(has(md, "**used by**: `Post`, storage `media` `admin/*`"));
    md = amp_nav_hover(fx.ix, 3, at(&fx, 3, "admin/*", 0, 1), &range);
    AMP_CHECK(has(md, "**storage path** `admin/*` of `media`"));
    AMP_CHECK(has(md, "- groups ADMINS: read, write\n- guest: read"));
    AMP_CHECK(amp_nav_hover(fx.ix, 1, at(&fx, 1, "a.string", 0, 3), &range) == NULL);
    done(&fx);
}

static void test_rename_shorthand_key(void)
{
    fixture fx = {.parser = amp_parser_new()};
    add(&fx, "/p/amplify/data/resource.ts",
        "import { a } from '@aws-amplify/backend';\n"
        "const Post = a.model({ title: a.string() });\n"
        "const Comment = a.model({ post: a.belongsTo('Post', 'postId'), postId: a.id() });\n"
        "const schema = a.schema({ Post, Comment });\n");
    build(&fx);
    amp_nav_edit *edits = NULL;
    size_t count = 0;
    char err[256] = "";
    int rc = amp_nav_rename(fx.ix, 0, at(&fx, 0, "'Post'", 0, 2), "Article", &edits, &count, err,
                            sizeof err);
    AMP_CHECK_INT(rc, 0);
    AMP_CHECK_INT(count, 2);
    if (count == 2) {
        AMP_CHECK_INT(edits[0].loc.start, at(&fx, 0, "'Post'", 0, 1));
        AMP_CHECK_STR(edits[0].text, "Article");
        AMP_CHECK_INT(edits[1].loc.start, at(&fx, 0, "{ Post,", 0, 2));
        AMP_CHECK_STR(edits[1].text, "Article: Post"); /* the const keeps its name */
    }
    done(&fx);
}

static void test_export_named_model_is_not_renamed(void)
{
    fixture fx = {.parser = amp_parser_new()};
    add(&fx, "/p/amplify/data/resource.ts",
        "import { a } from '@aws-amplify/backend';\n"
        "import * as models from './models';\n"
        "const schema = a.schema({ ...models, Line: a.model({ order: a.belongsTo('Sale', 'id'), "
        "item: a.belongsTo('Item', 'id') }) });\n");
    add(&fx, "/p/amplify/data/models.ts",
        "import { a } from '@aws-amplify/backend';\n"
        "const Order = a.model({ id: a.id() });\n"
        "export { Order as Sale };\n"
        "export const Item = a.model({ sale: a.belongsTo('Sale', 'id'), id: a.id() });\n");
    build(&fx);
    amp_loc range;
    const char *placeholder = NULL;
    char err[256] = "";
    int rc = amp_nav_prepare_rename(fx.ix, 0, at(&fx, 0, "'Sale'", 0, 2), &range, &placeholder, err,
                                    sizeof err);
    AMP_CHECK_INT(rc, -1);
    AMP_CHECK(has(err, "cannot rename model 'Sale'"));
    /* Definition still goes to the const that defines it. */
    amp_nav_target t;
    AMP_CHECK(amp_nav_definition(fx.ix, 0, at(&fx, 0, "'Sale'", 0, 2), &t));
    AMP_CHECK_INT(t.selection.file, 1);
    AMP_CHECK_INT(t.selection.start, at(&fx, 1, "Order =", 0, 0));
    /* A model named by its exported const: the const is its definition, but
     * renaming it would break other imports of the const. */
    rc = amp_nav_prepare_rename(fx.ix, 0, at(&fx, 0, "'Item'", 0, 2), &range, &placeholder, err,
                                sizeof err);
    AMP_CHECK_INT(rc, -1);
    AMP_CHECK(has(err, "cannot rename model 'Item'"));
    rc = amp_nav_prepare_rename(fx.ix, 1, at(&fx, 1, "Item", 0, 1), &range, &placeholder, err,
                                sizeof err);
    AMP_CHECK_INT(rc, 1); /* the const itself: the TypeScript server's */
    done(&fx);
}

static void test_query_matching(void)
{
    AMP_CHECK(amp_nav_query_matches("", "Post"));
    AMP_CHECK(amp_nav_query_matches("pst", "Post"));
    AMP_CHECK(amp_nav_query_matches("POST", "Post"));
    AMP_CHECK(!amp_nav_query_matches("postx", "Post"));
    AMP_CHECK(!amp_nav_query_matches("tsop", "Post"));
}

static void test_broken_code_and_empty_models(void)
{
    static const char *broken[] = {
        "import { a } from '@aws-amplify/backend';\nconst s = a.schema({ Post: a.model({ c: "
        "a.hasMany('",
        "import { a } from '@aws-amplify/backend';\nconst s = a.schema({ P: "
        "a.model({}).identifier(["
        "'x', ",
        "",
        "defineBackend({ x: ",
    };
    for (size_t i = 0; i < sizeof broken / sizeof broken[0]; i++) {
        fixture fx = {.parser = amp_parser_new()};
        add(&fx, "/p/amplify/data/resource.ts", broken[i]);
        build(&fx);
        AMP_CHECK(fx.ix != NULL);
        uint32_t len = fx.docs[0].text.len;
        for (uint32_t off = 0; fx.ix && off <= len; off++) {
            amp_loc range;
            amp_nav_target t;
            amp_nav_hover(fx.ix, 0, off, &range);
            amp_nav_definition(fx.ix, 0, off, &t);
        }
        size_t n = 0;
        if (fx.ix) {
            amp_nav_document_symbols(fx.ix, 0, &n);
            amp_nav_semantic_tokens(fx.ix, 0, &n);
            amp_nav_inlay_hints(fx.ix, 0, 0, len, &n);
        }
        done(&fx);
    }
    amp_nav_index *none = amp_nav_index_build(NULL, NULL);
    AMP_CHECK(none && none->sym_count == 0);
    amp_nav_index_delete(none);
}

int main(void)
{
    AMP_RUN(test_hover_model_and_fields);
    AMP_RUN(test_hover_function_group_and_storage_path);
    AMP_RUN(test_rename_shorthand_key);
    AMP_RUN(test_export_named_model_is_not_renamed);
    AMP_RUN(test_query_matching);
    AMP_RUN(test_broken_code_and_empty_models);
    return amp_test_summary();
}
