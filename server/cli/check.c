/*
 * check.c: `amplify-ls check`, the headless checker for CI.
 *
 * It finds every backend under the given paths, analyses every file the
 * backends reach (the same analysis the editor gets, see amp_analysis.h),
 * and prints the diagnostics as text, JSON, SARIF 2.1.0 or GitHub workflow
 * commands. Lines and columns are 1-based; columns count UTF-16 code units,
 * as editors and GitHub code scanning do. Exit status: 0 when clean, 1 when
 * there are errors (or more warnings than --max-warnings), 2 on usage errors,
 * missing paths, unreadable files, or when no backend is found.
 */
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "amp_analysis.h"
#include "amp_rules.h"

#ifndef AMP_RULE_DOCS_URL
#define AMP_RULE_DOCS_URL ""
#endif
#include "amp_cli.h"
#include "amp_project.h"
#include "amp_workspace.h"

#ifndef AMP_VERSION
#define AMP_VERSION "0.0.0"
#endif

typedef enum { FMT_TEXT, FMT_JSON, FMT_SARIF, FMT_GITHUB } out_format;

typedef struct check_ctx {
    out_format format;
    long max_warnings; /* -1: no limit */
    bool quiet;
    int io_errors;
    char cwd[PATH_MAX];
} check_ctx;

/* One diagnostic ready to print. */
typedef struct row {
    const amp_file *file;
    const amp_diag *diag;
    uint32_t line, col, end_line, end_col; /* 1-based, UTF-16 columns */
} row;

static const char *severity_name(amp_severity s)
{
    switch (s) {
    case AMP_SEV_ERROR:
        return "error";
    case AMP_SEV_WARNING:
        return "warning";
    case AMP_SEV_INFO:
        return "information";
    default:
        return "hint";
    }
}

static void on_log(void *ctx, int level, const char *message)
{
    check_ctx *c = ctx;
    if (level <= 1) {
        fprintf(stderr, "amplify-ls: %s\n", message);
        if (strncmp(message, "cannot read", 11) == 0)
            c->io_errors++;
    }
}

/* The path to print: relative to the current directory when inside it. */
static const char *display_path(const check_ctx *c, const char *path)
{
    size_t n = strlen(c->cwd);
    if (n > 1 && strncmp(path, c->cwd, n) == 0 && path[n] == '/')
        return path + n + 1;
    return path;
}

static int compare_rows(const void *pa, const void *pb)
{
    const row *a = pa, *b = pb;
    int k = strcmp(a->file->key, b->file->key);
    if (k)
        return k;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return a->col < b->col ? -1 : a->col > b->col;
}

static void print_text(const check_ctx *c, const row *r)
{
    printf("%s:%u:%u: %s: %s [%s]\n", display_path(c, r->file->key), r->line, r->col,
           severity_name(r->diag->severity), r->diag->message, r->diag->code);
}

/* Writes s escaped for a GitHub workflow command (property values also
 * escape ':' and ','). */
static void print_gh_escaped(const char *s, bool property)
{
    for (; *s; s++) {
        if (*s == '%')
            fputs("%25", stdout);
        else if (*s == '\r')
            fputs("%0D", stdout);
        else if (*s == '\n')
            fputs("%0A", stdout);
        else if (property && *s == ':')
            fputs("%3A", stdout);
        else if (property && *s == ',')
            fputs("%2C", stdout);
        else
            putchar(*s);
    }
}

static void print_github(const check_ctx *c, const row *r)
{
    const char *cmd = r->diag->severity == AMP_SEV_ERROR     ? "error"
                      : r->diag->severity == AMP_SEV_WARNING ? "warning"
                                                             : "notice";
    printf("::%s file=", cmd);
    print_gh_escaped(display_path(c, r->file->key), true);
    printf(",line=%u,col=%u,endLine=%u,endColumn=%u,title=", r->line, r->col, r->end_line,
           r->end_col);
    print_gh_escaped(r->diag->code, true);
    fputs("::", stdout);
    print_gh_escaped(r->diag->message, false);
    putchar('\n');
}

static json_t *json_row(const check_ctx *c, const row *r)
{
    return json_pack("{s:s, s:I, s:I, s:I, s:I, s:s, s:s, s:s}", "file",
                     display_path(c, r->file->key), "line", (json_int_t)r->line, "column",
                     (json_int_t)r->col, "endLine", (json_int_t)r->end_line, "endColumn",
                     (json_int_t)r->end_col, "severity", severity_name(r->diag->severity), "code",
                     r->diag->code, "message", r->diag->message);
}

