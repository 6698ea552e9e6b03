/*
 * test_model_incremental.c: a model rebuilt from the previous one after an
 * edit (amp_model_rebuild, which keeps the values of files that did not
 * change) equals a model built afresh from the same texts: the whole
 * dump-model JSON and every name site, on every fixture project, after
 * edits that shift offsets, change values and undo, in one file after
 * another, so rebuilds chain and keep arenas up to their limit. The rules
 * find the same on both (the incremental model replays per-type findings
 * its predecessors recorded, shifted: rules_memo.c). Run under
 * AddressSanitizer, it also proves no value points into a freed arena.
 *
 * Usage: test_model_incremental PROJECTS_DIR
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "amp_model.h"
#include "amp_model_json.h"
#include "amp_rules.h"
#include "amp_test.h"

#define MAX_FILES 64

typedef struct project {
    TSParser *parser;
    char *paths[MAX_FILES];
    char *original[MAX_FILES];
    amp_doc docs[MAX_FILES];
    amp_source sources[MAX_FILES];
    size_t count;
} project;

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    if (buf)
        buf[n] = '\0';
    fclose(f);
    return buf;
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Collects the .ts files under dir (not node_modules), sorted, backend.ts first. */
static void collect(project *p, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) && p->count < MAX_FILES) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "node_modules") == 0)
            continue;
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        char *path = malloc(n);
        snprintf(path, n, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            collect(p, path);
            free(path);
        } else if (has_suffix(path, ".ts") && !has_suffix(path, ".d.ts")) {
            p->paths[p->count++] = path;
        } else {
            free(path);
        }
    }
    closedir(d);
}

static int cmp_path(const void *x, const void *y)
{
    const char *a = *(char *const *)x, *b = *(char *const *)y;
    bool ba = has_suffix(a, "/backend.ts"), bb = has_suffix(b, "/backend.ts");
    if (ba != bb)
        return ba ? -1 : 1;
    return strcmp(a, b);
}

static void load(project *p, const char *dir)
{
    memset(p, 0, sizeof *p);
    p->parser = amp_parser_new();
    collect(p, dir);
    qsort(p->paths, p->count, sizeof *p->paths, cmp_path);
    for (size_t i = 0; i < p->count; i++) {
        p->original[i] = read_all(p->paths[i]);
        const char *text = p->original[i] ? p->original[i] : "";
        amp_doc_init(&p->docs[i], text, (uint32_t)strlen(text), 1, 1 << 24);
        amp_doc_reparse(&p->docs[i], p->parser);
        p->sources[i].path = p->paths[i];
        p->sources[i].doc = &p->docs[i];
    }
}

static void unload(project *p)
{
    for (size_t i = 0; i < p->count; i++) {
        amp_doc_free(&p->docs[i]);
        free(p->paths[i]);
        free(p->original[i]);
    }
    amp_parser_delete(p->parser);
}

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The model's name sites as sorted, distinct lines (a site may be recorded
 * twice when its node is evaluated twice, which reuse changes). */
static char *sites_text(const amp_model *m)
{
    char **lines = calloc(m->site_count ? m->site_count : 1, sizeof *lines);
    size_t total = 1;
    for (size_t i = 0; i < m->site_count; i++) {
        const amp_name_site *s = &m->sites[i];
        char buf[160];
        snprintf(buf, sizeof buf, "%d %u:%u-%u -> %u:%u-%u %d\n", (int)s->kind, s->loc.file,
                 s->loc.start, s->loc.end, s->value->callee_loc.file, s->value->callee_loc.start,
                 s->value->loc.end, (int)s->defines);
        lines[i] = strdup(buf);
        total += strlen(buf);
    }
    qsort(lines, m->site_count, sizeof *lines, cmp_str);
    char *out = malloc(total);
    out[0] = '\0';
    for (size_t i = 0; i < m->site_count; i++) {
        if (i == 0 || strcmp(lines[i], lines[i - 1]) != 0)
            strcat(out, lines[i]);
    }
    for (size_t i = 0; i < m->site_count; i++)
        free(lines[i]);
    free(lines);
    return out;
}

/* A growing text buffer. */
typedef struct text_buf {
    char *s;
    size_t len, cap;
} text_buf;

static void put(text_buf *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(text_buf *t, const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    size_t k = (size_t)n < sizeof line ? (size_t)n : sizeof line - 1;
    if (t->len + k + 1 > t->cap) {
        t->cap = (t->len + k + 1) * 2;
        t->s = realloc(t->s, t->cap);
    }
    memcpy(t->s + t->len, line, k + 1);
    t->len += k;
}

static void put_loc(text_buf *t, amp_loc l)
{
    put(t, " %u:%u-%u", l.file, l.start, l.end);
}

/* Every value reachable from v, with every location it holds. */
static void put_value(text_buf *t, const amp_model *m, const amp_value *v, int depth)
{
    if (!v) {
        put(t, "%*snull\n", depth, "");
        return;
    }
    const char *name = amp_model_binding_name(m, v);
    put(t, "%*s%d '%s' %g %d %d bind=%s", depth, "", (int)v->kind, v->str ? v->str : "", v->num,
        (int)v->b, (int)v->open, name ? name : "-");
    put_loc(t, v->loc);
    put_loc(t, v->callee_loc);
    put(t, " params=%zu res=%d\n", v->param_count,
        v->kind == AMP_VAL_CALL ? amp_model_resource_of(m, v) : -2);
    for (size_t i = 0; i < v->prop_count; i++) {
        put(t, "%*s.%s", depth, "", v->props[i].key);
        put_loc(t, v->props[i].key_loc);
        put(t, "\n");
        put_value(t, m, v->props[i].value, depth + 1);
    }
    for (size_t i = 0; i < v->item_count; i++)
        put_value(t, m, v->items[i], depth + 1);
    for (size_t i = 0; i < v->method_count; i++) {
        const amp_method *me = &v->methods[i];
        put(t, "%*s.%s()", depth, "", me->name);
        put_loc(t, me->name_loc);
        put_loc(t, me->loc);
        put(t, "\n");
        for (size_t j = 0; j < me->arg_count; j++)
            put_value(t, m, me->args[j], depth + 1);
    }
    if (v->body)
        put_value(t, m, v->body, depth + 1);
}

/* Every location a type holds, and what points at values (as value
 * locations), so a type copied from an earlier build must match a fresh
 * read in each of them. */
static void put_strs(text_buf *t, const char *what, const amp_str *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        put(t, " %s=%s", what, s[i].s ? s[i].s : "-");
        put_loc(t, s[i].loc);
    }
}

static void put_at(text_buf *t, const char *what, const amp_value *v)
{
    put(t, " %s", what);
    if (v)
        put_loc(t, v->loc);
    else
        put(t, " -");
}

