/*
 * feat_navigation.c: definition, references, document highlight, rename,
 * symbols, inlay hints, semantic tokens and the hover text of model symbols.
 * Not implemented yet: the capabilities are not advertised and the handlers
 * answer null.
 */
#include "amp_features.h"
#include "session_internal.h"

void amp_feat_navigation_capabilities(amp_session *s, json_t *caps)
{
    (void)s;
    (void)caps;
}

#define AMP_NULL_HANDLER(name)                                                                     \
    void name(amp_session *s, json_t *id, json_t *params)                                         \
    {                                                                                              \
        (void)params;                                                                              \
        amp_reply(s, id, json_null());                                                             \
    }

AMP_NULL_HANDLER(amp_handle_definition)
AMP_NULL_HANDLER(amp_handle_references)
AMP_NULL_HANDLER(amp_handle_document_highlight)
AMP_NULL_HANDLER(amp_handle_prepare_rename)
AMP_NULL_HANDLER(amp_handle_rename)
AMP_NULL_HANDLER(amp_handle_document_symbol)
AMP_NULL_HANDLER(amp_handle_workspace_symbol)
AMP_NULL_HANDLER(amp_handle_inlay_hint)
AMP_NULL_HANDLER(amp_handle_semantic_tokens)

json_t *amp_nav_hover_markdown(amp_session *s, amp_file *f, uint32_t offset)
{
    (void)s;
    (void)f;
    (void)offset;
    return NULL;
}
