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

#endif