static void put_rules(text_buf *t, const amp_rule *r, size_t n, bool has, bool known)
{
    put(t, " auth=%d/%d/%zu\n", (int)has, (int)known, n);
    for (size_t i = 0; i < n; i++) {
        put(t, "  rule %s", r[i].strategy);
        put_loc(t, r[i].loc);
        put_loc(t, r[i].strategy_loc);
        put_at(t, "call", r[i].call);
        put_at(t, "resource", r[i].resource);
        put_strs(t, "provider", &r[i].provider, 1);
        put_strs(t, "field", &r[i].field, 1);
        put_strs(t, "group", r[i].groups, r[i].group_count);
        put_strs(t, "op", r[i].operations, r[i].operation_count);
        put(t, " to=%d\n", (int)r[i].has_to);
    }
}

static void put_type(text_buf *t, const amp_type *ty, int depth);

static void put_field(text_buf *t, const amp_field *f, int depth)
{
    put(t, "%*sfield %s kind=%d scalar=%s req=%d%d%d%d def=%d", depth, "", f->name ? f->name : "-",
        (int)f->kind, f->scalar ? f->scalar : "-", (int)f->required, (int)f->array,
        (int)f->array_required, (int)f->value_required, (int)f->has_default);
    put_loc(t, f->name_loc);
    put_at(t, "value", f->value);
    put_at(t, "default", f->default_value);
    put_strs(t, "target", &f->target, 1);
    put_strs(t, "ref", f->references, f->reference_count);
    put_loc(t, f->references_loc);
    put_strs(t, "enum", f->enum_values, f->enum_count);
    put_rules(t, f->rules, f->rule_count, f->has_auth, f->rules_known);
    if (f->inline_type)
        put_type(t, f->inline_type, depth + 1);
}

static void put_type(text_buf *t, const amp_type *ty, int depth)
{
    put(t, "%*stype %s kind=%d schema=%d open=%d legacy=%d", depth, "", ty->name ? ty->name : "-",
        (int)ty->kind, ty->schema, (int)ty->fields_open, (int)ty->legacy_form);
    put_loc(t, ty->name_loc);
    put_at(t, "value", ty->value);
    put(t, "\n");
    for (size_t i = 0; i < ty->field_count; i++)
        put_field(t, &ty->fields[i], depth + 1);
    put(t, "%*sid=%d", depth, "", (int)ty->has_identifier);
    put_strs(t, "key", ty->identifier, ty->identifier_count);
    put_strs(t, "disabled", ty->disabled_ops, ty->disabled_op_count);
    put_strs(t, "enum", ty->enum_values, ty->enum_count);
    put_strs(t, "for", ty->sources, ty->source_count);
    put(t, " for=%d handler=%d", (int)ty->has_for, (int)ty->has_handler);
    put_rules(t, ty->rules, ty->rule_count, ty->has_auth, ty->rules_known);
    for (size_t i = 0; i < ty->index_count; i++) {
        const amp_index *ix = &ty->indexes[i];
        put(t, "%*sindex", depth, "");
        put_loc(t, ix->loc);
        put_at(t, "call", ix->call);
        put_strs(t, "pk", &ix->pk, 1);
        put_strs(t, "sk", ix->sort_keys, ix->sort_key_count);
        put_strs(t, "name", &ix->name, 1);
        put_strs(t, "query", &ix->query_field, 1);
        put(t, " null=%d\n", (int)ix->query_field_null);
    }
    for (size_t i = 0; i < ty->handler_count; i++) {
        const amp_handler *h = &ty->handlers[i];
        put(t, "%*shandler %s async=%d", depth, "", h->kind ? h->kind : "-", (int)h->async);
        put_loc(t, h->loc);
        put_at(t, "call", h->call);
        put_at(t, "function", h->function);
        put_strs(t, "entry", &h->entry, 1);
        put_strs(t, "source", &h->data_source, 1);
        put(t, "\n");
    }
    if (ty->returns)
        put_field(t, ty->returns, depth + 1);
}

/* Every type of every schema, as put_type writes it. */
static char *types_text(const amp_model *m)
{
    text_buf t = {0};
    put(&t, "schemas %zu\n", m->schema_count);
    for (size_t s = 0; s < m->schema_count; s++)
        for (size_t i = 0; i < m->schemas[s].type_count; i++)
            put_type(&t, &m->schemas[s].types[i], 0);
    return t.s ? t.s : strdup("");
}

/* The value graphs of every root and of every field, locations included
 * (what cloned schema entries must get exactly right). */
static char *values_text(const amp_model *m)
{
    text_buf t = {0};
    put(&t, "roots %zu\n", m->root_count);
    for (size_t i = 0; i < m->root_count; i++)
        put_value(&t, m, m->roots[i], 0);
    for (size_t s = 0; s < m->schema_count; s++)
        for (size_t i = 0; i < m->schemas[s].type_count; i++) {
            const amp_type *ty = &m->schemas[s].types[i];
            put(&t, "type %s\n", ty->name ? ty->name : "?");
            for (size_t j = 0; j < ty->field_count; j++)
                put_value(&t, m, ty->fields[j].value, 1);
        }
    return t.s ? t.s : strdup("");
}

static char *model_text(const amp_model *m, const project *p)
{
    const amp_text *texts[MAX_FILES];
    for (size_t i = 0; i < p->count; i++)
        texts[i] = &p->docs[i].text;
    json_t *j = amp_model_to_json(m, texts, NULL);
    char *s = json_dumps(j, JSON_SORT_KEYS | JSON_INDENT(1));
    json_decref(j);
    return s;
}

/* Every rule finding of m, one per line, file by file. */
static char *diags_text(const amp_model *m, const project *p)
{
    const amp_text *texts[MAX_FILES];
    amp_diag_list out[MAX_FILES];
    memset(out, 0, sizeof out);
    for (size_t i = 0; i < p->count; i++)
        texts[i] = &p->docs[i].text;
    amp_rules_check(m, NULL, NULL, texts, out);
    text_buf t = {0};
    put(&t, "%s", "");
    for (size_t f = 0; f < m->file_count && f < MAX_FILES; f++) {
        for (size_t i = 0; i < out[f].count; i++) {
            const amp_diag *d = &out[f].items[i];
            put(&t, "%s %u-%u %s sev=%d tags=%u: %s\n", m->files[f].path, d->start, d->end, d->code,
                (int)d->severity, d->tags, d->message);
            for (size_t k = 0; k < d->related_count; k++)
                put(&t, "  related %s %u-%u: %s\n", d->related[k].file, d->related[k].start,
                    d->related[k].end, d->related[k].message);
        }
        amp_diag_list_clear(&out[f]);
        free(out[f].items);
    }
    return t.s;
}

/* True when the incremental and the fresh text are the same; otherwise
 * writes both to incremental-KIND.txt and fresh-KIND.txt (in the working
 * directory) and says so. AMP_TEST_STOP=1 stops at the first difference. */
