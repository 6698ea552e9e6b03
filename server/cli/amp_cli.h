/*
 * amp_cli.h: the headless subcommands of amplify-ls. Each takes the
 * arguments after "amplify-ls" (argv[0] is the subcommand's name) and
 * returns the process exit code.
 */
#ifndef AMP_CLI_H
#define AMP_CLI_H

int amp_cli_check(int argc, char **argv);
int amp_cli_dump_model(int argc, char **argv);
int amp_cli_explain(int argc, char **argv);

#endif
