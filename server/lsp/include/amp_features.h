/*
 * amp_features.h: the LSP language features, one file per family.
 *
 *   feat_completion.c  completion (+ resolve), signature help, hover
 *   feat_navigation.c  definition, references, document highlight,
 *                      prepareRename + rename, document and workspace
 *                      symbols, inlay hints, semantic tokens, and the hover
 *                      text of model symbols (models, fields, functions,
 *                      groups), which hover asks for first
 *   feat_codeaction.c  code actions: the quick fixes of amp_fix.h
 *
 * Each family adds its server capabilities in initialize through its
 * *_capabilities function, and answers its requests through the handlers
 * below (registered in session.c). Handlers read params defensively (a wrong
 * shape is InvalidParams, never a crash) and compute answers with the pure
 * core (server/core/features/) from the document and the backend's model.
 */
#ifndef AMP_FEATURES_H
#define AMP_FEATURES_H

#include <jansson.h>

#include "amp_nav.h"
#include "amp_session.h"
#include "amp_workspace.h"

/* Capabilities (caps is the ServerCapabilities object being built). */
void amp_feat_completion_capabilities(amp_session *s, json_t *caps);
void amp_feat_navigation_capabilities(amp_session *s, json_t *caps);
void amp_feat_codeaction_capabilities(amp_session *s, json_t *caps);

/* feat_completion.c */
void amp_handle_completion(amp_session *s, json_t *id, json_t *params);
void amp_handle_completion_resolve(amp_session *s, json_t *id, json_t *params);
void amp_handle_signature_help(amp_session *s, json_t *id, json_t *params);
void amp_handle_hover(amp_session *s, json_t *id, json_t *params);

/* feat_navigation.c */
void amp_handle_definition(amp_session *s, json_t *id, json_t *params);
void amp_handle_references(amp_session *s, json_t *id, json_t *params);
void amp_handle_document_highlight(amp_session *s, json_t *id, json_t *params);
void amp_handle_prepare_rename(amp_session *s, json_t *id, json_t *params);
void amp_handle_rename(amp_session *s, json_t *id, json_t *params);
void amp_handle_document_symbol(amp_session *s, json_t *id, json_t *params);
void amp_handle_workspace_symbol(amp_session *s, json_t *id, json_t *params);
void amp_handle_inlay_hint(amp_session *s, json_t *id, json_t *params);
void amp_handle_semantic_tokens(amp_session *s, json_t *id, json_t *params);
/* Markdown describing the model symbol at offset of f (a model, field,
 * function, group ...), or NULL when there is none. Returns a new
 * reference. Hover calls this before its catalogue lookups. */
json_t *amp_nav_hover_markdown(amp_session *s, amp_file *f, uint32_t offset);
/* The document with this URI when it is part of a backend, else NULL
 * (borrowed from the workspace). */
amp_file *amp_backend_document(amp_session *s, const char *uri);
/* A WorkspaceEdit for edits (in file and position order) in the files of
 * model m whose texts are texts: versioned documentChanges when the client
 * supports them, else changes by URI. Returns a new reference. */
json_t *amp_workspace_edit_json(amp_session *s, const amp_model *m, const amp_text *const *texts,
                                const amp_nav_edit *edits, size_t count);
/* The same for edits in one file f outside every model (loc.file 0 is f). */
json_t *amp_file_edit_json(amp_session *s, amp_file *f, const amp_nav_edit *edits, size_t count);

/* feat_codeaction.c */
void amp_handle_code_action(amp_session *s, json_t *id, json_t *params);

#endif
