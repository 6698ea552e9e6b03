/*
 * amp_rules.h: the diagnostics amplify-ls reports about Amplify code.
 *
 * Every rule has a stable code (e.g. "data-unknown-model"), a default
 * severity, a one-line title and a doc page (server/rules/<code>.md,
 * embedded at build time; `amplify-ls explain CODE` prints it). Rules read
 * the semantic model only; each reports at the exact range of the offending
 * token, says what is wrong and how to fix it in terms of the user's
 * TypeScript, and adds related locations when another place is involved.
 *
 * A rule never reports on what the model could not understand (UNKNOWN
 * values, open objects): a false error is worse than a missed one.
 */
#ifndef AMP_RULES_H
#define AMP_RULES_H

#include "amp_diag.h"
#include "amp_model.h"

typedef struct amp_rule_info {
    const char *code;
    amp_severity severity; /* default */
    const char *title;
} amp_rule_info;

/* The rule with this code, or NULL. */
const amp_rule_info *amp_rule_find(const char *code);

/* All rules, in table order: *count receives how many. */
const amp_rule_info *amp_rule_list(size_t *count);

/* The markdown doc page of a rule (static text), or NULL. */
const char *amp_rule_doc(const char *code);

/* Severity overrides, e.g. from amplify-ls.json: code -> severity, where 0
 * turns the rule off. Both arrays are borrowed. */
typedef struct amp_rule_config {
    const char *const *codes;
    const int *severities;
    size_t count;
} amp_rule_config;

/* What rules may know about the world beyond the model. The core does no
 * I/O: the caller (which may) answers through these. Every member may be
 * NULL/0 when unknown, and rules then assume nothing. */
typedef struct amp_rule_env {
    const char *amplify_dir; /* absolute path of the backend's amplify/ folder */
    const char
        *backend_version; /* @aws-amplify/backend version in use (package.json or lockfile) */
    const char *data_schema_version; /* @aws-amplify/data-schema version in use */
    /* True when the absolute path names an existing regular file. */
    bool (*file_exists)(void *ctx, const char *path);
    void *ctx;
} amp_rule_env;

/* Runs every rule over the model. out must hold model->file_count lists;
 * diagnostics are appended to the list of the file they are in. cfg and env
 * may be NULL. texts[i] (the text of model->files[i]) is used for
 * suppression comments (`// amplify-ls-ignore-next-line CODE`); it may be
 * NULL. */
void amp_rules_check(const amp_model *model, const amp_rule_config *cfg, const amp_rule_env *env,
                     const amp_text *const *texts, amp_diag_list *out);

/* ---- handler files ---------------------------------------------------------------- */

/* A defineFunction that Amplify bundles (not a custom function), with what
 * the handler rules need of it. */
typedef struct amp_function_info {
    int resource; /* index into model->resources */
    char *name;   /* owned: the name Amplify gives it, or NULL when not known */
    char *path;   /* owned: absolute normalised path of its entry file, or NULL when not known */
    amp_loc at;   /* where the name comes from: `name`, `entry`, or the defineFunction callee */
} amp_function_info;

typedef struct amp_function_list {
    amp_function_info *items; /* owned */
    size_t count;
    bool names_known; /* every defineFunction of the backend was understood and named */
} amp_function_list;

/* Lists the Amplify-built functions of model. texts[i] is the text of
 * model->files[i]; without texts (NULL), or when a file calls defineFunction
 * more often than the model has functions (a call it did not evaluate),
 * names_known is false. Returns 0, or -1 when out of memory (the list then
 * holds what was listed, with names_known false). */
int amp_rules_functions(const amp_model *model, const amp_text *const *texts,
                        amp_function_list *out);

/* Frees the list's contents. */
void amp_function_list_clear(amp_function_list *list);

/* Runs the handler rules over entry files of the model's functions (files
 * Amplify bundles, outside the model): their `$amplify/env/<name>` imports
 * must name a function of the backend. docs[i] is the parsed file at
 * paths[i], a path of fns; out[i] receives its findings (related locations
 * point into the model's files). cfg and env as for amp_rules_check; the
 * suppression comments of handler files are not read. */
void amp_rules_check_handlers(const amp_model *model, const amp_function_list *fns,
                              const amp_rule_config *cfg, const amp_rule_env *env,
                              const amp_doc *const *docs, const char *const *paths, size_t n,
                              amp_diag_list *out);

#endif