static bool same_text(const char *kind, const char *inc, const char *fresh, const char *what)
{
    if (strcmp(inc, fresh) == 0)
        return true;
    const char *texts[2] = {inc, fresh}, *names[2] = {"incremental", "fresh"};
    for (int i = 0; i < 2; i++) {
        char path[64];
        snprintf(path, sizeof path, "%s-%s.txt", names[i], kind);
        FILE *f = fopen(path, "w");
        if (f) {
            fputs(texts[i], f);
            fclose(f);
        }
    }
    fprintf(stderr, "%s differ after %s (see incremental-%s.txt and fresh-%s.txt)\n", kind, what,
            kind, kind);
    if (getenv("AMP_TEST_STOP"))
        exit(1);
    return false;
}

/* The incremental model (rebuilt, or with warm made by amp_model_warm)
 * equals a fresh one; returns how many files it reused. */
static size_t check_same_as(amp_model **inc, project *p, const char *what, bool warm)
{
    *inc = warm ? amp_model_warm(p->sources, p->count, *inc)
                : amp_model_rebuild(p->sources, p->count, *inc);
    amp_model *fresh = amp_model_build(p->sources, p->count);
    AMP_CHECK(*inc && fresh);
    if (!*inc || !fresh) {
        amp_model_delete(fresh);
        return 0;
    }
    char *a = model_text(*inc, p), *b = model_text(fresh, p);
    AMP_CHECK(same_text("model", a, b, what));
    char *sa = sites_text(*inc), *sb = sites_text(fresh);
    AMP_CHECK(same_text("sites", sa, sb, what));
    char *va = values_text(*inc), *vb = values_text(fresh);
    AMP_CHECK(same_text("values", va, vb, what));
    free(va);
    free(vb);
    char *ta = types_text(*inc), *tb = types_text(fresh);
    AMP_CHECK(same_text("types", ta, tb, what));
    free(ta);
    free(tb);
    char *da = diags_text(*inc, p), *db = diags_text(fresh, p);
    AMP_CHECK(same_text("findings", da, db, what));
    free(da);
    free(db);
    AMP_CHECK((*inc)->kept_count <= AMP_MODEL_MAX_KEPT);
    size_t reused = (*inc)->reused_count;
    free(a);
    free(b);
    free(sa);
    free(sb);
    amp_model_delete(fresh);
    return reused;
}

static size_t check_same(amp_model **inc, project *p, const char *what)
{
    return check_same_as(inc, p, what, false);
}

static void edit(project *p, size_t k, uint32_t start, uint32_t end, const char *text)
{
    amp_doc_edit(&p->docs[k], start, end, text, (uint32_t)strlen(text));
    amp_doc_reparse(&p->docs[k], p->parser);
}

static void test_project(const char *dir, size_t *reused_total)
{
    project p;
    load(&p, dir);
    amp_model *inc = amp_model_build(p.sources, p.count);
    char what[512];
    /* Warmed while the editor is idle (as the server does after opening):
     * the same model, each time warmer, and the edits below start from it. */
    for (uint32_t w = 1; inc && inc->warmth < AMP_MODEL_WARM; w++) {
        snprintf(what, sizeof what, "warming %u", w);
        *reused_total += check_same_as(&inc, &p, what, true);
        AMP_CHECK(inc && inc->warmth == w && inc->reused_count == 0);
        if (w == 2)
            AMP_CHECK(inc && (inc->entries.count == 0 || inc->noted_count > 0));
    }
    for (size_t k = 0; k < p.count; k++) {
        const char *name = p.paths[k] + strlen(dir) - strlen(strrchr(dir, '/'));
        /* Offsets shift: a blank line at the top. */
        edit(&p, k, 0, 0, "\n");
        snprintf(what, sizeof what, "a line before %s", name);
        *reused_total += check_same(&inc, &p, what);
        /* A value changes: the first string field becomes an integer. */
        const char *at = strstr(p.docs[k].text.bytes, "a.string()");
        if (at) {
            uint32_t off = (uint32_t)(at - p.docs[k].text.bytes);
            edit(&p, k, off, off + 10, "a.integer()");
            snprintf(what, sizeof what, "a field retyped in %s", name);
            *reused_total += check_same(&inc, &p, what);
        }
        /* A line in the middle: what comes after moves, what comes
         * before stays. */
        const char *mid = strchr(p.docs[k].text.bytes + p.docs[k].text.len / 2, '\n');
        if (mid) {
            uint32_t off = (uint32_t)(mid - p.docs[k].text.bytes) + 1;
            edit(&p, k, off, off, "\n");
            snprintf(what, sizeof what, "a line in the middle of %s", name);
            *reused_total += check_same(&inc, &p, what);
        }
        /* The last string field retyped: an entry late in the file changes. */
        const char *last = NULL;
        for (const char *x = p.docs[k].text.bytes; (x = strstr(x, "a.string()")); x++)
            last = x;
        if (last) {
            uint32_t off = (uint32_t)(last - p.docs[k].text.bytes);
            edit(&p, k, off, off + 10, "a.boolean()");
            snprintf(what, sizeof what, "the last string field retyped in %s", name);
            *reused_total += check_same(&inc, &p, what);
        }
        /* Half-typed code, then back to the original text. */
        edit(&p, k, p.docs[k].text.len, p.docs[k].text.len, "\nexport const half = a.model({");
        snprintf(what, sizeof what, "half-typed code in %s", name);
        *reused_total += check_same(&inc, &p, what);
        edit(&p, k, 0, p.docs[k].text.len, p.original[k] ? p.original[k] : "");
        snprintf(what, sizeof what, "%s restored", name);
        *reused_total += check_same(&inc, &p, what);
    }
    amp_model_delete(inc);
    unload(&p);
}

/* Adds an in-memory file to p. */
static void add_text(project *p, const char *path, const char *text)
{
    size_t i = p->count++;
    p->paths[i] = strdup(path);
    p->original[i] = strdup(text);
    amp_doc_init(&p->docs[i], text, (uint32_t)strlen(text), 1, 1 << 24);
    amp_doc_reparse(&p->docs[i], p->parser);
    p->sources[i].path = p->paths[i];
    p->sources[i].doc = &p->docs[i];
}

/* Starts an in-memory project whose backend.ts deploys the data resource
 * of amplify/data/resource.ts (which the caller adds next). */
static void start_data_project(project *p)
{
    memset(p, 0, sizeof *p);
    p->parser = amp_parser_new();
    add_text(p, "/p/amplify/backend.ts",
             "import { defineBackend } from '@aws-amplify/backend';\n"
             "import { data } from './data/resource';\n"
             "defineBackend({ data });\n");
}

static void replace_text(project *p, size_t k, const char *text)
{
    edit(p, k, 0, p->docs[k].text.len, text);
}

/* A file that changes what another file's values look like in the model
 * without that file changing: a schema chained further (authorization
 * added) in the file that uses it, and a default export named by the const
 * another file binds it to. Undoing either must give the other file's
 * values back as a fresh build sees them. */
