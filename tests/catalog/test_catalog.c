/*
 * test_catalog.c: unit tests of the embedded Amplify API catalogue.
 *
 * Checks the lookups features depend on (ranges, enums, chain types, allow
 * builders per context, option trees with shapes and key patterns, inherited
 * fields) and the structural invariants of the generated tables (sorted ids,
 * consistent parent/child links), through the public amp_catalog.h API only.
 */
#include "amp_catalog.h"
#include "amp_test.h"

#include <string.h>

/* The entry with id, asserting it exists. */
static const amp_cat_entry *must(const char *id)
{
    const amp_cat_entry *e = amp_catalog_find(id);
    if (!e)
        fprintf(stderr, "missing catalogue entry %s\n", id);
    return e;
}

/* The number of children of e with the given kind. */
static size_t count_kind(const amp_cat_entry *e, amp_cat_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < amp_cat_child_count(e); i++)
        n += amp_cat_kind_of(amp_cat_child_at(e, i)) == kind;
    return n;
}

static void test_function_timeout_range(void)
{
    const amp_cat_entry *e = must("defineFunction.timeoutSeconds");
    AMP_CHECK(e != NULL);
    const amp_cat_value *v = amp_cat_value_of(e);
    amp_cat_range r = amp_cat_value_range(v);
    AMP_CHECK(r.has_min && r.has_max);
    AMP_CHECK(r.min == 1 && r.max == 900);
    AMP_CHECK(amp_cat_value_accepts(v, AMP_CAT_T_INTEGER));
    AMP_CHECK(!amp_cat_value_accepts(v, AMP_CAT_T_STRING));
    AMP_CHECK_STR(amp_cat_value_default(v), "3");
    AMP_CHECK_INT(amp_cat_value_default_kind(v), AMP_CAT_LIT_NUMBER);
    r = amp_cat_value_range(amp_cat_value_of(must("defineFunction.memoryMB")));
    AMP_CHECK(r.min == 128 && r.max == 10240);
    r = amp_cat_value_range(amp_cat_value_of(must("defineFunction.ephemeralStorageSizeMB")));
    AMP_CHECK(r.min == 512 && r.max == 10240);
    AMP_CHECK_STR(amp_cat_since(must("defineFunction.ephemeralStorageSizeMB")), "1.10.0");
}

static void test_function_props(void)
{
    const amp_cat_entry *fn = must("defineFunction");
    AMP_CHECK_INT(count_kind(fn, AMP_CAT_OPTION), 14);
    AMP_CHECK_INT(amp_cat_overload_count(fn), 1);
    const amp_cat_overload *o = amp_cat_overload_at(fn, 0);
    AMP_CHECK_INT(amp_cat_overload_param_count(o), 2);
    AMP_CHECK_STR(amp_cat_param_name(amp_cat_overload_param_at(o, 0)), "provider");
    const amp_cat_value *rt = amp_cat_value_of(must("defineFunction.runtime"));
    size_t n = 0;
    const char *const *lits = amp_cat_value_enum(rt, &n);
    AMP_CHECK_INT(n, 4);
    AMP_CHECK(lits && strcmp(lits[0], "18") == 0 && strcmp(lits[3], "24") == 0);
    AMP_CHECK_INT(amp_cat_value_enum_kind(rt, 0), AMP_CAT_LIT_NUMBER);
    AMP_CHECK_STR(amp_cat_value_default(rt), "22");
    AMP_CHECK(amp_cat_value_enum_contains(amp_cat_value_of(must("defineFunction.architecture")),
                                          "arm64"));
    const amp_cat_entry *sched = must("defineFunction.schedule");
    AMP_CHECK_STR(amp_cat_attr(sched, "cron.minutes"), "0-59");
    AMP_CHECK_STR(amp_cat_attr(sched, "cron.day-of-week"), "1-7,?");
    AMP_CHECK(amp_cat_attr(sched, "no such attr") == NULL);
    AMP_CHECK(amp_cat_key(sched, "timezone") != NULL);
    const amp_cat_value *env = amp_cat_value_of(must("defineFunction.environment"));
    AMP_CHECK(amp_cat_value_accepts(env, AMP_CAT_T_RECORD));
    AMP_CHECK_STR(amp_cat_value_key_pattern(env), "^[a-zA-Z]([a-zA-Z0-9_])+$");
    AMP_CHECK(amp_cat_value_accepts(amp_cat_value_items(env), AMP_CAT_T_SECRET));
}

