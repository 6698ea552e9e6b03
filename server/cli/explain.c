/*
 * explain.c: `amplify-ls explain CODE` prints the doc page of a rule: what
 * it means, an example that fails and the fix. `amplify-ls explain --list`
 * lists every rule with its default severity and title. Exit status 0, or 2
 * for an unknown code.
 */
#include <stdio.h>
#include <string.h>

#include "amp_cli.h"
#include "amp_rules.h"

static const char *severity_word(amp_severity s)
{
    return s == AMP_SEV_ERROR     ? "error"
           : s == AMP_SEV_WARNING ? "warning"
           : s == AMP_SEV_INFO    ? "information"
                                  : "hint";
}

int amp_cli_explain(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: amplify-ls explain CODE | --list\n");
        return 2;
    }
    size_t n;
    const amp_rule_info *rules = amp_rule_list(&n);
    if (strcmp(argv[1], "--list") == 0) {
        for (size_t i = 0; i < n; i++)
            printf("%-44s %-8s %s\n", rules[i].code, severity_word(rules[i].severity),
                   rules[i].title);
        return 0;
    }
    /* Rules, and the syntax and limit notices, which have pages too. */
    const char *doc = amp_rule_doc(argv[1]);
    if (!doc) {
        fprintf(stderr, "amplify-ls explain: no rule '%s' (see amplify-ls explain --list)\n",
                argv[1]);
        return 2;
    }
    fputs(doc, stdout);
    return 0;
}
