/*
 * rules_options_auth.c: defineAuth rules that involve more than one option
 * (the per-option checks are the generic catalogue walk of rules_options.c):
 * the conditions under which Amplify's auth construct refuses a
 * configuration (email or phone required, SMS MFA with phone login, message
 * placeholders, preferred passwordless challenge, email MFA without SES,
 * passwordless with required MFA) and Cognito's rules for custom: user
 * attributes. Each check bails out when a value it needs is not known.
 */
#define AMP_RULES_OPTIONS_SHARED
#include "rules_table_options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CODE_PLACEHOLDER "{####}"

/* True when loc lies inside outer (a key written in that object literal). */
static bool loc_within(amp_loc loc, amp_loc outer)
{
    return loc.file == outer.file && loc.start >= outer.start && loc.end <= outer.end;
}

/* The property key of obj, or NULL. */
static const amp_prop *prop_of(const amp_value *obj, const char *key)
{
    return obj && obj->kind == AMP_VAL_OBJECT ? amp_value_prop(obj, key) : NULL;
}

/* The value of obj[key], or NULL. */
static const amp_value *value_of(const amp_value *obj, const char *key)
{
    const amp_prop *p = prop_of(obj, key);
    return p ? p->value : NULL;
}

/* truthy(obj[key]), treating a missing key of an open object as unknown. */
static int truthy_key(const amp_value *obj, const char *key)
{
    if (!obj || obj->kind != AMP_VAL_OBJECT)
        return -1;
    const amp_prop *p = amp_value_prop(obj, key);
    if (!p)
        return obj->open ? -1 : 0;
    return amp_opt_truthy(p->value);
}

/* ---- loginWith ------------------------------------------------------------ */

/* Amplify needs email or phone, even when external providers are set. */
static void check_email_or_phone(amp_check *c, const amp_prop *login)
{
    const amp_value *lw = login->value;
    if (lw->kind != AMP_VAL_OBJECT || lw->open)
        return;
    if (truthy_key(lw, "email") != 0 || truthy_key(lw, "phone") != 0)
        return;
    bool external = amp_value_prop(lw, "externalProviders") != NULL;
    amp_report(
        c, "auth-no-email-or-phone", login->key_loc,
        "loginWith enables neither email nor phone; Amplify's auth construct needs at least one "
        "of them%s. Add `email: true` (or `phone: true`) to loginWith.",
        external ? ", even when external providers are configured" : "");
}

/* The text a message callback returns, when it is a plain string. */
static const amp_value *returned_string(const amp_value *fn)
{
    if (!fn || fn->kind != AMP_VAL_FUNCTION || !fn->body || fn->body->kind != AMP_VAL_STRING ||
        !fn->body->str)
        return NULL;
    return fn->body;
}

/* True when s holds a link placeholder {##text##} (the code placeholder
 * {####} has no text and is not one). */
static bool has_link(const char *s)
{
    for (const char *open = strstr(s, "{##"); open; open = strstr(open + 1, "{##")) {
        const char *text = open + 3;
        while (*text == '#')
            text++;
        const char *close = strstr(text, "##}");
        if (close && close > text)
            return true;
    }
    return false;
}

/* Reports a message callback whose returned text lacks the code. */
static void check_code_message(amp_check *c, const amp_value *fn, const char *what,
                               const char *param)
{
    const amp_value *text = returned_string(fn);
    if (!text || strstr(text->str, CODE_PLACEHOLDER))
        return;
    amp_report(c, "auth-message-missing-placeholder", text->loc,
               "%s does not contain the verification code, so users would never see it and Amplify "
               "refuses the message. Call the callback's argument where the code goes, e.g. "
               "`(%s) => `Your code is ${%s()}``.",
               what, param, param);
}

