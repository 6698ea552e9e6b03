/*
 * amp_project.h: what a backend's project says about checking it, read
 * from disk: the Amplify versions it uses and its amplify-ls.json.
 *
 * Versions. From the amplify/ folder upwards, the nearest package.json that
 * names @aws-amplify/backend or @aws-amplify/data-schema (in any kind of
 * dependencies) gives the ranges; the nearest lockfile at or above it
 * (package-lock.json, npm-shrinkwrap.json, yarn.lock, pnpm-lock.yaml) gives
 * the installed versions, which win over the ranges. The rules read them as
 * amp_rule_env.backend_version / data_schema_version (an exact version, or
 * the range when no lockfile says).
 *
 * amplify-ls.json. The nearest one from the folder holding amplify/ up to the
 * workspace folder that contains it:
 *
 *     { "rules": { "data-model-missing-authorization": "warning", "some-code": "off" } }
 *
 * Values: "error", "warning", "information" (or "info"), "hint", "off".
 * Unknown codes, bad values and malformed JSON are problems: each is logged
 * once per read (warning level) and kept with its position, so `check` can
 * report it as a diagnostic of amplify-ls.json; the valid entries still
 * apply.
 *
 * An amplify-ls.json open in the editor is read from its buffer, not from
 * the disk (the open buffer wins), also when it was never saved.
 *
 * Everything is cached per backend and read again only when one of the files
 * consulted changes (size or modification time; for an open amplify-ls.json,
 * its text) or appears or disappears. The cache is looked at only when the
 * backend's model is rebuilt (amp_backend_model), so whoever learns of a
 * change to one of these files bumps the gen of the backends that
 * amp_project_reads says read it.
 */
#ifndef AMP_PROJECT_H
#define AMP_PROJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "amp_rules.h"
#include "amp_workspace.h"

/* Something wrong in amplify-ls.json. */
typedef struct amp_config_problem {
    uint32_t line, column; /* 1-based; column in bytes of the line */
    uint32_t length;       /* bytes to underline (at least 1) */
    amp_severity severity;
    char *message; /* owned */
} amp_config_problem;

typedef struct amp_project {
    char *package_json;           /* owned: the package.json the ranges came from, or NULL */
    char *lockfile;               /* owned: the lockfile consulted, or NULL */
    char *backend_version;        /* owned: installed version, else the range, or NULL */
    char *data_schema_version;    /* owned: likewise for @aws-amplify/data-schema */
    char *config_path;            /* owned: the amplify-ls.json in use, or NULL */
    char *config_text;            /* owned: its text as read, or NULL when unreadable */
    uint32_t config_len;          /* bytes of config_text (the problems refer to it) */
    amp_rule_config config;       /* from amplify-ls.json (arrays owned here) */
    amp_config_problem *problems; /* owned */
    size_t problem_count;
    char *signature; /* owned: what the files consulted looked like */
} amp_project;

/* Brings be->project up to date with the disk (reading only when the files
 * consulted changed) and logs the problems of a freshly read amplify-ls.json
 * through ws->log. Returns be->project (borrowed until the next refresh of
 * be or until be is freed), or NULL when out of memory. */
const amp_project *amp_project_refresh(amp_workspace *ws, amp_backend *be);

/* Frees a project. Accepts NULL. */
void amp_project_free(amp_project *p);

/* For `check`: puts every backend's amplify-ls.json that has problems into
 * the store (not as part of a backend) with the problems as its diagnostics.
 * Returns how many such files there are. */
size_t amp_project_config_files(amp_workspace *ws);

/* True when f is such an amplify-ls.json. */
bool amp_project_is_config_file(const amp_file *f);

/* True when the last component of path names a file a project is read
 * from: package.json, a lockfile or amplify-ls.json (session.c's file
 * watchers cover the same names); amp_project_is_config_path: when it is
 * amplify-ls.json. */
bool amp_project_is_settings_path(const char *path);
bool amp_project_is_config_path(const char *path);

/* True when a change of the settings file at path (an absolute path) can
 * change what amp_project_refresh reads for be: the file lies in be's
 * amplify/ folder or in a folder above it. */
bool amp_project_reads(const amp_backend *be, const char *path);

/* Appends p's amplify-ls.json problems to out as diagnostics of text, which
 * must be p->config_text (the positions are clamped to it). */
void amp_project_problem_diags(const amp_project *p, const amp_text *text, amp_diag_list *out);

#endif