static void test_cross_file_changes(void)
{
    project p;
    memset(&p, 0, sizeof p);
    p.parser = amp_parser_new();
    add_text(&p, "/p/amplify/backend.ts",
             "import { defineBackend } from '@aws-amplify/backend';\n"
             "import { data } from './data/resource';\n"
             "import { worker } from './functions/namer';\n"
             "defineBackend({ data, worker });\n");
    add_text(&p, "/p/amplify/data/resource.ts",
             "import { defineData } from '@aws-amplify/backend';\n"
             "import { schema } from './schema';\n"
             "export const data = defineData({ schema: schema.authorization((allow) => "
             "[allow.publicApiKey()]) });\n");
    add_text(&p, "/p/amplify/data/schema.ts",
             "import { a } from '@aws-amplify/backend';\n"
             "export const schema = a.schema({ Post: a.model({ title: a.string() }) });\n");
    add_text(&p, "/p/amplify/functions/namer.ts",
             "import fn from './worker';\nexport const worker = fn;\n");
    add_text(&p, "/p/amplify/functions/worker.ts",
             "import { defineFunction } from '@aws-amplify/backend';\n"
             "export default defineFunction({ timeoutSeconds: 30 });\n");
    amp_model *inc = amp_model_build(p.sources, p.count);
    size_t reused = 0;
    replace_text(&p, 1,
                 "import { defineData } from '@aws-amplify/backend';\n"
                 "import { schema } from './schema';\n"
                 "export const data = defineData({ schema });\n");
    reused += check_same(&inc, &p, "the chained authorization removed");
    replace_text(&p, 1, p.original[1]);
    reused += check_same(&inc, &p, "the chained authorization back");
    replace_text(&p, 3,
                 "import fn from './worker';\nexport const renamed = fn;\n"
                 "export const worker = renamed;\n");
    reused += check_same(&inc, &p, "the function bound under another name");
    replace_text(&p, 2,
                 "import { a } from '@aws-amplify/backend';\n"
                 "export const schema = a.schema({ Post: a.model({ title: a.string(), n: "
                 "a.integer() }) });\n");
    reused += check_same(&inc, &p, "a field added to the chained schema");
    AMP_CHECK(reused > 0);
    amp_model_delete(inc);
    unload(&p);
}

/* A file's index (its imports, resolved among the backend's files) is
 * kept from build to build while its text is the same, but only while the
 * files are the same: a file renamed to the name an unchanged file imports
 * makes that import resolve, and renamed back makes it name nothing again. */
static void test_file_renamed_under_an_import(void)
{
    project p;
    start_data_project(&p);
    add_text(&p, "/p/amplify/data/resource.ts",
             "import { defineData } from '@aws-amplify/backend';\n"
             "import { schema } from './schema';\n"
             "export const data = defineData({ schema });\n");
    add_text(&p, "/p/amplify/data/schemas.ts",
             "import { a } from '@aws-amplify/backend';\n"
             "export const schema = a.schema({ Post: a.model({ title: a.string() })"
             ".authorization((allow) => [allow.publicApiKey()]) });\n");
    amp_model *inc = amp_model_build(p.sources, p.count);
    AMP_CHECK(inc && inc->missing_import_count == 1);
    p.sources[2].path = "/p/amplify/data/schema.ts";
    check_same(&inc, &p, "the schema file renamed to the name resource.ts imports");
    AMP_CHECK(inc && inc->missing_import_count == 0 && inc->schema_count == 1);
    p.sources[2].path = p.paths[2];
    check_same(&inc, &p, "the schema file renamed back");
    AMP_CHECK(inc && inc->missing_import_count == 1);
    amp_model_delete(inc);
    unload(&p);
}

/* Replaces the first occurrence of from after the first of anchor in file
 * k by to: an edit of those bytes alone. */
static void replace_after(project *p, size_t k, const char *anchor, const char *from,
                          const char *to)
{
    const char *base = strstr(p->docs[k].text.bytes, anchor);
    const char *at = base ? strstr(base, from) : NULL;
    AMP_CHECK(at != NULL);
    if (!at)
        return;
    uint32_t off = (uint32_t)(at - p->docs[k].text.bytes);
    edit(p, k, off, off + (uint32_t)strlen(from), to);
}

/* Replaces the first occurrence of from in file k by to. */
static void replace_first(project *p, size_t k, const char *from, const char *to)
{
    replace_after(p, k, "", from, to);
}

/* Schema entries remembered from the previous build (cloned, their
 * locations shifted) must give what a fresh evaluation gives: after shifts
 * both ways, an edit inside one entry, identical entries, and the changes
 * that make an unchanged entry mean something else: a const it reads, a
 * name it reads coming into existence, and the import of a builder. */
