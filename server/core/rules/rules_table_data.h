/*
 * rules_table_data.h: data-schema rules of rules_data.c:
 * X(code, default severity, title). Codes are stable forever; each has a doc
 * page server/rules/<code>.md and fixtures tests/rules/<code>/.
 */
#define AMP_RULES_DATA(X)                                                                          \
    X("data-unknown-type", AMP_SEV_ERROR, "A relationship or a.ref names a type the schema does not define") \
    X("data-relationship-target-not-model", AMP_SEV_ERROR, "A relationship points at something that is not a model") \
    X("data-missing-counterpart", AMP_SEV_ERROR, "A relationship has no matching relationship on the related model") \
    X("data-ambiguous-counterpart", AMP_SEV_ERROR, "A relationship matches more than one relationship on the related model") \
    X("data-reference-field-missing", AMP_SEV_ERROR, "A relationship's reference field is not a scalar field of the child model") \
    X("data-reference-count-mismatch", AMP_SEV_ERROR, "A relationship's references do not match the parent's identifier") \
    X("data-reference-type-mismatch", AMP_SEV_ERROR, "A reference field's type differs from the parent identifier field's type") \
    X("data-ref-to-model", AMP_SEV_ERROR, "a.ref() names a model from a model or custom type field") \
    X("data-model-missing-authorization", AMP_SEV_ERROR, "A model has no authorization rules") \
    X("data-enum-value-whitespace", AMP_SEV_ERROR, "An enum value contains whitespace") \
    X("data-enum-value-invalid", AMP_SEV_ERROR, "An enum value is not a valid GraphQL name") \
    X("data-enum-empty", AMP_SEV_ERROR, "An enum has no values") \
    X("data-enum-duplicate-value", AMP_SEV_ERROR, "An enum lists the same value twice") \
    X("data-duplicate-type", AMP_SEV_ERROR, "Two schemas joined by a.combine define the same name") \
    X("data-custom-operation-auth-handler", AMP_SEV_ERROR, "A custom operation has authorization without a handler, or a handler without authorization") \
    X("data-custom-operation-missing-returns", AMP_SEV_ERROR, "A custom query or mutation has no return type") \
    X("data-subscription-missing-for", AMP_SEV_ERROR, "A custom subscription has no mutation source") \
    X("data-identifier-unknown-field", AMP_SEV_ERROR, "An identifier names a field the model does not declare") \
    X("data-identifier-not-required", AMP_SEV_ERROR, "An identifier field is neither required nor of type ID") \
    X("data-conversation-missing-authorization", AMP_SEV_ERROR, "A conversation route has no authorization") \
    X("data-index-unknown-field", AMP_SEV_ERROR, "A secondary index names a field the model does not declare")
