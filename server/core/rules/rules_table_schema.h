/*
 * rules_table_schema.h: more data-schema rules: authorization strategies and providers, field
 * modifiers, custom operations, AI routes, defineData options. X(code, default severity, title);
 * see rules_table.h. Codes are stable forever; each has a doc page server/rules/<code>.md and
 * fixtures tests/rules/<code>/.
 *
 * Below the table: what the files rules_schema*.c share (their entry points
 * and small helpers). Only those files call them.
 */
#ifndef AMP_RULES_TABLE_SCHEMA_H
#define AMP_RULES_TABLE_SCHEMA_H

#include "amp_catalog.h"
#include "rules_internal.h"

// clang-format off
#define AMP_RULES_SCHEMA(X)                                                                        \
    X("data-auth-strategy-unavailable", AMP_SEV_ERROR, "An authorization strategy is not offered where it is used") \
    X("data-auth-provider-invalid", AMP_SEV_ERROR, "An authorization rule names a provider its strategy does not accept") \
    X("data-auth-operation-invalid", AMP_SEV_ERROR, "An authorization rule's .to([...]) names an operation that does not exist") \
    X("data-auth-field-conflict", AMP_SEV_ERROR, "Two authorization rules imply the same owner or group field with different shapes") \
    X("data-auth-field-type", AMP_SEV_ERROR, "A declared field conflicts with the owner or group field an authorization rule implies") \
    X("data-sql-auth-field-missing", AMP_SEV_ERROR, "A SQL model's owner or group rule names a field the model does not declare") \
    X("data-auth-unknown-group", AMP_SEV_WARNING, "An authorization rule names a group that defineAuth does not define") \
    X("data-custom-handler-auth", AMP_SEV_ERROR, "An operation with a.handler.custom uses authorization that JavaScript resolvers do not support") \
    X("data-return-type-auth", AMP_SEV_ERROR, "A custom type returned by an operation inherits authorization it cannot carry") \
    X("data-auth-duplicate-role", AMP_SEV_ERROR, "Two authorization rules of a model grant the same role") \
    X("data-auth-provider-unconfigured", AMP_SEV_ERROR, "An authorization rule uses a provider defineData does not configure") \
    X("data-field-auth-required-fields", AMP_SEV_ERROR, "Field-level rules leave a required field unreadable by a role that reads the model") \
    X("data-field-auth-ignored", AMP_SEV_WARNING, "Field-level authorization on a custom type field is dropped") \
    X("data-modifier-repeated", AMP_SEV_ERROR, "A builder method is called again where it may be called only once") \
    X("data-modifier-unavailable", AMP_SEV_ERROR, "A builder method is not offered at that point of the chain") \
    X("data-builder-unknown", AMP_SEV_ERROR, "An a.* builder name is misspelled") \
    X("data-handler-kinds-mixed", AMP_SEV_ERROR, "A custom operation mixes handlers of different kinds") \
    X("data-handler-function-invalid", AMP_SEV_ERROR, "a.handler.function() is given something that is not a defineFunction result or a name") \
    X("data-handler-function-unknown-name", AMP_SEV_WARNING, "a.handler.function('name') names no function of defineData({ functions })") \
    X("data-handler-sql-in-dynamodb", AMP_SEV_WARNING, "a.handler.inlineSql() is used in a DynamoDB schema, where it is dropped") \
    X("data-subscription-source-invalid", AMP_SEV_ERROR, "A subscription's .for() source is not a mutation or a model ref with .mutations([...])") \
    X("data-subscription-source-type", AMP_SEV_WARNING, "A subscription listens to a custom type or an enum") \
    X("data-subscription-return-mismatch", AMP_SEV_ERROR, "A subscription's sources return different types") \
    X("data-argument-type-invalid", AMP_SEV_ERROR, "A custom operation argument is a relationship or refers to a model or operation") \
    X("data-returns-invalid", AMP_SEV_ERROR, "A custom operation's .returns() is given something that is not a return type") \
    X("data-ref-target-invalid", AMP_SEV_ERROR, "a.ref() names a conversation route, or a custom operation from a field") \
    X("data-ai-model-unknown", AMP_SEV_ERROR, "a.ai.model() names a model Amplify does not know") \
    X("data-ai-route-input-missing", AMP_SEV_ERROR, "A generation or conversation route lacks its aiModel or systemPrompt") \
    X("data-ai-tool-invalid", AMP_SEV_ERROR, "A conversation data tool has an invalid name, model, query or operation") \
    X("data-default-invalid", AMP_SEV_ERROR, "A field's .default(value) is rejected when the schema is deployed") \
    X("data-default-db-generated", AMP_SEV_ERROR, "A DB-generated .default() outside PostgreSQL or on a non-integer field") \
    X("data-validate-invalid", AMP_SEV_ERROR, "A field's .validate(...) uses rules its type or place does not allow") \
    X("data-has-one-required", AMP_SEV_ERROR, "a.hasOne(...) is marked .required()") \
    X("data-key-field-ineligible", AMP_SEV_ERROR, "An identifier or index key names a field that cannot be a key") \
    X("data-index-sort-key-is-partition-key", AMP_SEV_ERROR, "A secondary index lists its partition key among its sort keys") \
    X("data-index-projection-invalid", AMP_SEV_ERROR, "A secondary index's .projection(...) is malformed") \
    X("data-disable-operations-unknown", AMP_SEV_ERROR, "disableOperations([...]) names an operation that does not exist") \
    X("data-primary-key-modifier-ignored", AMP_SEV_WARNING, "A modifier on the partition key field is dropped") \
    X("data-generated-name-collision", AMP_SEV_ERROR, "A type Amplify generates for an inline enum or custom type collides with another type") \
    X("data-operation-name-collision", AMP_SEV_ERROR, "A custom operation has the name of an operation Amplify generates for a model") \
    X("data-model-operation-collision", AMP_SEV_ERROR, "Two models or indexes make Amplify generate the same query, mutation or subscription") \
    X("data-auth-user-pool-unavailable", AMP_SEV_ERROR, "An authorization rule needs the Cognito user pool, but the backend has no auth resource") \
    X("data-auth-identity-pool-unavailable", AMP_SEV_ERROR, "An authorization rule needs the Cognito identity pool, but the backend has no auth resource") \
    X("data-duplicate-key", AMP_SEV_ERROR, "An object literal of the schema repeats a key") \
    X("data-sql-add-to-schema-model", AMP_SEV_ERROR, "A model is passed to addToSchema() of a SQL schema") \
    X("data-sql-rename-invalid", AMP_SEV_ERROR, "renameModels() names a model the SQL schema does not have, or an empty new name") \
    X("data-default-auth-mode-required", AMP_SEV_ERROR, "defineData configures several authorization modes without a defaultAuthorizationMode") \
    X("data-default-auth-mode-unconfigured", AMP_SEV_WARNING, "defaultAuthorizationMode names a mode that is not configured") \
    X("data-default-auth-mode-user-pool-crash", AMP_SEV_ERROR, "defaultAuthorizationMode is 'userPool' without an auth resource while another mode is configured") \
    X("data-table-mapping-duplicate-branch", AMP_SEV_ERROR, "migratedAmplifyGen1DynamoDbTableMappings lists a branch twice")
