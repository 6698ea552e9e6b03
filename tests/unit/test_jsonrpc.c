/*
 * test_jsonrpc.c: JSON-RPC 2.0 decoding and the messages the server builds.
 */
#include "amp_jsonrpc.h"
#include "amp_test.h"

#include <stdlib.h>

static amp_msg_kind decode(const char *s, amp_rpc_msg *m)
{
    return amp_rpc_decode(s, strlen(s), m);
}

static void test_request_notification_response(void)
{
    amp_rpc_msg m;
    AMP_CHECK_INT(
        decode("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}", &m),
        AMP_MSG_REQUEST);
    AMP_CHECK_STR(m.method, "initialize");
    AMP_CHECK_INT(json_integer_value(m.id), 1);
    amp_rpc_msg_clear(&m);
    AMP_CHECK_INT(decode("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\"}", &m),
                  AMP_MSG_NOTIFICATION);
    AMP_CHECK(m.params == NULL);
    amp_rpc_msg_clear(&m);
    AMP_CHECK_INT(decode("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"result\":null}", &m),
                  AMP_MSG_RESPONSE);
    amp_rpc_msg_clear(&m);
    AMP_CHECK_INT(
        decode("{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":1,\"message\":\"m\"}}", &m),
        AMP_MSG_RESPONSE);
    AMP_CHECK(m.error != NULL);
    amp_rpc_msg_clear(&m);
}

static void test_invalid_messages(void)
{
    struct {
        const char *body;
        int code;
        int has_id;
    } cases[] = {
        {"{not json", AMP_RPC_PARSE_ERROR, 0},
        {"", AMP_RPC_PARSE_ERROR, 0},
        {"[1,2]", AMP_RPC_INVALID_REQUEST, 0},
        {"42", AMP_RPC_INVALID_REQUEST, 0},
        {"{\"jsonrpc\":\"1.0\",\"id\":3,\"method\":\"x\"}", AMP_RPC_INVALID_REQUEST, 1},
        {"{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":5}", AMP_RPC_INVALID_REQUEST, 1},
        {"{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"x\",\"params\":5}", AMP_RPC_INVALID_REQUEST,
         1},
        {"{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"x\"}", AMP_RPC_INVALID_REQUEST, 0},
        {"{\"jsonrpc\":\"2.0\",\"id\":1}", AMP_RPC_INVALID_REQUEST, 1},
        {"{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"x\"}", AMP_RPC_PARSE_ERROR, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        amp_rpc_msg m;
        AMP_CHECK_INT(decode(cases[i].body, &m), AMP_MSG_INVALID);
        AMP_CHECK_INT(m.error_code, cases[i].code);
        AMP_CHECK_INT(m.id != NULL, cases[i].has_id);
        AMP_CHECK(m.error_text[0] != '\0');
        amp_rpc_msg_clear(&m);
    }
}

static void test_builders(void)
{
    json_t *id = json_integer(4);
    json_t *msg = amp_rpc_error(id, AMP_RPC_METHOD_NOT_FOUND, NULL, NULL);
    char *s = json_dumps(msg, JSON_COMPACT | JSON_SORT_KEYS);
    AMP_CHECK_STR(s, "{\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":4,"
                     "\"jsonrpc\":\"2.0\"}");
    free(s);
    json_decref(msg);
    msg = amp_rpc_result(NULL, json_true());
    s = json_dumps(msg, JSON_COMPACT | JSON_SORT_KEYS);
    AMP_CHECK_STR(s, "{\"id\":null,\"jsonrpc\":\"2.0\",\"result\":true}");
    free(s);
    size_t len;
    char *frame = amp_rpc_encode_frame(msg, &len);
    const char *want =
        "Content-Length: 41\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":null,\"result\":true}";
    AMP_CHECK_INT(len, strlen(want));
    AMP_CHECK(memcmp(frame, want, len) == 0);
    free(frame);
    json_decref(msg);
    json_decref(id);
    AMP_CHECK_STR(amp_rpc_error_text(-32800), "Request cancelled");
    AMP_CHECK_STR(amp_rpc_error_text(-32002), "Server not initialized");
}

int main(void)
{
    AMP_RUN(test_request_notification_response);
    AMP_RUN(test_invalid_messages);
    AMP_RUN(test_builders);
    return amp_test_summary();
}
