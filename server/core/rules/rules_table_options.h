/*
 * rules_table_options.h: options of defineAuth, defineStorage, defineFunction and defineData
 * checked against the catalogue, and the auth, storage and function rules.
 * X(code, default severity, title); see rules_table.h.
 *
 * Below the table: what the files rules_options*.c share (only they define
 * AMP_RULES_OPTIONS_SHARED before including this header).
 */
/* clang-format off */
#define AMP_RULES_OPTIONS(X)                                                                       \
    X("options-unknown-key", AMP_SEV_ERROR, "An options object has a key the Amplify API does not accept") \
    X("options-missing-key", AMP_SEV_ERROR, "An options object lacks a key the Amplify API requires") \
    X("options-wrong-type", AMP_SEV_ERROR, "An option has a value of the wrong kind") \
    X("options-secret-expected", AMP_SEV_ERROR, "A literal string where the Amplify API requires secret('NAME')") \
    X("options-invalid-value", AMP_SEV_ERROR, "An option value is not one the Amplify API accepts") \
    X("options-out-of-range", AMP_SEV_ERROR, "A number or a list length outside the range the Amplify API accepts") \
    X("options-ignored", AMP_SEV_WARNING, "An option the Amplify API accepts but never uses") \
    X("auth-unknown-trigger", AMP_SEV_ERROR, "defineAuth triggers names an event Cognito does not have") \
    X("auth-unknown-user-attribute", AMP_SEV_ERROR, "defineAuth userAttributes names an attribute that is neither standard nor custom:") \
    X("auth-custom-attribute-invalid", AMP_SEV_ERROR, "A custom: user attribute breaks a Cognito rule") \
    X("auth-no-email-or-phone", AMP_SEV_ERROR, "defineAuth loginWith enables neither email nor phone") \
    X("auth-phone-mfa-without-sms", AMP_SEV_ERROR, "Phone login with multi-factor authentication but without SMS") \
    X("auth-message-missing-placeholder", AMP_SEV_ERROR, "A verification or MFA message does not contain the code or link") \
    X("auth-preferred-challenge-disabled", AMP_SEV_ERROR, "passwordlessOptions.preferredChallenge names a sign-in method that is not enabled") \
    X("auth-email-mfa-without-ses", AMP_SEV_ERROR, "Email MFA without an SES email sender") \
    X("auth-passwordless-with-required-mfa", AMP_SEV_ERROR, "Passwordless sign-in combined with required MFA") \
    X("storage-invalid-path", AMP_SEV_ERROR, "A storage access path breaks Amplify's path format") \
    X("storage-path-prefix-conflict", AMP_SEV_ERROR, "Storage access paths nest in a way Amplify rejects") \
    X("storage-duplicate-access", AMP_SEV_ERROR, "One storage path grants the same role twice") \
    X("storage-action-overlap", AMP_SEV_ERROR, "A storage rule combines 'read' with 'get' or 'list'") \
    X("storage-multiple-default-buckets", AMP_SEV_ERROR, "More than one bucket has isDefault: true") \
    X("storage-no-default-bucket", AMP_SEV_ERROR, "Several buckets and none has isDefault: true") \
    X("storage-unknown-group", AMP_SEV_ERROR, "A storage rule names a group defineAuth does not define") \
    X("function-schedule-invalid", AMP_SEV_ERROR, "A function schedule Amplify rejects or cannot parse") \
    X("function-schedule-ineffective", AMP_SEV_WARNING, "A function schedule Amplify accepts but that does not run as written") \
    X("function-env-key-invalid", AMP_SEV_ERROR, "A function environment variable name Amplify rejects") \
    X("function-env-key-reserved", AMP_SEV_ERROR, "A function environment variable name reserved by Lambda or Amplify") \
    X("function-layer-invalid", AMP_SEV_ERROR, "A function layer that is neither an ARN nor name:version") \
    X("function-too-many-layers", AMP_SEV_ERROR, "A function with more than five layers") \
    X("function-entry-not-found", AMP_SEV_ERROR, "A function's entry file does not exist") \
    X("function-env-unknown", AMP_SEV_ERROR, "A handler imports $amplify/env/<name> but no function of the backend has that name") \
    X("resource-name-invalid", AMP_SEV_ERROR, "A resource name Amplify rejects") \
    X("resource-duplicate-name", AMP_SEV_ERROR, "Two resources that Amplify would create under the same name") \
    X("secret-invalid-name", AMP_SEV_WARNING, "A secret name that `ampx sandbox secret set` refuses") \
    X("function-durable-runtime", AMP_SEV_ERROR, "A durable function (durableConfig) on a runtime older than Node.js 22") \
    X("function-log-level-without-json", AMP_SEV_ERROR, "A function log level without JSON log format") \
    X("auth-sender-kms-mismatch", AMP_SEV_ERROR, "Custom email and SMS senders with different KMS keys") \
    X("auth-duplicate-group", AMP_SEV_ERROR, "defineAuth groups lists a group twice") \
    X("auth-duplicate-provider-name", AMP_SEV_ERROR, "Two defineAuth OIDC providers have the same name") \
    X("auth-mfa-without-factor", AMP_SEV_ERROR, "Multi-factor authentication turned on without any factor") \
    X("storage-access-without-auth", AMP_SEV_ERROR, "Storage access for users, guests or groups in a backend without auth")
