/*
 * rules_backend_triggers.c: a Cognito trigger wired twice (backend sheet
 * §4, §11).
 *
 * defineAuth adds every key of `triggers` to the user pool with CDK's
 * UserPool.addTrigger(UserPoolOperation.of(key), lambda) while defineBackend
 * runs (backend-auth factory.ts), and a sender handler
 * (`senders.email.handler`, `senders.sms.handler`) as the customEmailSender /
 * customSmsSender trigger (auth-construct construct.ts). addTrigger throws
 * "A trigger for the operation ${name} already exists." when the operation
 * already has one, so a backend.ts
 * `backend.auth.resources.userPool.addTrigger(UserPoolOperation.X, fn)` for
 * an operation defineAuth already wires, or a second addTrigger for the same
 * operation, fails the synthesis. Only calls that certainly run are read,
 * and only operations spelled UserPoolOperation.NAME or
 * UserPoolOperation.of('name').
 */
#include "rules_backend_internal.h"

#include <ctype.h>
#include <string.h>

#define CODE "backend-duplicate-trigger"
#define MAX_OP 64

/* The user pool operation named by an addTrigger argument's text, written
 * into out (lower camel case, as CDK names it); false when the text is not
 * [ns.]UserPoolOperation.NAME or [ns.]UserPoolOperation.of('name'). */
static bool operation_name(const char *src, char out[MAX_OP])
{
    const char *tag = "UserPoolOperation.", *at = src ? strstr(src, tag) : NULL;
    if (!at)
        return false;
    for (const char *p = src; p < at; p++)
        if (!isalnum((unsigned char)*p) && *p != '_' && *p != '$' && *p != '.')
            return false;
    const char *s = at + strlen(tag);
    size_t n = 0;
    if (strncmp(s, "of(", 3) == 0 && (s[3] == '\'' || s[3] == '"' || s[3] == '`')) {
        const char *e = strchr(s + 4, s[3]);
        if (!e || strcmp(e + 1, ")") != 0 || e == s + 4 || (size_t)(e - s - 4) >= MAX_OP)
            return false;
        memcpy(out, s + 4, (size_t)(e - s - 4));
        out[e - s - 4] = '\0';
        return true;
    }
    bool up = false;
    for (; *s && n + 1 < MAX_OP; s++) {
        if (*s == '_') {
            up = n > 0;
            continue;
        }
        if (!isupper((unsigned char)*s) && !isdigit((unsigned char)*s))
            return false;
        out[n++] = up ? *s : (char)tolower((unsigned char)*s);
        up = false;
    }
    out[n] = '\0';
    return *s == '\0' && n > 0;
}

/* Where defineAuth resource r wires operation op: its `triggers` key, or
 * the `handler` key of the sender that makes it; {0} with *found false when
 * it does not (or when what it wires is not known). */
static amp_loc auth_wires(const amp_resource *r, const char *op, bool *found)
{
    *found = false;
    const amp_value *props = r->props;
    if (!props || props->kind != AMP_VAL_OBJECT || props->open)
        return (amp_loc){0};
    const amp_prop *triggers = amp_value_prop(props, "triggers");
    const amp_value *t = triggers ? triggers->value : NULL;
    const amp_prop *p = t && t->kind == AMP_VAL_OBJECT && !t->open ? amp_value_prop(t, op) : NULL;
    bool sender = strcmp(op, "customEmailSender") == 0 || strcmp(op, "customSmsSender") == 0;
    if (!p && sender) {
        const amp_prop *senders = amp_value_prop(props, "senders");
        const amp_value *s = senders ? senders->value : NULL;
        const char *channel = strcmp(op, "customEmailSender") == 0 ? "email" : "sms";
        const amp_prop *ch = s && s->kind == AMP_VAL_OBJECT ? amp_value_prop(s, channel) : NULL;
        p = ch && ch->value && ch->value->kind == AMP_VAL_OBJECT
                ? amp_value_prop(ch->value, "handler")
                : NULL;
    }
    if (!p || !p->value || p->value->kind == AMP_VAL_UNDEFINED || p->value->kind == AMP_VAL_NULL)
        return (amp_loc){0};
    *found = true;
    return p->key_loc;
}

/* True when call adds a trigger to the user pool of a defineAuth resource
 * and certainly runs; fills op. */
static bool adds_trigger(const amp_model *m, const amp_backend_call *call, char op[MAX_OP])
{
    int r = call->on.resource;
    return !call->conditional && r >= 0 && (size_t)r < m->resource_count &&
           m->resources[r].kind == AMP_RES_AUTH && call->on.path &&
           strcmp(call->on.path, "resources.userPool") == 0 &&
           strcmp(call->method, "addTrigger") == 0 && operation_name(call->first_arg_src.s, op);
}

void amp_backend_check_triggers(amp_check *c)
{
    const amp_model *m = c->m;
    for (size_t i = 0; i < m->backend_use_count; i++) {
        const amp_backend_call *call = &m->backend_uses[i];
        char op[MAX_OP], other[MAX_OP];
        if (!adds_trigger(m, call, op))
            continue;
        const amp_resource *auth = &m->resources[call->on.resource];
        bool found;
        amp_loc site = auth_wires(auth, op, &found);
        if (found) {
            amp_diag *d = amp_report(
                c, CODE, call->first_arg_src.loc,
                "defineAuth already wires the %s trigger, so this addTrigger throws \"A trigger "
                "for the operation %s already exists.\" Keep one: remove the trigger from "
                "defineAuth, or this call.",
                op, op);
            amp_relate(c, d, site, "defineAuth sets the %s trigger here", op);
            continue;
        }
        for (size_t k = 0; k < i; k++) {
            const amp_backend_call *e = &m->backend_uses[k];
            if (adds_trigger(m, e, other) && e->on.resource == call->on.resource &&
                strcmp(other, op) == 0) {
                amp_diag *d = amp_report(
                    c, CODE, call->first_arg_src.loc,
                    "The %s trigger is already added by an earlier addTrigger call, so this "
                    "one throws \"A trigger for the operation %s already exists.\" Keep one.",
                    op, op);
                amp_relate(c, d, e->first_arg_src.loc, "%s is first added here", op);
                break;
            }
        }
    }
}
