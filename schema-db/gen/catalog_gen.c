/*
 * catalog_gen.c: the catalogue generator's command line (a build-time host
 * program).
 *
 *   catalog_gen [--out FILE.c] [--index FILE.json] DATA.json...
 *
 * Reads the data files (sorted by path, so the output does not depend on the
 * order they are given in), resolves and validates them (load.c,
 * validate.c), and only when there is no error at all writes the C tables
 * and the JSON index (emit.c). With neither --out nor --index it only
 * validates. Exit status: 0 on success, 1 when the data is invalid (every
 * problem is printed as "catalog: error: FILE: ID: message"), 2 on usage
 * errors.
 */
#include "catalog_gen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* qsort comparator of two path strings (strcmp order). */
static int compare_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Prints the usage line; returns the usage exit status (2). */
static int usage(void)
{
    fputs("usage: catalog_gen [--out FILE.c] [--index FILE.json] DATA.json...\n", stderr);
    return 2;
}

/* Parses argv into the output paths and the list of data files (which
 * points into argv). Returns 0 or -1 on a usage error. */
static int parse_args(int argc, char **argv, const char **out, const char **index, char ***files,
                      size_t *count)
{
    *files = calloc((size_t)argc, sizeof **files);
    *count = 0;
    for (int i = 1; i < argc; i++) {
        if ((strcmp(argv[i], "--out") == 0 || strcmp(argv[i], "--index") == 0) && i + 1 < argc) {
            *(argv[i][2] == 'o' ? out : index) = argv[i + 1];
            i++;
        } else if (argv[i][0] == '-') {
            return -1;
        } else {
            (*files)[(*count)++] = argv[i];
        }
    }
    return *count ? 0 : -1;
}

/* Validates the data files and writes the outputs; see the file header. */
int main(int argc, char **argv)
{
    const char *out = NULL, *index = NULL;
    char **files;
    size_t count;
    if (parse_args(argc, argv, &out, &index, &files, &count) != 0) {
        free(files);
        return usage();
    }
    qsort(files, count, sizeof *files, compare_paths);
    gen_ctx ctx = {0};
    gen_load(&ctx, files, count);
    if (ctx.errors == 0)
        gen_resolve(&ctx);
    if (ctx.errors == 0)
        gen_validate(&ctx);
    int status = 0;
    if (ctx.errors) {
        fprintf(stderr, "catalog: %d error%s; nothing written\n", ctx.errors,
                ctx.errors == 1 ? "" : "s");
        status = 1;
    } else if ((out || index) && gen_emit(&ctx, out, index) != 0) {
        status = 1;
    }
    if (status == 0)
        fprintf(stderr, "catalog: %zu entries from %zu files\n", ctx.count, count);
    gen_free(&ctx);
    free(files);
    return status;
}