static void test_schema_entries(void)
{
    project p;
    start_data_project(&p);
    add_text(&p, "/p/amplify/data/resource.ts",
             "import { a, a as b, defineData } from '@aws-amplify/backend';\n"
             "const OWNER = 'author';\n"
             "const schema = a.schema({\n"
             "  Status: a.enum(['DRAFT', 'PUBLISHED', 'ARCHIVED']),\n"
             "  Post: a.model({ title: a.string().required(), status: a.ref('Status') })\n"
             "    .authorization((allow) => [allow.owner(), allow.guest().to(['read'])]),\n"
             "  Note: a.model({ body: a.string(), author: a.string() })\n"
             "    .authorization((allow) => [allow.ownerDefinedIn(OWNER)]),\n"
             "  Later: a.model({ body: a.string(), tag: a.string().default(LATER) })\n"
             "    .authorization((allow) => [allow.guest()]),\n"
             "  Tagged: a.model({ label: b.string(), count: b.integer() }),\n"
             "  Nested: a.customType({ inner: a.customType({ x: a.string(), y: a.integer(), "
             "z: a.float() }) }),\n"
             "  Dup: a.model({ n: a.string().required().required(), d: a.integer().default('x'), "
             "owner: a.integer() }),\n"
             "  Idx: a.model({ s: a.ref('Status') }).secondaryIndexes((index) => [index('s')]),\n"
             "}).authorization((allow) => [allow.publicApiKey()]);\n"
             "export const data = defineData({ schema });\n");
    amp_model *inc = amp_model_build(p.sources, p.count);
    edit(&p, 1, 0, 0, "// a comment that moves every entry\n");
    check_same(&inc, &p, "every entry shifted");
    AMP_CHECK(inc && inc->cloned_count >= 4); /* Status, Post, Tagged, Nested; not Note, Later */
    /* From the second reuse on, entries are taken over and shifted in place. */
    edit(&p, 1, 0, 0, "// and again\n");
    check_same(&inc, &p, "every entry shifted again");
    AMP_CHECK(inc && inc->cloned_count >= 4);
    /* Unchanged pairs are found by the note the last build left under
     * their key node, without reading them. */
    AMP_CHECK(inc && inc->noted_count >= 4);
    edit(&p, 1, 0, (uint32_t)strlen("// and again\n"), "");
    check_same(&inc, &p, "every entry shifted back");
    AMP_CHECK(inc && inc->cloned_count >= 4 && inc->noted_count >= 4);
    replace_first(&p, 1, "title:", "headline:");
    check_same(&inc, &p, "a field renamed in one entry");
    /* The key's node stays while the value grows, and the value's while
     * the key changes: neither alone says the pair is unchanged. */
    replace_first(&p, 1, "count: b.integer() }),", "count: b.integer() }).identifier(['label']),");
    check_same(&inc, &p, "a call chained onto an unchanged value");
    replace_first(&p, 1, "  Tagged:", "  Labeled:");
    check_same(&inc, &p, "the key of an unchanged value renamed");
    replace_first(&p, 1, "'author'", "'writer'");
    check_same(&inc, &p, "the const an unchanged entry reads changed");
    edit(&p, 1, 0, 0, "const LATER = 'soon';\n");
    check_same(&inc, &p, "a name an unchanged entry reads declared");
    replace_first(&p, 1, "a, a as b,", "a,");
    check_same(&inc, &p, "`b` no longer imported");
    replace_first(&p, 1, "a,", "a, a as b,");
    check_same(&inc, &p, "`b` imported again");
    replace_first(&p, 1, "  Note:",
                  "  Copy: a.model({ headline: a.string().required(), status: a.ref('Status') })\n"
                  "    .authorization((allow) => [allow.owner(), allow.guest().to(['read'])]),\n"
                  "  Note:");
    check_same(&inc, &p, "an entry identical to another added");
    replace_first(&p, 1, "  Status: a.enum(['DRAFT', 'PUBLISHED', 'ARCHIVED']),\n", "");
    check_same(&inc, &p, "an entry removed, the others moved back");
    /* What per-type findings are kept by: the distance from key to value,
     * the type's name, and the schema's rules that types inherit. */
    replace_first(&p, 1, "  Dup: a.model(", "  Dup:    a.model(");
    check_same(&inc, &p, "a key moved away from its value");
    replace_first(&p, 1, "  Dup:", "  Dux:"); /* same length: the same distance */
    check_same(&inc, &p, "a type renamed");
    replace_first(&p, 1, "[allow.publicApiKey()]);", "[allow.owner()]);");
    check_same(&inc, &p, "the schema's rules changed");
    replace_first(&p, 1, "[allow.owner()]);", "[allow.publicApiKey()]);");
    check_same(&inc, &p, "the schema's rules changed back");
    /* Idx's index key refers to Status, which comes back as a custom type
     * (findings that look up another type are not kept). */
    replace_first(&p, 1, "  Idx:", "  Status: a.customType({ x: a.string() }),\n  Idx:");
    check_same(&inc, &p, "the type an index key refers to changed");
    replace_text(&p, 1, p.original[1]);
    check_same(&inc, &p, "the schema restored");
    amp_model_delete(inc);
    unload(&p);
}

/* An entry shifted before it was a schema type (outside any a.schema), then
 * moved into one, where its type is read and kept with it: the next shift
 * must move the type's locations too, not only those it listed before. */
static void test_entry_becomes_a_type(void)
{
    project p;
    start_data_project(&p);
    add_text(&p, "/p/amplify/data/resource.ts",
             "import { a, defineData } from '@aws-amplify/backend';\n"
             "export const draft = { Memo: a.model({ memo: a.string(), rank: a.integer() }) };\n"
             "const schema = a.schema({\n"
             "  Post: a.model({ title: a.string() }).authorization((allow) => [allow.owner()]),\n"
             "}).authorization((allow) => [allow.publicApiKey()]);\n"
             "export const data = defineData({ schema });\n");
    amp_model *inc = amp_model_build(p.sources, p.count);
    edit(&p, 1, 0, 0, "// copied\n");
    check_same(&inc, &p, "the draft shifted (copied)");
    edit(&p, 1, 0, 0, "// taken\n");
    check_same(&inc, &p, "the draft shifted (taken over)");
    replace_first(
        &p, 1, "export const draft = { Memo: a.model({ memo: a.string(), rank: a.integer() }) };\n",
        "");
    replace_first(&p, 1,
                  "  Post:", "  Memo: a.model({ memo: a.string(), rank: a.integer() }),\n  Post:");
    check_same(&inc, &p, "the draft moved into the schema");
    edit(&p, 1, 0, 0, "// and shifted\n");
    check_same(&inc, &p, "the new type shifted");
    edit(&p, 1, 0, 0, "// again\n");
    check_same(&inc, &p, "the new type shifted again");
    amp_model_delete(inc);
    unload(&p);
}

/* One inline enum text in a model and in the arguments of two mutations
 * that are evaluated again each build (their handlers name functions): the
 * mutations, remembered with the enum values they got, are copied by the
 * next build, and the model, changed, takes an enum entry before them.
 * What it takes must not be what they still point to (found in a real
 * project: the second mutation's enum moved to the model's place). */
static void test_nested_entries_of_one_text(void)
{
    project p;
    start_data_project(&p);
    add_text(&p, "/p/amplify/data/resource.ts",
             "import { a, defineData } from '@aws-amplify/backend';\n"
             "import { one, two } from '../functions/fns';\n"
             "const schema = a.schema({\n"
             "  Account: a.model({\n"
             "    providerId: a.string().required(),\n"
             "    kind: a.enum(['checking', 'savings', 'business_checking']),\n"
             "  }).authorization((allow) => [allow.owner()]),\n"
             "  first: a.mutation().arguments({\n"
             "    id: a.string(),\n"
             "    kind: a.enum(['checking', 'savings', 'business_checking']),\n"
             "  }).returns(a.json()).authorization((allow) => [allow.authenticated()])\n"
             "    .handler(a.handler.function(one)),\n"
             "  second: a.mutation().arguments({\n"
             "    other: a.string(),\n"
             "    kind: a.enum(['checking', 'savings', 'business_checking']),\n"
             "  }).returns(a.json()).authorization((allow) => [allow.authenticated()])\n"
             "    .handler(a.handler.function(two)),\n"
             "});\n"
             "export const data = defineData({ schema });\n");
    add_text(&p, "/p/amplify/functions/fns.ts",
             "import { defineFunction } from '@aws-amplify/backend';\n"
             "export const one = defineFunction({ name: 'one' });\n"
             "export const two = defineFunction({ name: 'two' });\n");
    amp_model *inc = amp_model_build(p.sources, p.count);
    edit(&p, 1, 0, 0, "\n");
    check_same(&inc, &p, "the schema shifted");
    replace_first(&p, 1, "providerId: a.string()", "providerId: a.integer()");
    check_same(&inc, &p, "the model changed before the mutations");
    replace_first(&p, 1, "providerId: a.integer()", "providerId: a.string()");
    check_same(&inc, &p, "the model changed back");
    amp_model_delete(inc);
    unload(&p);
}

