/*
 * jsonrpc.c: JSON-RPC 2.0 decoding and message builders (see amp_jsonrpc.h).
 *
 * Validation follows the JSON-RPC 2.0 specification: "jsonrpc" must be
 * "2.0"; a request has a string method and an id that is a string, an integer
 * or null; params, when present, are an object or an array; a response has
 * an id and exactly one of result and error. Batches (arrays) are not used by
 * LSP and are answered as invalid requests.
 */
#include "amp_jsonrpc.h"
#include "amp_framing.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *amp_rpc_error_text(int code)
{
    switch (code) {
#define AMP_RPC_CASE(name, c, text)                                                                \
    case c:                                                                                        \
        return text;
        AMP_RPC_ERRORS(AMP_RPC_CASE)
#undef AMP_RPC_CASE
    }
    return "Unknown error";
}

void amp_rpc_msg_clear(amp_rpc_msg *msg)
{
    json_decref(msg->root);
    memset(msg, 0, sizeof *msg);
}

static amp_msg_kind invalid(amp_rpc_msg *out, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(out->error_text, sizeof out->error_text, fmt, ap);
    va_end(ap);
    out->kind = AMP_MSG_INVALID;
    out->error_code = code;
    return out->kind;
}

static int id_is_valid(const json_t *id)
{
    return json_is_string(id) || json_is_integer(id) || json_is_null(id);
}

/* Classifies a decoded object whose "jsonrpc" member was checked. */
static amp_msg_kind classify(amp_rpc_msg *out)
{
    json_t *root = out->root;
    json_t *id = json_object_get(root, "id");
    json_t *method = json_object_get(root, "method");
    if (id && id_is_valid(id))
        out->id = id;
    if (method) {
        if (!json_is_string(method))
            return invalid(out, AMP_RPC_INVALID_REQUEST, "\"method\" must be a string");
        /* A NUL inside would make "textDocument/hover\u0000x" dispatch as
         * textDocument/hover. */
        if (strlen(json_string_value(method)) != json_string_length(method))
            return invalid(out, AMP_RPC_INVALID_REQUEST, "\"method\" must not contain NUL");
        out->method = json_string_value(method);
        json_t *params = json_object_get(root, "params");
        if (params && !json_is_object(params) && !json_is_array(params) && !json_is_null(params))
            return invalid(out, AMP_RPC_INVALID_REQUEST, "\"params\" must be an object or array");
        out->params = json_is_null(params) ? NULL : params;
        if (!id)
            return out->kind = AMP_MSG_NOTIFICATION;
        if (!id_is_valid(id))
            return invalid(out, AMP_RPC_INVALID_REQUEST, "\"id\" must be a string or integer");
        return out->kind = AMP_MSG_REQUEST;
    }
    json_t *result = json_object_get(root, "result");
    json_t *error = json_object_get(root, "error");
    if (id && (result != NULL) != (error != NULL)) {
        out->result = result;
        out->error = error;
        return out->kind = AMP_MSG_RESPONSE;
    }
    return invalid(out, AMP_RPC_INVALID_REQUEST, "neither a request nor a response");
}

amp_msg_kind amp_rpc_decode(const char *body, size_t len, amp_rpc_msg *out)
{
    memset(out, 0, sizeof *out);
    json_error_t err;
    out->root =
        json_loadb(body, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL | JSON_DECODE_ANY, &err);
    if (!out->root) {
        /* jansson ends many texts with " near '<the token so far>'", which
         * can be a whole string of document text: it is logged, so it is
         * cut off (the offset says where the error is). */
        char *near = strstr(err.text, " near '");
        if (near)
            *near = '\0';
        return invalid(out, AMP_RPC_PARSE_ERROR, "body is not valid JSON: %s (offset %d)", err.text,
                       err.position);
    }
    if (json_is_array(out->root))
        return invalid(out, AMP_RPC_INVALID_REQUEST, "JSON-RPC batches are not supported");
    if (!json_is_object(out->root))
        return invalid(out, AMP_RPC_INVALID_REQUEST, "message must be a JSON object");
    const char *version = json_string_value(json_object_get(out->root, "jsonrpc"));
    if (!version || strcmp(version, "2.0") != 0) {
        json_t *id = json_object_get(out->root, "id");
        if (id && id_is_valid(id))
            out->id = id;
        return invalid(out, AMP_RPC_INVALID_REQUEST, "\"jsonrpc\" must be \"2.0\"");
    }
    return classify(out);
}