/* clang-format on */

#if defined(AMP_RULES_OPTIONS_SHARED) && !defined(AMP_RULES_OPTIONS_SHARED_DONE)
#define AMP_RULES_OPTIONS_SHARED_DONE

#include "amp_catalog.h"
#include "rules_internal.h"

/* 1 when text matches the ECMAScript regular expression pattern, 0 when it
 * does not, -1 when the pattern is not supported or the match too costly
 * (then callers report nothing). Both strings are borrowed. */
int amp_opt_regex_test(const char *pattern, const char *text);

/* The name in names closest to word (case-insensitive edit distance, at most
 * about a third of the word), or NULL. Returns a borrowed element of names. */
const char *amp_opt_closest(const char *word, const char *const *names, size_t count);

/* 1 when v is known to be truthy (true, an object, an array, a function, a
 * call, a non-empty string, a non-zero number), 0 when known falsy or
 * absent (NULL), -1 when not known. */
int amp_opt_truthy(const amp_value *v);

/* The value at a dotted key path below obj ("loginWith.email.otpLogin"), or
 * NULL when absent. *unknown is set to true when the answer is not known
 * (a step is not an object, or an object on the way is open). */
const amp_value *amp_opt_path(const amp_value *obj, const char *path, bool *unknown);

/* True when x is a whole number (without libm). */
bool amp_opt_is_whole(double x);

/* The smallest whole number >= x (x within +-9e15). */
long long amp_opt_ceil(double x);

/* The text of obj's property key when it is a string literal, else NULL. */
const char *amp_opt_string(const amp_value *obj, const char *key);

/* The catalogue entry of an option given by its id, or NULL. */
const amp_cat_entry *amp_opt_entry(const char *id);

/* The pattern the catalogue gives the value of entry id (or, with items,
 * of its items), or NULL. */
const char *amp_opt_pattern(const char *id, bool items);

/* Checks one resource's options against the catalogue (rules_options.c). */
void amp_rules_options_generic(amp_check *c, const amp_resource *r);

/* The area rules (rules_options_<area>.c). */
void amp_rules_options_auth(amp_check *c, const amp_resource *r);
void amp_rules_options_storage(amp_check *c, const amp_resource *r);
void amp_rules_options_buckets(amp_check *c);
void amp_rules_options_function(amp_check *c, const amp_resource *r);
void amp_rules_options_schedule(amp_check *c, const amp_resource *r);
void amp_rules_options_names(amp_check *c);

/* How a function got its name. */
typedef enum {
    AMP_FN_NAME_GIVEN,
    AMP_FN_NAME_FROM_ENTRY,
    AMP_FN_NAME_FROM_FOLDER
} amp_fn_name_source;

/* The name Amplify gives the defineFunction r (its `name`, else the base
 * name of its entry without extension, else the folder of the calling file)
 * into out (cap bytes); *source and *at (the name's literal, the entry's, or
 * the callee) say where it comes from. False when it is not known (a
 * non-literal name or entry, props the model did not understand). */
bool amp_function_name(const amp_model *m, const amp_resource *r, char *out, size_t cap,
                       amp_fn_name_source *source, amp_loc *at);

/* The absolute, normalised path of the entry file of the defineFunction r
 * (its `entry` resolved from the calling file's folder, else handler.ts
 * there) into out (cap bytes); *entry receives the entry property or NULL.
 * False when it is not known (a non-literal entry, props the model did not
 * understand, a calling file without an absolute path, too long a path). */
bool amp_function_entry(const amp_model *m, const amp_resource *r, char *out, size_t cap,
                        const amp_prop **entry);

/* Rules where one option needs another, or another resource
 * (rules_options_more.c). */
void amp_rules_options_more(amp_check *c);

#endif
