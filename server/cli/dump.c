/*
 * dump.c: `amplify-ls dump-model [DIR]` prints what amplify-ls understood of
 * every backend under DIR (default: the current directory) as JSON: its
 * files, defineBackend keys, resources with their options, data schemas with
 * their types, fields, relationships, identifiers, indexes, authorization
 * rules and custom operations, secrets, and counts. Exit status 0, or 2 when
 * DIR is missing or holds no backend.
 */
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amp_analysis.h"
#include "amp_cli.h"
#include "amp_model_json.h"
#include "amp_workspace.h"

static void on_log(void *ctx, int level, const char *message)
{
    (void)ctx;
    if (level <= 1)
        fprintf(stderr, "amplify-ls: %s\n", message);
}

int amp_cli_dump_model(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : ".";
    if (argc > 2 || (argc > 1 && argv[1][0] == '-')) {
        fprintf(stderr, "usage: amplify-ls dump-model [DIR]\n");
        return 2;
    }
    char real[PATH_MAX];
    if (!realpath(dir, real)) {
        fprintf(stderr, "amplify-ls: %s: %s\n", dir, strerror(errno));
        return 2;
    }
    TSParser *parser = amp_parser_new();
    amp_workspace ws;
    amp_workspace_init(&ws, parser, 8u << 20, 8u << 20);
    ws.log = on_log;
    amp_workspace_add_folder(&ws, real);
    int code = 0;
    if (amp_workspace_scan(&ws) == 0) {
        fprintf(stderr, "amplify-ls: no Amplify backend found under %s\n", dir);
        code = 2;
    } else {
        amp_workspace_close_imports(&ws);
        json_t *out = json_array();
        for (size_t b = 0; b < ws.backend_count; b++) {
            const amp_text **texts = NULL;
            const amp_model *m = amp_backend_model(&ws, b, &texts);
            if (!m)
                continue;
            json_t *j = amp_model_to_json(m, texts, real);
            const char *amp_dir = ws.backends[b].amplify_dir;
            size_t n = strlen(real);
            json_object_set_new(j, "backend",
                                json_string(strncmp(amp_dir, real, n) == 0 && amp_dir[n] == '/'
                                                ? amp_dir + n + 1
                                                : amp_dir));
            json_array_append_new(out, j);
            free(texts);
        }
        json_dumpf(out, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        putchar('\n');
        json_decref(out);
    }
    amp_workspace_free(&ws);
    amp_parser_delete(parser);
    return code;
}
