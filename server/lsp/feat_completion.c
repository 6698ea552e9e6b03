/*
 * feat_completion.c: completion, completionItem/resolve, signature help and
 * hover. Not implemented yet: the capabilities are not advertised and the
 * handlers answer null.
 */
#include "amp_features.h"
#include "session_internal.h"

void amp_feat_completion_capabilities(amp_session *s, json_t *caps)
{
    (void)s;
    (void)caps;
}

void amp_handle_completion(amp_session *s, json_t *id, json_t *params)
{
    (void)params;
    amp_reply(s, id, json_null());
}

void amp_handle_completion_resolve(amp_session *s, json_t *id, json_t *params)
{
    amp_reply(s, id, params ? json_incref(params) : json_null());
}

void amp_handle_signature_help(amp_session *s, json_t *id, json_t *params)
{
    (void)params;
    amp_reply(s, id, json_null());
}

void amp_handle_hover(amp_session *s, json_t *id, json_t *params)
{
    (void)params;
    amp_reply(s, id, json_null());
}
