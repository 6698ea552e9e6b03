/*
 * other.c: subcommands whose analysis is not built yet. They say so plainly
 * and exit with status 2, rather than printing something that looks like an
 * answer. explain arrives with the rule catalogue.
 */
#include <stdio.h>

#include "amp_cli.h"

int amp_cli_explain(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "amplify-ls explain: not available yet in this version\n");
    return 2;
}