/* Per-type findings that depend on more than the type: the groups
 * defineAuth defines and the providers defineData configures. Changing
 * them in another file must change the findings of unchanged types. */
static void test_findings_context(void)
{
    project p;
    memset(&p, 0, sizeof p);
    p.parser = amp_parser_new();
    add_text(&p, "/p/amplify/backend.ts",
             "import { defineBackend } from '@aws-amplify/backend';\n"
             "import { auth } from './auth/resource';\n"
             "import { data } from './data/resource';\n"
             "defineBackend({ auth, data });\n");
    add_text(
        &p, "/p/amplify/auth/resource.ts",
        "import { defineAuth } from '@aws-amplify/backend';\n"
        "export const auth = defineAuth({ loginWith: { email: true }, groups: ['ADMINS'] });\n");
    add_text(&p, "/p/amplify/data/resource.ts",
             "import { a, defineData } from '@aws-amplify/backend';\n"
             "const schema = a.schema({\n"
             "  Post: a.model({ title: a.string(), title: a.integer() })\n"
             "    .authorization((allow) => [allow.groups(['ADMINS']), allow.publicApiKey()]),\n"
             "  Note: a.model({ body: a.string() })\n"
             "    .authorization((allow) => [allow.groups(['EDITORS'])]),\n"
             "});\n"
             "export const data = defineData({ schema, authorizationModes: {\n"
             "  defaultAuthorizationMode: 'userPool' } });\n");
    amp_model *inc = amp_model_build(p.sources, p.count);
    edit(&p, 2, 0, 0, "\n");
    check_same(&inc, &p, "the schema shifted");
    edit(&p, 2, 0, 0, "\n");
    check_same(&inc, &p, "the schema shifted again");
    replace_first(&p, 1, "['ADMINS']", "['ADMINS', 'EDITORS']");
    check_same(&inc, &p, "a group defined");
    replace_first(&p, 1, "['ADMINS', 'EDITORS']", "['EDITORS']");
    check_same(&inc, &p, "a group no longer defined");
    replace_first(&p, 2, "defaultAuthorizationMode: 'userPool' }",
                  "defaultAuthorizationMode: 'userPool', apiKeyAuthorizationMode: {} }");
    check_same(&inc, &p, "an API key configured");
    replace_first(&p, 2, "title: a.integer()", "subtitle: a.integer()");
    check_same(&inc, &p, "a repeated key renamed");
    amp_model_delete(inc);
    unload(&p);
}

/* Per-type findings that depend on the types a check looks up: kept with
 * what the lookups found, and found again when those types change while
 * the type itself does not; an unknown type's suggestion depends on every
 * type name. */
static void test_findings_lookups(void)
{
    project p;
    start_data_project(&p);
    add_text(&p, "/p/amplify/data/resource.ts",
             "import { a, defineData } from '@aws-amplify/backend';\n"
             "const schema = a.schema({\n"
             "  Post: a.model({ title: a.string(), comments: a.hasMany('Comment', 'postId') }),\n"
             "  Comment: a.model({ postId: a.id(), post: a.belongsTo('Post', 'postId') }),\n"
             "  Note: a.model({ state: a.ref('Stauts') }),\n"
             "  Item: a.model({ title: a.string() })\n"
             "    .secondaryIndexes((index) => [index('title').queryField('getComment')]),\n"
             "}).authorization((allow) => [allow.publicApiKey()]);\n"
             "export const data = defineData({ schema });\n");
    amp_model *inc = amp_model_build(p.sources, p.count);
    edit(&p, 1, 0, 0, "\n");
    check_same(&inc, &p, "the schema shifted");
    edit(&p, 1, 0, 0, "\n");
    check_same(&inc, &p, "the schema shifted again");
    replace_first(&p, 1, "post: a.belongsTo('Post', 'postId')", "post: a.string()");
    check_same(&inc, &p, "the counterpart of an unchanged model removed");
    replace_first(&p, 1, "post: a.string()", "post: a.belongsTo('Post', 'postId')");
    check_same(&inc, &p, "the counterpart back");
    replace_first(&p, 1, "  Note:", "  Status: a.enum(['A']),\n  Note:");
    check_same(&inc, &p, "a type like the unknown one added");
    /* Item's index query collides with Comment's getComment: the names a
     * model generates are kept per model, the collisions found per run. */
    edit(&p, 1, 0, 0, "\n");
    check_same(&inc, &p, "the schema shifted with a collision");
    replace_first(&p, 1, "  Comment:", "  Remark:");
    check_same(&inc, &p, "the model a kept name collides with renamed");
    replace_first(&p, 1, "  Remark:", "  Comment:");
    check_same(&inc, &p, "and back");
    amp_model_delete(inc);
    unload(&p);
}

/* Runs count the generated names and list them only when a count says two
 * may share a name: the counts follow models added, renamed and removed,
 * and custom operations named like a generated field. */
static void test_generated_name_counts(void)
{
    project p;
    start_data_project(&p);
    add_text(&p, "/p/amplify/data/resource.ts",
             "import { a, defineData } from '@aws-amplify/backend';\n"
             "const schema = a.schema({\n"
             "  Setting: a.model({ title: a.string() }),\n"
             "  Note: a.model({ body: a.string() }),\n"
             "  Item: a.model({ title: a.string() }),\n"
             "}).authorization((allow) => [allow.publicApiKey()]);\n"
             "export const data = defineData({ schema });\n");
    amp_model *inc = amp_model_build(p.sources, p.count);
    edit(&p, 1, 0, 0, "\n");
    check_same(&inc, &p, "no name repeated");
    replace_first(&p, 1, "  Item:", "  Settings:");
    check_same(&inc, &p, "a model renamed to share the list query of another");
    edit(&p, 1, 0, 0, "\n");
    check_same(&inc, &p, "shifted with the shared name");
    replace_first(&p, 1, "  Settings:", "  Item:");
    check_same(&inc, &p, "renamed back");
    replace_first(&p, 1, "  Item:",
                  "  listNotes: a.query().returns(a.string()).handler(a.handler.function('f')),\n"
                  "  Item:");
    check_same(&inc, &p, "a custom query named like a generated list query");
    replace_first(&p, 1, "listNotes:", "listNotez:");
    check_same(&inc, &p, "the custom query renamed");
    replace_first(&p, 1, "  Note: a.model({ body: a.string() }),\n", "");
    check_same(&inc, &p, "a model removed");
    replace_first(&p, 1, "listNotez:", "listSettings:");
    check_same(&inc, &p, "the custom query named like a kept list query");
    amp_model_delete(inc);
    unload(&p);
}

static const char *projects_dir;

/* Schema entries that read an import of another file (a function handed
 * to a custom operation) are remembered with it: reused while the import
 * still names the same value, the function still the one resource, and
 * its name sites replayed; evaluated again when the import changes. */
