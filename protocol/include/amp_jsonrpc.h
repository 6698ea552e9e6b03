/*
 * amp_jsonrpc.h: JSON-RPC 2.0 messages on jansson.
 *
 * Decodes one framed body into a request, notification or response, and
 * builds the messages the server sends. Error codes come from one table
 * (AMP_RPC_ERRORS), the JSON-RPC ones and the LSP ones alike. Nothing here
 * knows about Amplify or about particular LSP methods.
 *
 * Ownership: jansson values follow jansson's rules. Functions that take a
 * value say "takes" (the callee consumes the reference, even on failure, like
 * json_object_set_new); "borrowed" values are valid while their owner lives.
 */
#ifndef AMP_JSONRPC_H
#define AMP_JSONRPC_H

#include <jansson.h>
#include <stddef.h>

/* X(NAME, code, default message) */
#define AMP_RPC_ERRORS(X)                                                                          \
    X(PARSE_ERROR, -32700, "Parse error")                                                          \
    X(INVALID_REQUEST, -32600, "Invalid request")                                                  \
    X(METHOD_NOT_FOUND, -32601, "Method not found")                                                \
    X(INVALID_PARAMS, -32602, "Invalid params")                                                    \
    X(INTERNAL_ERROR, -32603, "Internal error")                                                    \
    X(SERVER_NOT_INITIALIZED, -32002, "Server not initialized")                                    \
    X(UNKNOWN_ERROR_CODE, -32001, "Unknown error")                                                 \
    X(REQUEST_FAILED, -32803, "Request failed")                                                    \
    X(SERVER_CANCELLED, -32802, "Server cancelled")                                                \
    X(CONTENT_MODIFIED, -32801, "Content modified")                                                \
    X(REQUEST_CANCELLED, -32800, "Request cancelled")

typedef enum {
#define AMP_RPC_ENUM(name, code, text) AMP_RPC_##name = code,
    AMP_RPC_ERRORS(AMP_RPC_ENUM)
#undef AMP_RPC_ENUM
} amp_rpc_error_code;

/* The default message of an error code; "Unknown error" for others. */
const char *amp_rpc_error_text(int code);

typedef enum {
    AMP_MSG_INVALID = 0, /* not a JSON-RPC message; see error_code/error */
    AMP_MSG_REQUEST,
    AMP_MSG_NOTIFICATION,
    AMP_MSG_RESPONSE,
} amp_msg_kind;

typedef struct amp_rpc_msg {
    amp_msg_kind kind;
    json_t *root;       /* owned: the whole decoded body (NULL when not JSON) */
    json_t *id;         /* borrowed from root: request or response id, or NULL */
    const char *method; /* borrowed from root */
    json_t *params;     /* borrowed from root, NULL when absent */
    json_t *result;     /* borrowed from root (responses) */
    json_t *error;      /* borrowed from root (error responses) */
    int error_code;     /* with AMP_MSG_INVALID: -32700 or -32600 */
    char error_text[160];
} amp_rpc_msg;

/* Decodes a body. Always fills *out; returns its kind. When the body is JSON
 * but not a valid message, out->id is still set if a usable id was present,
 * so the caller can answer with the error. Free with amp_rpc_msg_clear. */
amp_msg_kind amp_rpc_decode(const char *body, size_t len, amp_rpc_msg *out);

/* Releases out->root and resets the message. */
void amp_rpc_msg_clear(amp_rpc_msg *msg);

/* Builders. Each returns a new reference (owned), or NULL when out of memory.
 * `id` is borrowed (copied into the message; NULL means JSON null);
 * `result`, `params` and `data` are taken. */
json_t *amp_rpc_result(json_t *id, json_t *result);
json_t *amp_rpc_error(json_t *id, int code, const char *message, json_t *data);
json_t *amp_rpc_notification(const char *method, json_t *params);
json_t *amp_rpc_request(json_t *id, const char *method, json_t *params);

/* Serialises msg (borrowed) compactly and frames it. Returns an owned buffer
 * (free with free) with its length in *out_len, or NULL. One allocation per
 * outgoing message, so the writer frees it in its completion callback. */
char *amp_rpc_encode_frame(const json_t *msg, size_t *out_len);

/* Frames a response whose result is already JSON text: result (borrowed,
 * result_len bytes) must be one valid JSON value, in ASCII. For large
 * results built without a tree of json_t. Returns an owned buffer as
 * amp_rpc_encode_frame does, or NULL. */
char *amp_rpc_encode_raw_result(const json_t *id, const char *result, size_t result_len,
                                size_t *out_len);

/* True when two ids are equal (same type and value). */
int amp_rpc_id_equal(const json_t *a, const json_t *b);

#endif