/* verificationEmailBody: the code (CODE style) or the link (LINK style). */
static void check_email_body(amp_check *c, const amp_value *email)
{
    const amp_value *fn = value_of(email, "verificationEmailBody");
    const amp_value *text = returned_string(fn);
    if (!text)
        return;
    const amp_prop *style = prop_of(email, "verificationEmailStyle");
    const char *s = style && style->value->kind == AMP_VAL_STRING ? style->value->str : NULL;
    if (style && !s)
        return;
    bool link = s && strcmp(s, "LINK") == 0;
    if (s && !link && strcmp(s, "CODE") != 0)
        return; /* an invalid style, reported by the generic check */
    if (link && !has_link(text->str))
        amp_report(
            c, "auth-message-missing-placeholder", text->loc,
            "verificationEmailBody does not contain the verification link (verificationEmailStyle "
            "is 'LINK'), and Amplify refuses it. Call the callback's argument where the link "
            "goes, e.g. `(createLink) => `Confirm here: ${createLink('Verify')}``.");
    else if (!link)
        check_code_message(c, fn, "verificationEmailBody", "createCode");
}

/* The code (or link) placeholders of the three message callbacks. */
static void check_messages(amp_check *c, const amp_value *lw, const amp_value *mfa)
{
    const amp_value *email = value_of(lw, "email");
    if (email && email->kind == AMP_VAL_OBJECT)
        check_email_body(c, email);
    const amp_value *phone = value_of(lw, "phone");
    if (phone && phone->kind == AMP_VAL_OBJECT)
        check_code_message(c, value_of(phone, "verificationMessage"), "phone.verificationMessage",
                           "createCode");
    const amp_value *sms = value_of(mfa, "sms");
    if (sms && sms->kind == AMP_VAL_OBJECT)
        check_code_message(c, value_of(sms, "smsMessage"), "multifactor.sms.smsMessage",
                           "createCode");
}

/* ---- multifactor ----------------------------------------------------------- */

/* The MFA mode when known ("OFF", "OPTIONAL", "REQUIRED"), else NULL. */
static const char *mfa_mode(const amp_value *mfa)
{
    return mfa && mfa->kind == AMP_VAL_OBJECT ? amp_opt_string(mfa, "mode") : NULL;
}

/* Phone login with MFA on needs SMS among the factors. */
static void check_phone_sms(amp_check *c, const amp_value *lw, const amp_prop *mfa)
{
    const char *mode = mfa_mode(mfa->value);
    if (!mode || strcmp(mode, "OFF") == 0 || truthy_key(lw, "phone") != 1 ||
        truthy_key(mfa->value, "sms") != 0)
        return;
    amp_report(
        c, "auth-phone-mfa-without-sms", mfa->key_loc,
        "loginWith.phone is on and multifactor.mode is '%s', but SMS is not an MFA factor; "
        "Amplify requires it in that case. Add `sms: true` to multifactor (or set mode: 'OFF').",
        mode);
}

/* multifactor.email needs an SES sender (the catalogue's `requires`). */
static void check_email_mfa(amp_check *c, const amp_value *props, const amp_value *mfa)
{
    const amp_prop *email = prop_of(mfa, "email");
    const char *mode = mfa_mode(mfa);
    if (!email || email->value->kind != AMP_VAL_BOOL || !email->value->b || !mode ||
        strcmp(mode, "OFF") == 0)
        return;
    const char *needs = amp_cat_attr(amp_opt_entry("defineAuth.multifactor.email"), "requires");
    bool unknown = false;
    if (!needs || amp_opt_path(props, needs, &unknown) || unknown)
        return;
    amp_report(c, "auth-email-mfa-without-ses", email->key_loc,
               "Email MFA needs Amplify to send mail through Amazon SES, but defineAuth has no "
               "`senders.email.fromEmail`. Add `senders: { email: { fromEmail: "
               "'no-reply@your-domain' } }` "
               "with an SES-verified address, or remove `email: true` from multifactor.");
}