static void test_log_retention_resolved(void)
{
    size_t n = 0;
    amp_cat_value_enum(amp_cat_value_of(must("LogRetention")), &n);
    AMP_CHECK_INT(n, 23);
    const amp_cat_value *fn = amp_cat_value_of(must("defineFunction.logging.retention"));
    amp_cat_value_enum(fn, &n);
    AMP_CHECK_INT(n, 23);
    AMP_CHECK(amp_cat_value_enum_contains(fn, "13 months"));
    const amp_cat_value *data = amp_cat_value_of(must("defineData.logging.retention"));
    AMP_CHECK(amp_cat_value_enum_contains(data, "infinite"));
    AMP_CHECK_STR(amp_cat_value_default(data), "1 week");
}

static void test_auth_tree(void)
{
    const amp_cat_entry *auth = must("defineAuth");
    AMP_CHECK_INT(count_kind(auth, AMP_CAT_OPTION), 10);
    AMP_CHECK_STR(amp_cat_attr(auth, "file"), "amplify/auth/resource");
    AMP_CHECK(amp_cat_returns(auth) == must("BackendAuth"));
    const amp_cat_value *rec = amp_cat_value_of(must("defineAuth.accountRecovery"));
    size_t n = 0;
    amp_cat_value_enum(rec, &n);
    AMP_CHECK_INT(n, 6);
    AMP_CHECK(amp_cat_value_enum_contains(rec, "EMAIL_ONLY"));
    AMP_CHECK(amp_cat_value_enum_contains(rec, "PHONE_ONLY_WITHOUT_MFA"));
    AMP_CHECK(!amp_cat_value_enum_contains(rec, "BOGUS"));
    AMP_CHECK_INT(amp_cat_child_count(must("defineAuth.triggers")), 10);
    AMP_CHECK(amp_cat_child(must("defineAuth.triggers"), "preTokenGeneration") != NULL);
    AMP_CHECK(amp_cat_value_required(amp_cat_value_of(must("defineAuth.loginWith"))));
    const amp_cat_value *email = amp_cat_value_of(must("defineAuth.loginWith.email"));
    AMP_CHECK(amp_cat_value_accepts(email, AMP_CAT_T_OBJECT));
    AMP_CHECK(amp_cat_value_enum_contains(email, "true"));
    AMP_CHECK_INT(amp_cat_value_enum_kind(email, 0), AMP_CAT_LIT_BOOLEAN);
    const amp_cat_value *cb =
        amp_cat_value_of(must("defineAuth.loginWith.externalProviders.callbackUrls"));
    AMP_CHECK(amp_cat_value_item_count(cb).has_min && amp_cat_value_item_count(cb).min == 1);
    AMP_CHECK(amp_cat_value_accepts(
        amp_cat_value_of(must("defineAuth.loginWith.externalProviders.google.clientId")),
        AMP_CAT_T_SECRET));
    const amp_cat_value *mode = amp_cat_value_of(must("defineAuth.multifactor.mode"));
    AMP_CHECK(amp_cat_value_enum_contains(mode, "REQUIRED"));
    AMP_CHECK(amp_catalog_find("defineAuth.loginWith.externalProviders.domainPrefix") == NULL);
}