/* A fresh envelope {"jsonrpc":"2.0"}. */
static json_t *envelope(void)
{
    json_t *msg = json_object();
    if (msg)
        json_object_set_new(msg, "jsonrpc", json_string("2.0"));
    return msg;
}

json_t *amp_rpc_result(json_t *id, json_t *result)
{
    json_t *msg = envelope();
    if (!msg) {
        json_decref(result);
        return NULL;
    }
    json_object_set_new(msg, "id", id ? json_deep_copy(id) : json_null());
    json_object_set_new(msg, "result", result ? result : json_null());
    return msg;
}

json_t *amp_rpc_error(json_t *id, int code, const char *message, json_t *data)
{
    json_t *msg = envelope();
    json_t *error = json_object();
    if (!msg || !error) {
        json_decref(msg);
        json_decref(error);
        json_decref(data);
        return NULL;
    }
    json_object_set_new(error, "code", json_integer(code));
    json_object_set_new(error, "message",
                        json_string(message ? message : amp_rpc_error_text(code)));
    if (data)
        json_object_set_new(error, "data", data);
    json_object_set_new(msg, "id", id ? json_deep_copy(id) : json_null());
    json_object_set_new(msg, "error", error);
    return msg;
}

json_t *amp_rpc_notification(const char *method, json_t *params)
{
    json_t *msg = envelope();
    if (!msg) {
        json_decref(params);
        return NULL;
    }
    json_object_set_new(msg, "method", json_string(method));
    if (params)
        json_object_set_new(msg, "params", params);
    return msg;
}

json_t *amp_rpc_request(json_t *id, const char *method, json_t *params)
{
    json_t *msg = amp_rpc_notification(method, params);
    if (msg)
        json_object_set_new(msg, "id", id ? json_deep_copy(id) : json_null());
    return msg;
}

char *amp_rpc_encode_frame(const json_t *msg, size_t *out_len)
{
    char *body = json_dumps(msg, JSON_COMPACT | JSON_ENSURE_ASCII);
    if (!body)
        return NULL;
    char *frame = amp_frame_encode(body, strlen(body), out_len);
    free(body);
    return frame;
}

char *amp_rpc_encode_raw_result(const json_t *id, const char *result, size_t result_len,
                                size_t *out_len)
{
    char *id_text = id ? json_dumps(id, JSON_COMPACT | JSON_ENSURE_ASCII | JSON_ENCODE_ANY) : NULL;
    const char *id_json = id_text ? id_text : "null";
    static const char head[] = "{\"jsonrpc\":\"2.0\",\"id\":";
    static const char mid[] = ",\"result\":";
    size_t id_len = strlen(id_json);
    size_t len = sizeof head - 1 + id_len + sizeof mid - 1 + result_len + 1;
    char *body = malloc(len + 1);
    char *frame = NULL;
    if (body) {
        char *p = body;
        memcpy(p, head, sizeof head - 1);
        p += sizeof head - 1;
        memcpy(p, id_json, id_len);
        p += id_len;
        memcpy(p, mid, sizeof mid - 1);
        p += sizeof mid - 1;
        memcpy(p, result, result_len);
        p += result_len;
        *p++ = '}';
        *p = '\0';
        frame = amp_frame_encode(body, len, out_len);
    }
    free(body);
    free(id_text);
    return frame;
}

int amp_rpc_id_equal(const json_t *a, const json_t *b)
{
    if (!a || !b)
        return 0;
    return json_equal((json_t *)a, (json_t *)b);
}