static json_t *sarif_result(const check_ctx *c, const row *r)
{
    const char *level = r->diag->severity == AMP_SEV_ERROR     ? "error"
                        : r->diag->severity == AMP_SEV_WARNING ? "warning"
                                                               : "note";
    return json_pack("{s:s, s:s, s:{s:s}, s:[{s:{s:{s:s, s:s}, s:{s:I, s:I, s:I, s:I}}}]}",
                     "ruleId", r->diag->code, "level", level, "message", "text", r->diag->message,
                     "locations", "physicalLocation", "artifactLocation", "uri",
                     display_path(c, r->file->key), "uriBaseId", "%SRCROOT%", "region", "startLine",
                     (json_int_t)r->line, "startColumn", (json_int_t)r->col, "endLine",
                     (json_int_t)r->end_line, "endColumn", (json_int_t)r->end_col);
}

/* The SARIF log: one run, its rules (the codes seen) and results. */
static json_t *sarif_log(const check_ctx *c, const row *rows, size_t n)
{
    json_t *rules = json_array(), *results = json_array(), *seen = json_object();
    for (size_t i = 0; i < n; i++) {
        const char *code = rows[i].diag->code;
        if (!json_object_get(seen, code)) {
            json_object_set_new(seen, code, json_true());
            json_array_append_new(
                rules, json_pack("{s:s, s:{s:s}}", "id", code, "shortDescription", "text", code));
        }
        json_array_append_new(results, sarif_result(c, &rows[i]));
    }
    json_decref(seen);
    return json_pack("{s:s, s:s, s:[{s:{s:{s:s, s:s, s:s, s:o}}, s:s, s:o}]}", "$schema",
                     "https://json.schemastore.org/sarif-2.1.0.json", "version", "2.1.0", "runs",
                     "tool", "driver", "name", "amplify-ls", "version", AMP_VERSION,
                     "informationUri", "https://docs.amplify.aws/", "rules", rules, "columnKind",
                     "utf16CodeUnits", "results", results);
}

/* Collects the diagnostics of every analysed file into an owned array. */
static row *collect(amp_workspace *ws, const check_ctx *c, size_t *count, size_t *files)
{
    size_t cap = 64, n = 0, pos = 0;
    row *rows = malloc(cap * sizeof *rows);
    const char *key;
    void *value;
    *files = 0;
    while (rows && amp_strmap_next(&ws->files, &pos, &key, &value)) {
        amp_file *f = value;
        if (!f->in_backend && !amp_project_is_config_file(f))
            continue;
        (*files)++;
        if (f->in_backend)
            amp_analyze_file(ws, f);
        amp_text_view v = amp_text_view_of(&f->doc.text);
        for (size_t i = 0; i < f->diags.count; i++) {
            const amp_diag *d = &f->diags.items[i];
            if (c->quiet && d->severity != AMP_SEV_ERROR)
                continue;
            if (n == cap) {
                row *grown = realloc(rows, cap * 2 * sizeof *rows);
                if (!grown)
                    break;
                rows = grown;
                cap *= 2;
            }
            amp_lsp_pos a = amp_offset_to_pos(v, AMP_ENC_UTF16, d->start);
            amp_lsp_pos b = amp_offset_to_pos(v, AMP_ENC_UTF16, d->end);
            rows[n++] = (row){f, d, a.line + 1, a.character + 1, b.line + 1, b.character + 1};
        }
    }
    if (rows)
        qsort(rows, n, sizeof *rows, compare_rows);
    *count = n;
    return rows;
}

static int parse_args(int argc, char **argv, check_ctx *c, char ***paths, int *npaths)
{
    *paths = calloc((size_t)argc + 1, sizeof **paths);
    *npaths = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--format") == 0 && i + 1 < argc) {
            const char *f = argv[++i];
            if (strcmp(f, "text") == 0)
                c->format = FMT_TEXT;
            else if (strcmp(f, "json") == 0)
                c->format = FMT_JSON;
            else if (strcmp(f, "sarif") == 0)
                c->format = FMT_SARIF;
            else if (strcmp(f, "github") == 0)
                c->format = FMT_GITHUB;
            else {
                fprintf(stderr,
                        "amplify-ls check: unknown format '%s' (text, json, sarif, github)\n", f);
                return -1;
            }
        } else if (strcmp(a, "--max-warnings") == 0 && i + 1 < argc) {
            char *end;
            c->max_warnings = strtol(argv[++i], &end, 10);
            if (*end || c->max_warnings < 0) {
                fprintf(stderr, "amplify-ls check: --max-warnings takes a number >= 0\n");
                return -1;
            }
        } else if (strcmp(a, "--quiet") == 0) {
            c->quiet = true;
        } else if (strcmp(a, "--help") == 0) {
            printf("usage: amplify-ls check [--format text|json|sarif|github] [--max-warnings N] "
                   "[--quiet] [PATH...]\n");
            return 1;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "amplify-ls check: unknown option '%s'\n", a);
            return -1;
        } else {
            (*paths)[(*npaths)++] = argv[i];
        }
    }
    return 0;
}

