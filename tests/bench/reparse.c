/*
 * amp_bench_reparse: what tree-sitter's incremental reparse of one file
 * costs on its own, the floor under a keystroke's latency. Reads FILE,
 * parses it, then types and deletes an 'x' before the first NEEDLE, as the
 * benchmark's keystrokes do (amp_doc_edit and amp_doc_reparse, the path a
 * didChange takes), and prints the full parse and the reparse times.
 *
 *   amp_bench_reparse FILE NEEDLE [EDITS]
 *
 * Figures, not assertions: bench.py prints them beside the session's.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "amp_doc.h"

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int by_value(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

/* The file's bytes (owned) and length, or NULL. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *bytes = NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long n = ftell(f);
        if (n >= 0 && fseek(f, 0, SEEK_SET) == 0 && (bytes = malloc((size_t)n + 1)) != NULL) {
            *len = fread(bytes, 1, (size_t)n, f);
            bytes[*len] = '\0';
        }
    }
    fclose(f);
    return bytes;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s FILE NEEDLE [EDITS]\n", argv[0]);
        return 2;
    }
    int edits = argc > 3 ? atoi(argv[3]) : 40;
    if (edits < 2 || edits > 100000)
        edits = 40;
    size_t len = 0;
    char *bytes = read_file(argv[1], &len);
    const char *at = bytes ? strstr(bytes, argv[2]) : NULL;
    if (!at || len > UINT32_MAX) {
        fprintf(stderr, "%s: cannot read %s, or it does not hold '%s'\n", argv[0], argv[1],
                argv[2]);
        free(bytes);
        return 2;
    }
    uint32_t off = (uint32_t)(at - bytes);
    TSParser *parser = amp_parser_new();
    amp_doc doc;
    double *times = malloc((size_t)edits * sizeof *times);
    if (!parser || !times || amp_doc_init(&doc, bytes, (uint32_t)len, 1, UINT32_MAX) != 0) {
        fprintf(stderr, "%s: out of memory\n", argv[0]);
        return 2;
    }
    double t0 = now_ms();
    int failed = amp_doc_reparse(&doc, parser);
    double full = now_ms() - t0;
    for (int i = 0; i < edits && !failed; i++) {
        failed |= i % 2 == 0 ? amp_doc_edit(&doc, off, off, "x", 1)
                             : amp_doc_edit(&doc, off, off + 1, "", 0);
        double t = now_ms();
        failed |= amp_doc_reparse(&doc, parser);
        times[i] = now_ms() - t;
    }
    if (failed || !doc.tree) {
        fprintf(stderr, "%s: the file did not parse\n", argv[0]);
        return 2;
    }
    qsort(times, (size_t)edits, sizeof *times, by_value);
    printf("{\"full_parse_ms\": %.3f, \"reparse_best_ms\": %.3f, \"reparse_p50_ms\": %.3f}\n", full,
           times[0], times[edits / 2]);
    amp_doc_free(&doc);
    amp_parser_delete(parser);
    free(times);
    free(bytes);
    return 0;
}