static void test_user_attributes(void)
{
    const amp_cat_entry *ua = must("defineAuth.userAttributes");
    size_t standard = 0;
    for (size_t i = 0; i < amp_cat_child_count(ua); i++) {
        const char *s = amp_cat_attr(amp_cat_child_at(ua, i), "standard");
        standard += s && strcmp(s, "true") == 0;
    }
    AMP_CHECK_INT(standard, 17);
    const amp_cat_entry *family = amp_cat_key(ua, "familyName");
    AMP_CHECK_STR(amp_cat_attr(family, "cognito"), "family_name");
    AMP_CHECK(amp_cat_key(family, "mutable") != NULL); /* through StandardAttribute */
    const amp_cat_entry *custom = amp_cat_key(ua, "custom:plan");
    AMP_CHECK_STR(amp_cat_name(custom), "custom:*");
    AMP_CHECK(amp_cat_value_shape(amp_cat_value_of(custom)) == must("CustomAttribute"));
    const amp_cat_entry *dt = amp_cat_key(custom, "dataType");
    size_t n = 0;
    amp_cat_value_enum(amp_cat_value_of(dt), &n);
    AMP_CHECK_INT(n, 4);
    AMP_CHECK(amp_cat_key(ua, "notAnAttribute") == NULL);
    const amp_cat_entry *map =
        must("defineAuth.loginWith.externalProviders.google.attributeMapping");
    AMP_CHECK(amp_cat_key(map, "emailVerified") != NULL);
    AMP_CHECK_INT(amp_cat_child_count(must("AttributeMapping")), 19);
}

static void test_auth_access_actions(void)
{
    const amp_cat_entry *to = must("AuthAccessRule.to");
    const amp_cat_value *items = amp_cat_value_items(amp_cat_param_value(amp_cat_param_at(to, 0)));
    size_t n = 0;
    amp_cat_value_enum(items, &n);
    AMP_CHECK_INT(n, 31);
    AMP_CHECK_INT(count_kind(to, AMP_CAT_VALUE), 31);
    AMP_CHECK_STR(amp_cat_attr(amp_cat_child(to, "listUsers"), "iam"), "ListUsers");
    AMP_CHECK(amp_cat_returns(must("AuthAllow.resource")) == must("AuthAccessRule"));
    AMP_CHECK_INT(amp_cat_child_count(must("AuthAllow")), 1);
}

static void test_scalars(void)
{
    const amp_cat_entry *s = must("a.string");
    const amp_cat_entry *field = amp_cat_returns(s);
    AMP_CHECK(field == must("ModelField"));
    AMP_CHECK(amp_cat_child(field, "required") != NULL);
    AMP_CHECK(amp_cat_child(field, "validate") != NULL);
    AMP_CHECK_STR(amp_cat_attr(s, "graphql"), "String");
    AMP_CHECK_STR(amp_cat_attr(must("a.integer"), "graphql"), "Int");
    AMP_CHECK_STR(amp_cat_attr(must("a.ipAddress"), "graphql"), "AWSIPAddress");
    AMP_CHECK_STR(amp_cat_attr(must("a.boolean"), "identifier_eligible"), "false");
    AMP_CHECK_STR(amp_cat_attr(must("a.json"), "index_eligible"), "false");
    AMP_CHECK(amp_cat_link(s, "validator") == must("StringValidator"));
    AMP_CHECK(amp_cat_link(must("a.float"), "validator") == must("NumericValidator"));
    AMP_CHECK(amp_cat_link(must("a.date"), "validator") == NULL);
    AMP_CHECK_INT(amp_cat_child_count(must("StringValidator")), 5);
    AMP_CHECK_INT(amp_cat_child_count(must("NumericValidator")), 6);
    size_t scalars = 0;
    const amp_cat_entry *a = must("a");
    for (size_t i = 0; i < amp_cat_child_count(a); i++)
        scalars += amp_cat_attr(amp_cat_child_at(a, i), "scalar") != NULL;
    AMP_CHECK_INT(scalars, 14);
    AMP_CHECK_INT(amp_cat_child_count(a), 30);
}