static void test_entries_with_imports(void)
{
    project p;
    start_data_project(&p);
    add_text(&p, "/p/amplify/data/resource.ts",
             "import { a, defineData } from '@aws-amplify/backend';\n"
             "import { search } from '../functions/search';\n"
             "import { other } from '../functions/other';\n"
             "const schema = a.schema({\n"
             "  Post: a.model({ title: a.string() }).authorization((allow) => [allow.guest()]),\n"
             "  find: a.query().arguments({ q: a.string() }).returns(a.string())\n"
             "    .handler(a.handler.function(search)).authorization((allow) => [allow.guest()]),\n"
             "  again: a.query().returns(a.string())\n"
             "    .handler(a.handler.function(search)).authorization((allow) => [allow.guest()]),\n"
             "}).authorization((allow) => [allow.resource(other)]);\n"
             "export const data = defineData({ schema });\n");
    add_text(&p, "/p/amplify/functions/search.ts",
             "import { defineFunction } from '@aws-amplify/backend';\n"
             "export const search = defineFunction({ name: 'search' });\n");
    add_text(&p, "/p/amplify/functions/other.ts",
             "import { defineFunction } from '@aws-amplify/backend';\n"
             "export const other = defineFunction({ name: 'other' });\n");
    amp_model *inc = amp_model_build(p.sources, p.count);
    edit(&p, 1, 0, 0, "// one\n");
    check_same(&inc, &p, "entries with imports shifted");
    edit(&p, 1, 0, 0, "// two\n");
    check_same(&inc, &p, "entries with imports shifted again");
    size_t before = inc ? inc->cloned_count : 0;
    edit(&p, 1, 0, 0, "// three\n");
    check_same(&inc, &p, "entries with imports shifted a third time");
    AMP_CHECK(inc && inc->cloned_count >= 3 && inc->cloned_count >= before); /* Post, find, again */
    replace_text(&p, 2,
                 "import { defineFunction } from '@aws-amplify/backend';\n"
                 "export const search = defineFunction({ name: 'search', timeoutSeconds: 60 });\n");
    check_same(&inc, &p, "the imported function changed");
    replace_first(&p, 1, "import { search } from '../functions/search';",
                  "import { other as search } from '../functions/other';");
    check_same(&inc, &p, "the import names another function");
    replace_first(&p, 1, "import { other as search } from '../functions/other';",
                  "const search = a.string();");
    check_same(&inc, &p, "the name is no longer an import");
    replace_text(&p, 1, p.original[1]);
    check_same(&inc, &p, "the schema restored");
    edit(&p, 1, 0, 0, "\n");
    check_same(&inc, &p, "restored and shifted");
    amp_model_delete(inc);
    unload(&p);
}

/* Adds text as amplify/data/resource.ts of p (takes text) and builds the
 * model, warmed as the server warms it. */
static amp_model *add_data_warm(project *p, char *text)
{
    add_text(p, "/p/amplify/data/resource.ts", text);
    free(text);
    amp_model *m = amp_model_build(p->sources, p->count);
    while (m && m->warmth < AMP_MODEL_WARM)
        m = amp_model_warm(p->sources, p->count, m);
    return m;
}

/* check_same, and that the build spliced that many objects. */
static void check_spliced(amp_model **inc, project *p, const char *what, size_t spliced)
{
    check_same(inc, p, what);
    bool as_said = *inc && (*inc)->spliced_count == spliced;
    if (!as_said)
        fprintf(stderr, "after %s: %zu objects spliced, not %zu\n", what,
                *inc ? (*inc)->spliced_count : 0, spliced);
    AMP_CHECK(as_said);
}

/* A schema of many models, the shape of the benchmark's: an edit inside
 * one model's value (the keystroke of an editor) takes the others over
 * from the record of the schema object (splice_object in model_eval.c)
 * without reading them from the tree, and the model equals a fresh one.
 * Edits the record cannot take (in a key, across two pairs, a pair added,
 * a syntax error, outside the object) read the object whole, and so do
 * the hundreds of random one-byte edits after them. */
static void test_splice(void)
{
    project p;
    start_data_project(&p);
    enum { MODELS = 40 };
    size_t cap = 64 * 1024, len = 0;
    char *text = malloc(cap);
    AMP_CHECK(text != NULL);
    if (!text)
        return;
    len += (size_t)snprintf(text + len, cap - len,
                            "import { a, defineData } from '@aws-amplify/backend';\n"
                            "const ADMINS = 'ADMINS';\n"
                            "const schema = a.schema({\n"
                            "  // every model below has a parent\n");
    for (int i = 0; i < MODELS; i++)
        len += (size_t)snprintf(
            text + len, cap - len,
            "  M%d: a.model({\n"
            "    name: a.string().required(),\n"
            "    count: a.integer(),\n"
            "    parentId: a.id(),\n"
            "    parent: a.belongsTo('M%d', 'parentId'),\n"
            "    children: a.hasMany('M%d', 'parentId'),\n"
            "  }).authorization((allow) => [allow.owner(), allow.groups([ADMINS])]),\n",
            i, (i + MODELS - 1) % MODELS, (i + 1) % MODELS);
    len += (size_t)snprintf(text + len, cap - len,
                            "  Status: a.enum(['A', 'B']),\n"
                            "});\n"
                            "export const data = defineData({ schema });\n");
    amp_model *inc = add_data_warm(&p, text);
    /* A keystroke in the fifth model, and its undo. */
    replace_after(&p, 1, "M4: a.model(", "a.string()", "a.xstring()");
    check_spliced(&inc, &p, "a letter typed into one model", 1);
    replace_first(&p, 1, "a.xstring()", "a.string()");
    check_spliced(&inc, &p, "the letter deleted", 1);
    /* Twice in a row, and two edits of one value before one build. */
    replace_after(&p, 1, "M39: a.model(", "a.string()", "a.strin()");
    check_spliced(&inc, &p, "a letter deleted in the last model", 1);
    replace_first(&p, 1, "a.strin()", "a.string()");
    replace_after(&p, 1, "M39: a.model(", "name:", "title:");
    check_spliced(&inc, &p, "two edits of one model before a build", 1);
    /* A change that other models' findings read: M5's parent named wrong. */
    replace_first(&p, 1, "belongsTo('M4'", "belongsTo('M44'");
    check_spliced(&inc, &p, "a relationship target renamed", 1);
    replace_first(&p, 1, "belongsTo('M44'", "belongsTo('M4'");
    check_same(&inc, &p, "the relationship target back");
    /* Edits the record does not take. */
    replace_first(&p, 1, "M7: a.model", "M77: a.model");
    check_spliced(&inc, &p, "a model's key renamed", 0);
    replace_after(&p, 1, "M8: a.model(", "a.string()", "a.id()");
    replace_after(&p, 1, "M9: a.model(", "a.string()", "a.id()");
    check_spliced(&inc, &p, "two models edited before one build", 0);
    replace_first(&p, 1, "  Status:", "  Extra: a.customType({ x: a.string() }),\n  Status:");
    check_spliced(&inc, &p, "a pair added", 0);
    replace_after(&p, 1, "M3: a.model(", "a.string()", "a.string(");
    check_spliced(&inc, &p, "a parenthesis left open", 0);
    replace_first(&p, 1, "a.string(.required", "a.string().required");
    check_same(&inc, &p, "the parenthesis closed");
    replace_first(&p, 1, "'ADMINS';", "'EDITORS';");
    check_spliced(&inc, &p, "a const the models read changed", 0);
    replace_first(&p, 1, "  // every", "  /* every */ // every");
    check_same(&inc, &p, "a comment inside the object edited");
    /* The record comes back once a build has read the object whole. */
    replace_after(&p, 1, "M20: a.model(", "a.string()", "a.email()");
    check_spliced(&inc, &p, "an edit after the whole object was read", 1);
    /* Random one-byte edits anywhere in the file, each built and compared,
     * then undone and compared again. */
    uint64_t seed = 0x2545F4914F6CDD1Dull;
    const char bytes[] = "a(){}[],'.: \nM1";
    char what[96];
    size_t spliced = 0;
    for (int i = 0; i < 300; i++) {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        uint32_t n = p.docs[1].text.len, at = n ? (uint32_t)(seed % n) : 0;
        char ins[2] = {bytes[(seed >> 32) % (sizeof bytes - 1)], '\0'};
        char was[2] = {at < n ? p.docs[1].text.bytes[at] : '\0', '\0'};
        bool cut = (seed >> 40) & 1 && at < n;
        edit(&p, 1, at, cut ? at + 1 : at, cut ? "" : ins);
        snprintf(what, sizeof what, "random edit %d at %u", i, at);
        check_same(&inc, &p, what);
        spliced += inc ? inc->spliced_count : 0;
        edit(&p, 1, at, cut ? at : at + 1, cut ? was : ""); /* and undone */
        snprintf(what, sizeof what, "random edit %d undone", i);
        check_same(&inc, &p, what);
        spliced += inc ? inc->spliced_count : 0;
    }
    printf("%zu of 600 builds after random edits spliced\n", spliced);
    AMP_CHECK(spliced >= 100); /* most edits fall inside a model */
    amp_model_delete(inc);
    unload(&p);
}

