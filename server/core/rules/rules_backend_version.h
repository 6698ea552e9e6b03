/*
 * rules_backend_version.h: what rules may ask about the Amplify versions a
 * project uses (amp_rule_env.backend_version / data_schema_version).
 *
 * A version string is what the caller found: an exact version from a
 * lockfile ("1.25.1") or the range written in package.json ("^1.16.1",
 * "~1.2", ">=1.0.0 <2", "1.x", "npm:@aws-amplify/backend@^1.0.0",
 * "workspace:^1.2.0"). Each is read as the interval of versions it allows.
 * The questions below answer true only when EVERY allowed version agrees,
 * and false when the string is NULL or not understood ("latest", "*", a
 * git URL): a rule that depends on a version stays quiet unless it knows.
 * Pure string work: no I/O.
 */
#ifndef AMP_RULES_BACKEND_VERSION_H
#define AMP_RULES_BACKEND_VERSION_H

#include <stdbool.h>

#include "amp_rules.h"

/* True when every version `version` allows is at least `min` ("1.0.0"). */
bool amp_version_at_least(const char *version, const char *min);

/* True when every version `version` allows is below `limit` ("1.0.0"). */
bool amp_version_below(const char *version, const char *limit);

/* True when the project is known to use the pre-1.0 preview of Amplify Gen 2
 * (@aws-amplify/backend below 1.0.0, or, when the backend version is not
 * known, @aws-amplify/data-schema below 1.0.0). Rules written for the 1.x
 * API do not apply then. */
bool amp_version_preview(const amp_rule_env *env);

#endif