static void test_chain_typing(void)
{
    const amp_cat_entry *array = must("ModelField.array");
    AMP_CHECK(amp_cat_once(array));
    AMP_CHECK_INT(amp_cat_removes_count(array), 1);
    AMP_CHECK_STR(amp_cat_removes_at(array, 0), "validate");
    AMP_CHECK_INT(amp_cat_restores_count(array), 1);
    AMP_CHECK_STR(amp_cat_restores_at(array, 0), "required");
    const amp_cat_entry *validate = must("ModelField.validate");
    AMP_CHECK_INT(amp_cat_removes_count(validate), 2);
    AMP_CHECK(amp_cat_once(must("NumericValidator.positive")));
    AMP_CHECK_STR(amp_cat_removes_at(must("NumericValidator.positive"), 0), "gt");
    AMP_CHECK(!amp_cat_once(must("HasManyField.valueRequired")));
    const amp_cat_value *ops = amp_cat_value_items(
        amp_cat_param_value(amp_cat_param_at(must("ModelType.disableOperations"), 0)));
    size_t n = 0;
    amp_cat_value_enum(ops, &n);
    AMP_CHECK_INT(n, 11);
    AMP_CHECK(amp_cat_returns(must("a.belongsTo")) == must("BelongsToField"));
    AMP_CHECK(amp_cat_child(must("BelongsToField"), "required") == NULL);
    AMP_CHECK(amp_cat_child(must("CustomSubscription"), "returns") == NULL);
    AMP_CHECK(amp_cat_child(must("CustomQuery"), "for") == NULL);
}

static void test_ai_models(void)
{
    const amp_cat_entry *model = must("a.ai.model");
    AMP_CHECK_INT(amp_cat_param_count(model), 1);
    const amp_cat_value *v = amp_cat_param_value(amp_cat_param_at(model, 0));
    size_t n = 0;
    amp_cat_value_enum(v, &n);
    AMP_CHECK_INT(n, 25);
    AMP_CHECK(amp_cat_value_enum_contains(v, "Claude 3.5 Sonnet v2"));
    AMP_CHECK(amp_cat_value_enum_contains(v, "Claude Opus 4.6"));
    AMP_CHECK(!amp_cat_value_enum_contains(v, "GPT-4"));
    /* a.ai.dataTool's keys come from the DataTool shape of its parameter */
    const amp_cat_entry *name = amp_cat_key(must("a.ai.dataTool"), "name");
    AMP_CHECK(name == must("DataTool.name"));
    AMP_CHECK(amp_cat_value_length(amp_cat_value_of(name)).max == 64);
}

static void test_allow_contexts(void)
{
    AMP_CHECK(amp_cat_child(must("AllowSchema"), "resource") != NULL);
    AMP_CHECK(amp_cat_child(must("AllowModel"), "resource") == NULL);
    AMP_CHECK(amp_cat_child(must("AllowField"), "resource") == NULL);
    AMP_CHECK_INT(amp_cat_child_count(must("AllowSchema")), 12);
    AMP_CHECK_INT(amp_cat_child_count(must("AllowModel")), 11);
    const amp_cat_entry *op = must("AllowCustomOperation");
    AMP_CHECK_INT(amp_cat_child_count(op), 6);
    AMP_CHECK(amp_cat_child(op, "owner") == NULL);
    for (size_t i = 0; i < amp_cat_child_count(op); i++) {
        const amp_cat_entry *rule = amp_cat_returns(amp_cat_child_at(op, i));
        AMP_CHECK(rule == must("CustomOperationAuthRule"));
        AMP_CHECK(amp_cat_child(rule, "to") == NULL);
    }
    AMP_CHECK_INT(amp_cat_child_count(must("AllowConversation")), 1);
    AMP_CHECK(amp_cat_has_context(must("AllowModel"), "model"));
    /* like-copies carry the original's fields */
    const amp_cat_entry *owner = must("AllowModel.owner");
    AMP_CHECK_STR(amp_cat_attr(owner, "implied_field"), "owner");
    AMP_CHECK(amp_cat_returns(owner) == must("OwnerAuthRule"));
    AMP_CHECK_STR(amp_cat_doc(owner), amp_cat_doc(must("AllowSchema.owner")));
    const amp_cat_value *ops =
        amp_cat_value_items(amp_cat_param_value(amp_cat_param_at(must("AuthRule.to"), 0)));
    size_t n = 0;
    amp_cat_value_enum(ops, &n);
    AMP_CHECK_INT(n, 9);
    AMP_CHECK(amp_cat_value_enum_contains(ops, "listen"));
    AMP_CHECK_INT(count_kind(must("ResourceAuthRule.to"), AMP_CAT_VALUE), 3);
}