/* Passwordless sign-in cannot be combined with required MFA. */
static void check_passwordless_mfa(amp_check *c, const amp_value *lw, const amp_value *mfa)
{
    const amp_prop *mode = prop_of(mfa, "mode");
    if (!mode || mode->value->kind != AMP_VAL_STRING || strcmp(mode->value->str, "REQUIRED") != 0)
        return;
    static const char *const paths[] = {"email.otpLogin", "phone.otpLogin", "webAuthn"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        bool unknown = false;
        const amp_value *v = amp_opt_path(lw, paths[i], &unknown);
        if (unknown || amp_opt_truthy(v) != 1)
            continue;
        amp_diag *d = amp_report(
            c, "auth-passwordless-with-required-mfa", mode->value->loc,
            "multifactor.mode is 'REQUIRED' while loginWith.%s enables passwordless sign-in; "
            "Cognito "
            "cannot combine them and Amplify refuses the configuration. Use mode: 'OPTIONAL' (or "
            "'OFF'), or turn passwordless sign-in off.",
            paths[i]);
        amp_relate(c, d, v->loc, "passwordless sign-in is enabled here");
        return;
    }
}

/* ---- passwordlessOptions ----------------------------------------------------- */

/* The preferred challenge must be enabled (the catalogue's requires.X). */
static void check_preferred_challenge(amp_check *c, const amp_value *props)
{
    bool unknown = false;
    const amp_value *v = amp_opt_path(props, "passwordlessOptions.preferredChallenge", &unknown);
    if (!v || v->kind != AMP_VAL_STRING || !v->str)
        return;
    char key[80];
    snprintf(key, sizeof key, "requires.%s", v->str);
    const char *needs =
        amp_cat_attr(amp_opt_entry("defineAuth.passwordlessOptions.preferredChallenge"), key);
    if (!needs)
        return;
    const amp_value *setting = amp_opt_path(props, needs, &unknown);
    if (unknown || amp_opt_truthy(setting) != 0)
        return;
    amp_report(
        c, "auth-preferred-challenge-disabled", v->loc,
        "The preferred challenge '%s' is not enabled, so the sign-in flow would break. Enable "
        "it with `%s: true` in defineAuth (`%s`), or choose another challenge.",
        v->str, strrchr(needs, '.') ? strrchr(needs, '.') + 1 : needs, needs);
}

/* ---- custom attributes ------------------------------------------------------- */

/* Checks custom:NAME keys: name length, how many, and constraint keys that
 * belong to another dataType (the catalogue's data_type attr). */
static void check_custom_attribute(amp_check *c, const amp_prop *p, const amp_cat_entry *glob,
                                   bool fresh)
{
    const char *prefix = amp_cat_attr(glob, "key_prefix");
    const char *max_len = amp_cat_attr(glob, "max_name_length");
    size_t plen = prefix ? strlen(prefix) : 0;
    size_t nlen = strlen(p->key) - plen;
    if (nlen == 0) {
        amp_report(c, "auth-custom-attribute-invalid", p->key_loc,
                   "'%s' has no attribute name after the prefix; write e.g. '%srole'.", p->key,
                   prefix);
        return;
    }
    if (max_len && nlen > (size_t)atoi(max_len)) {
        amp_report(
            c, "auth-custom-attribute-invalid", p->key_loc,
            "The custom attribute name '%s' is %zu characters long; Cognito allows at most %s "
            "after '%s' and rejects the user pool. Shorten it.",
            p->key + plen, nlen, max_len, prefix);
        return;
    }
    const amp_value *attr = p->value;
    const char *type = attr->kind == AMP_VAL_OBJECT ? amp_opt_string(attr, "dataType") : NULL;
    for (size_t i = 0; type && fresh && attr->binding < 0 && i < attr->prop_count; i++) {
        const amp_cat_entry *k = amp_cat_key(glob, attr->props[i].key);
        const char *only = amp_cat_attr(k, "data_type");
        if (only && strcmp(only, type) != 0 && loc_within(attr->props[i].key_loc, attr->loc))
            amp_report(c, "auth-custom-attribute-invalid", attr->props[i].key_loc,
                       "'%s' applies only to custom attributes of dataType '%s', but '%s' is '%s'; "
                       "remove it or change dataType.",
                       attr->props[i].key, only, p->key, type);
    }
}