/* Objects of many children inside the values of an object of many
 * children: recording the inner ones (as many as make the model's list of
 * records grow) while the outer one is read, and splicing the outer one
 * after an edit, must leave every record where its reader left it. */
static void test_splice_nested(void)
{
    project p;
    start_data_project(&p);
    size_t cap = 64 * 1024, len = 0;
    char *text = malloc(cap);
    AMP_CHECK(text != NULL);
    if (!text)
        return;
    len += (size_t)snprintf(text + len, cap - len,
                            "import { a, defineData } from '@aws-amplify/backend';\n");
    for (int c = 0; c < 8; c++) {
        len += (size_t)snprintf(text + len, cap - len, "const C%d = a.customType({\n", c);
        for (int k = 0; k < 20; k++)
            len += (size_t)snprintf(text + len, cap - len, "  f%d: a.string(),\n", k);
        len += (size_t)snprintf(text + len, cap - len, "});\n");
    }
    len += (size_t)snprintf(text + len, cap - len, "const schema = a.schema({\n");
    for (int i = 0; i < 20; i++)
        len += i < 8 ? (size_t)snprintf(text + len, cap - len, "  T%d: C%d,\n", i, i)
                     : (size_t)snprintf(text + len, cap - len, "  T%d: a.enum(['X%d']),\n", i, i);
    len += (size_t)snprintf(text + len, cap - len,
                            "  M: a.model({ name: a.string() }),\n"
                            "}).authorization((allow) => [allow.publicApiKey()]);\n"
                            "export const data = defineData({ schema });\n");
    amp_model *inc = add_data_warm(&p, text);
    replace_after(&p, 1, "  M: a.model(", "a.string()", "a.integer()");
    check_same(&inc, &p, "a model next to nested objects edited");
    replace_after(&p, 1, "const C3 = ", "f7: a.string()", "f7: a.float()");
    check_same(&inc, &p, "an inner object edited");
    amp_model_delete(inc);
    unload(&p);
}

/* A rebuild leaves the model it replaced for amp_model_collect (the server
 * frees it once a keystroke's diagnostics are out), and never more than
 * one: the next rebuild frees an uncollected one first. */
static void test_replaced_model_collected(void)
{
    project p;
    start_data_project(&p);
    add_text(&p, "/p/amplify/data/resource.ts",
             "import { a, defineData } from '@aws-amplify/backend';\n"
             "const schema = a.schema({ Post: a.model({ title: a.string() }) });\n"
             "export const data = defineData({ schema });\n");
    amp_model *inc = amp_model_build(p.sources, p.count);
    AMP_CHECK(inc && inc->dead == NULL);
    replace_first(&p, 1, "title", "name");
    check_same(&inc, &p, "a field renamed");
    AMP_CHECK(inc && inc->dead != NULL && inc->dead->dead == NULL);
    replace_first(&p, 1, "name", "title");
    check_same(&inc, &p, "the field renamed back, the replaced model not collected");
    AMP_CHECK(inc && inc->dead != NULL && inc->dead->dead == NULL);
    amp_model_collect(inc);
    AMP_CHECK(inc && inc->dead == NULL);
    amp_model_delete(inc);
    unload(&p);
}

static void test_every_project(void)
{
    DIR *d = opendir(projects_dir);
    AMP_CHECK(d != NULL);
    if (!d)
        return;
    char *names[512]; /* the fixture projects, or the corpus (tests/corpus/README.md) */
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 512)
        if (e->d_name[0] != '.')
            names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    size_t reused = 0, projects = 0;
    for (size_t i = 0; i < n; i++) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/%s", projects_dir, names[i]);
        struct stat st;
        if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) {
            test_project(dir, &reused);
            projects++;
        }
        free(names[i]);
    }
    printf("%zu projects, %zu files reused in all\n", projects, reused);
    AMP_CHECK(projects >= 10);
    AMP_CHECK(reused > 0); /* the rebuilds did reuse */
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s PROJECTS_DIR\n", argv[0]);
        return 2;
    }
    projects_dir = argv[1];
    AMP_RUN(test_cross_file_changes);
    AMP_RUN(test_file_renamed_under_an_import);
    AMP_RUN(test_schema_entries);
    AMP_RUN(test_entry_becomes_a_type);
    AMP_RUN(test_nested_entries_of_one_text);
    AMP_RUN(test_entries_with_imports);
    AMP_RUN(test_findings_context);
    AMP_RUN(test_findings_lookups);
    AMP_RUN(test_generated_name_counts);
    AMP_RUN(test_splice);
    AMP_RUN(test_splice_nested);
    AMP_RUN(test_replaced_model_collected);
    AMP_RUN(test_every_project);
    return amp_test_summary();
}