static void test_storage(void)
{
    const amp_cat_entry *allow = must("AllowStorage");
    const amp_cat_entry *authd = amp_cat_child(allow, "authenticated");
    AMP_CHECK(authd && amp_cat_kind_of(authd) == AMP_CAT_PROPERTY);
    AMP_CHECK(amp_cat_returns(authd) == must("StorageAccessRule"));
    const amp_cat_value *acts =
        amp_cat_value_items(amp_cat_param_value(amp_cat_param_at(must("StorageAccessRule.to"), 0)));
    size_t n = 0;
    amp_cat_value_enum(acts, &n);
    AMP_CHECK_INT(n, 5);
    AMP_CHECK(amp_cat_value_arg(amp_cat_value_of(must("defineStorage.access"))) == allow);
    AMP_CHECK_STR(amp_cat_since(must("defineStorage.keepOnDelete")), "1.23.0");
    AMP_CHECK(amp_cat_value_required(amp_cat_value_of(must("defineStorage.name"))));
    AMP_CHECK_STR(amp_cat_value_pattern(amp_cat_value_of(must("defineStorage.name"))),
                  "^[a-zA-Z][a-zA-Z0-9-_ ]*$");
}

static void test_backend_object(void)
{
    const amp_cat_entry *be = amp_cat_returns(must("defineBackend"));
    AMP_CHECK(be == must("Backend"));
    AMP_CHECK(amp_cat_child(be, "addOutput") != NULL);
    AMP_CHECK(amp_cat_child(be, "createStack") != NULL);
    AMP_CHECK(amp_cat_child(be, "stack") != NULL);
    AMP_CHECK_INT(amp_cat_child_count(must("Backend.addOutput")), 8);
    AMP_CHECK(amp_cat_key(be, "auth") == must("Backend.*")); /* resource keys */
    AMP_CHECK(amp_cat_child(must("AuthResources"), "cfnResources") != NULL);
    AMP_CHECK(amp_cat_child(must("ReferenceAuthResources"), "cfnResources") == NULL);
    AMP_CHECK(amp_cat_child(must("BackendFunction"), "addEnvironment") != NULL);
    AMP_CHECK(amp_cat_returns(must("secret")) == must("BackendSecret"));
}

static void test_inherited_fields(void)
{
    const amp_cat_entry *e = must("defineAuth.loginWith.email.verificationEmailSubject");
    AMP_CHECK_STR(amp_cat_since(e), "1.0.0");
    AMP_CHECK_STR(amp_cat_package(e), "@aws-amplify/backend");
    AMP_CHECK(amp_cat_url(e) && strncmp(amp_cat_url(e), "https://docs.amplify.aws/", 25) == 0);
    AMP_CHECK_STR(amp_cat_since(must("defineAuth.loginWith.email.otpLogin")), "1.19.0");
    AMP_CHECK_STR(amp_cat_package(must("ModelField.required")), "@aws-amplify/data-schema");
    AMP_CHECK(amp_cat_deprecated(must("SqlSchema.addQueries")) != NULL);
    AMP_CHECK(amp_cat_deprecated(must("SqlSchema.addToSchema")) == NULL);
    AMP_CHECK_STR(amp_cat_attr(must("configure"), "import"), "@aws-amplify/data-schema/internals");
}