/* Every custom: attribute of userAttributes, and how many there are. */
static void check_custom_attributes(amp_check *c, const amp_value *props)
{
    const amp_prop *ua = prop_of(props, "userAttributes");
    if (!ua || ua->value->kind != AMP_VAL_OBJECT)
        return;
    const amp_cat_entry *attrs = amp_opt_entry("defineAuth.userAttributes");
    const amp_cat_entry *glob = amp_cat_key(attrs, "custom:x");
    const char *prefix = amp_cat_attr(glob, "key_prefix");
    const char *max_count = amp_cat_attr(glob, "max_count");
    if (!glob || !prefix)
        return;
    bool fresh = props->binding < 0 && ua->value->binding < 0;
    size_t count = 0;
    for (size_t i = 0; i < ua->value->prop_count; i++) {
        const amp_prop *p = &ua->value->props[i];
        if (strncmp(p->key, prefix, strlen(prefix)) != 0 || amp_value_prop(ua->value, p->key) != p)
            continue;
        check_custom_attribute(c, p, glob, fresh);
        if (max_count && ++count == (size_t)atoi(max_count) + 1)
            amp_report(
                c, "auth-custom-attribute-invalid", p->key_loc,
                "This is custom attribute number %zu; Cognito allows at most %s per user pool. "
                "Remove some.",
                count, max_count);
    }
}

/* OIDC providers with the same name: the auth construct names each
 * provider's construct `${authName}${name}OidcIDP`, so the second one throws
 * CDK's "There is already a Construct with name ..." at synthesis. */
static void check_oidc_names(amp_check *c, const amp_value *lw)
{
    const amp_value *ext = value_of(lw, "externalProviders");
    const amp_value *oidc = value_of(ext, "oidc");
    if (!oidc || oidc->kind != AMP_VAL_ARRAY)
        return;
    for (size_t i = 0; i < oidc->item_count; i++) {
        const amp_prop *name = prop_of(oidc->items[i], "name");
        if (!name || name->value->kind != AMP_VAL_STRING)
            continue;
        for (size_t k = 0; k < i; k++) {
            const amp_prop *first = prop_of(oidc->items[k], "name");
            if (!first || first->value->kind != AMP_VAL_STRING ||
                strcmp(first->value->str, name->value->str) != 0)
                continue;
            amp_diag *d = amp_report(
                c, "auth-duplicate-provider-name", name->value->loc,
                "A second OIDC provider named '%s': Amplify names each provider's construct after "
                "its name (<auth name>%sOidcIDP), so CDK fails with \"There is already a "
                "Construct with name ...\". Give each provider its own name.",
                name->value->str, name->value->str);
            amp_relate(c, d, first->value->loc, "the first provider named '%s'", first->value->str);
            break;
        }
    }
}

void amp_rules_options_auth(amp_check *c, const amp_resource *r)
{
    const amp_value *props = r->props;
    if (!props || props->kind != AMP_VAL_OBJECT)
        return;
    const amp_prop *login = prop_of(props, "loginWith");
    const amp_prop *mfa = prop_of(props, "multifactor");
    const amp_value *lw = login ? login->value : NULL;
    if (login)
        check_email_or_phone(c, login);
    if (lw && lw->kind == AMP_VAL_OBJECT) {
        check_messages(c, lw, mfa ? mfa->value : NULL);
        if (mfa && mfa->value->kind == AMP_VAL_OBJECT) {
            check_phone_sms(c, lw, mfa);
            check_passwordless_mfa(c, lw, mfa->value);
        }
    }
    if (mfa && mfa->value->kind == AMP_VAL_OBJECT)
        check_email_mfa(c, props, mfa->value);
    check_preferred_challenge(c, props);
    check_custom_attributes(c, props);
    check_oidc_names(c, lw);
    amp_rules_options_ignored(c, r);
}