// clang-format on

/* ---- shared by rules_schema*.c ------------------------------------------ */

/* Area entry points (each runs its rules over the whole model). */
void amp_schema_rules_auth(amp_check *c);
void amp_schema_rules_fieldauth(amp_check *c);
void amp_schema_rules_chain(amp_check *c);
void amp_schema_rules_ops(amp_check *c);
void amp_schema_rules_fields(amp_check *c);
void amp_schema_rules_names(amp_check *c);
void amp_schema_rules_define(amp_check *c);

/* amp_report, except that a diagnostic of the same code at the same range
 * is reported once (a builder value held in a const may be reached from
 * several fields). Returns the new diagnostic, or NULL. */
amp_diag *amp_schema_report(amp_check *c, const char *code, amp_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Walks the method chain of CALL v from catalogue type `type` (the type
 * the base call returns) and reports methods that type does not offer at
 * that point (data-modifier-unavailable) or that were already called
 * (data-modifier-repeated). label names the base call in messages, e.g.
 * "a.belongsTo(...)". Does nothing when v is not a CALL or type is NULL. */
void amp_schema_walk(amp_check *c, const amp_value *v, const amp_cat_entry *type,
                     const char *label);

/* Writes " Did you mean 'x'?" into buf (cap bytes) when one of the n
 * candidates is close to name (case-insensitive edit distance), else "".
 * Returns buf. */
char *amp_schema_hint(char *buf, size_t cap, const char *name, const char *const *cands, size_t n);

/* The same, with candidates taken from a catalogue value's enum (may be
 * NULL). */
char *amp_schema_hint_enum(char *buf, size_t cap, const char *name, const void *cat_value);

/* The last field named name of t (later duplicates override earlier ones at
 * run time), or NULL. */
const amp_field *amp_schema_field(const amp_type *t, const char *name);

/* True when every field of t was understood. */
bool amp_schema_fields_known(const amp_type *t);

/* True when type names of the schema group of schema si may be missing. */
bool amp_schema_group_open(const amp_model *m, int si);

/* The GraphQL scalar of a scalar builder name ("string" -> "String"), from
 * the catalogue; NULL when unknown. */
const char *amp_schema_graphql(const char *scalar);

/* The rules that apply to type t: its own when non-empty, else the
 * schema's (*inherited is then true, and callers must skip its "resource"
 * rules, which Amplify keeps apart). Returns false when the list is not
 * complete (a callback not fully understood); what it holds is still
 * right. */
bool amp_schema_effective_rules(const amp_schema *s, const amp_type *t, const amp_rule **rules,
                                size_t *count, bool *inherited);

/* Compares the @aws-amplify/data-schema version in use (an exact version,
 * or a ^/~ range from package.json) with v ("0.13.4"): -1 when it is
 * certainly older, 0 same, 1 newer, 2 when that is not known (no version,
 * or a range reaching v or beyond). */
int amp_schema_version_cmp(const amp_check *c, const char *v);

/* True when schema si is written in the pre-1.0 DSL of
 * @aws-amplify/data-schema (the version in use is below 1.0.0, or the
 * schema uses 0.x-only forms: `.authorization([...])` without a callback,
 * a.manyToMany, `.function(...)` on an operation). The rules of
 * rules_schema*.c describe 1.x and leave such schemas alone. */
bool amp_schema_legacy(const amp_check *c, size_t si);

/* The defineData resource whose schema (or a.combine group) is schema si,
 * or NULL. */
const amp_resource *amp_schema_data_resource(const amp_model *m, size_t si);

/* Capitalises the first letter of s into buf (cap bytes); returns buf. */
char *amp_schema_capitalize(char *buf, size_t cap, const char *s);

/* The plural of word as the GraphQL transformer forms it for list queries
 * (the npm package pluralize), written to out (cap bytes). False when word
 * is empty, too long or not ASCII, or out is too small
 * (rules_schema_plural.c). */
bool amp_schema_plural(const char *word, char *out, size_t cap);

/* amp_schema_plural, remembered in the model's name memo (a keystroke
 * asks again for the plural of every model name). */
bool amp_schema_plural_of(const amp_model *m, const char *word, char *out, size_t cap);

/* Rules over generated operation names and user-pool rules without auth
 * (rules_schema_more.c). */
void amp_schema_rules_more(amp_check *c);

#endif