static void test_versions(void)
{
    AMP_CHECK_STR(amp_catalog_version("@aws-amplify/backend"), "1.25.1");
    AMP_CHECK_STR(amp_catalog_version("@aws-amplify/data-schema"), "1.26.2");
    AMP_CHECK(amp_catalog_version("left-pad") == NULL);
    AMP_CHECK_INT(amp_catalog_package_count(), 2);
    AMP_CHECK(amp_catalog_package_name(2) == NULL);
}

/* Every entry is found by its own id; ids are sorted; links are mutual. */
static void test_table_invariants(void)
{
    size_t n = amp_catalog_count();
    AMP_CHECK(n > 600);
    for (size_t i = 0; i < n; i++) {
        const amp_cat_entry *e = amp_catalog_at(i);
        AMP_CHECK(amp_catalog_find(amp_cat_id(e)) == e);
        if (i > 0)
            AMP_CHECK(strcmp(amp_cat_id(amp_catalog_at(i - 1)), amp_cat_id(e)) < 0);
        AMP_CHECK(amp_cat_doc(e) != NULL);
        for (size_t c = 0; c < amp_cat_child_count(e); c++)
            AMP_CHECK(amp_cat_parent(amp_cat_child_at(e, c)) == e);
        const amp_cat_entry *p = amp_cat_parent(e);
        AMP_CHECK(p ? amp_cat_child(p, amp_cat_name(e)) == e
                    : amp_cat_child(NULL, amp_cat_name(e)) == e);
    }
    AMP_CHECK(amp_catalog_at(n) == NULL);
    AMP_CHECK(amp_cat_child(NULL, "defineData") == must("defineData"));
    const char text[] = "a.model({ ... })";
    AMP_CHECK(amp_catalog_find_n(text, 7) == must("a.model"));
    AMP_CHECK(amp_catalog_find_n(text, 6) == NULL);
    AMP_CHECK(amp_catalog_find("") == NULL);
    AMP_CHECK(amp_catalog_find(NULL) == NULL);
}

static void test_null_and_glob(void)
{
    AMP_CHECK(amp_cat_doc(NULL) == NULL);
    AMP_CHECK(amp_cat_value_of(NULL) == NULL);
    AMP_CHECK_INT(amp_cat_value_types(NULL), 0);
    AMP_CHECK(amp_cat_key(NULL, "x") == NULL);
    AMP_CHECK(!amp_cat_value_range(NULL).has_min);
    AMP_CHECK(amp_catalog_glob("custom:*", "custom:tier"));
    AMP_CHECK(amp_catalog_glob("custom:*", "custom:"));
    AMP_CHECK(!amp_catalog_glob("custom:*", "Custom:tier"));
    AMP_CHECK(amp_catalog_glob("*/*", "photos/*"));
    AMP_CHECK(!amp_catalog_glob("a*c", "abd"));
    AMP_CHECK_STR(amp_cat_kind_name(AMP_CAT_OPTION), "option");
    AMP_CHECK_STR(amp_cat_type_name(AMP_CAT_T_FUNCTION_RESOURCE), "function-resource");
}

int main(void)
{
    AMP_RUN(test_function_timeout_range);
    AMP_RUN(test_function_props);
    AMP_RUN(test_log_retention_resolved);
    AMP_RUN(test_auth_tree);
    AMP_RUN(test_user_attributes);
    AMP_RUN(test_auth_access_actions);
    AMP_RUN(test_scalars);
    AMP_RUN(test_chain_typing);
    AMP_RUN(test_ai_models);
    AMP_RUN(test_allow_contexts);
    AMP_RUN(test_storage);
    AMP_RUN(test_backend_object);
    AMP_RUN(test_inherited_fields);
    AMP_RUN(test_versions);
    AMP_RUN(test_table_invariants);
    AMP_RUN(test_null_and_glob);
    return amp_test_summary();
}