/* Adds each path as a workspace folder; returns how many were usable. */
static int add_paths(amp_workspace *ws, check_ctx *c, char **paths, int npaths)
{
    int ok = 0;
    for (int i = 0; i < npaths; i++) {
        char real[PATH_MAX];
        struct stat st;
        if (stat(paths[i], &st) != 0 || !realpath(paths[i], real)) {
            fprintf(stderr, "amplify-ls: %s: %s\n", paths[i], strerror(errno));
            c->io_errors++;
            continue;
        }
        if (!S_ISDIR(st.st_mode)) {
            char *slash = strrchr(real, '/');
            if (slash && slash != real)
                *slash = '\0';
        }
        amp_workspace_add_folder(ws, real);
        ok++;
    }
    return ok;
}

static int report(check_ctx *c, row *rows, size_t n, size_t files)
{
    size_t errors = 0, warnings = 0;
    for (size_t i = 0; i < n; i++) {
        errors += rows[i].diag->severity == AMP_SEV_ERROR;
        warnings += rows[i].diag->severity == AMP_SEV_WARNING;
    }
    if (c->format == FMT_TEXT || c->format == FMT_GITHUB) {
        for (size_t i = 0; i < n; i++)
            (c->format == FMT_TEXT ? print_text : print_github)(c, &rows[i]);
        if (c->format == FMT_TEXT && !c->quiet)
            printf("%zu error%s, %zu warning%s in %zu file%s checked\n", errors,
                   errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s", files,
                   files == 1 ? "" : "s");
    } else {
        json_t *out;
        if (c->format == FMT_JSON) {
            json_t *list = json_array();
            for (size_t i = 0; i < n; i++)
                json_array_append_new(list, json_row(c, &rows[i]));
            out =
                json_pack("{s:i, s:o, s:{s:I, s:I, s:I, s:I}}", "version", 1, "diagnostics", list,
                          "summary", "errors", (json_int_t)errors, "warnings", (json_int_t)warnings,
                          "other", (json_int_t)(n - errors - warnings), "files", (json_int_t)files);
        } else {
            out = sarif_log(c, rows, n);
        }
        json_dumpf(out, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        putchar('\n');
        json_decref(out);
    }
    if (errors > 0 || (c->max_warnings >= 0 && warnings > (size_t)c->max_warnings))
        return 1;
    return 0;
}

int amp_cli_check(int argc, char **argv)
{
    check_ctx c = {.format = FMT_TEXT, .max_warnings = -1};
    char **paths;
    int npaths;
    int r = parse_args(argc, argv, &c, &paths, &npaths);
    if (r != 0) {
        free(paths);
        return r < 0 ? 2 : 0;
    }
    static char dot[] = ".";
    if (npaths == 0)
        paths[npaths++] = dot;
    if (!getcwd(c.cwd, sizeof c.cwd))
        c.cwd[0] = '\0';
    TSParser *parser = amp_parser_new();
    amp_workspace ws;
    amp_workspace_init(&ws, parser, 8u << 20, 8u << 20);
    ws.log = on_log;
    ws.ctx = &c;
    int usable = add_paths(&ws, &c, paths, npaths);
    int code = 2;
    if (usable > 0 && amp_workspace_scan(&ws) == 0) {
        fprintf(stderr, "amplify-ls: no Amplify backend (an amplify/ folder whose backend.ts calls "
                        "defineBackend) found under the given path(s)\n");
    } else if (usable > 0) {
        amp_project_config_files(&ws);
        amp_workspace_close_imports(&ws);
        /* Building the models loads the handler files: before the walk of
         * the store, which must not grow during it. */
        amp_analyze_models(&ws);
        size_t n = 0, files = 0;
        row *rows = collect(&ws, &c, &n, &files);
        code = report(&c, rows, n, files);
        free(rows);
        if (c.io_errors)
            code = 2;
    }
    amp_workspace_free(&ws);
    amp_parser_delete(parser);
    free(paths);
    return code;
}
