"""End-to-end: hostile and malformed protocol input. Every case ends with a
valid request, proving the server still serves."""
from lspclient import Server, check, frame, run

URI = "file:///tmp/amplify-ls-e2e/amplify/data/resource.ts"


def still_serving(s):
    err = s.error_of("amplify-ls/ping-unknown")
    check(err["code"] == -32601, "server still answers: %s" % err)


def test_body_not_json():
    with Server() as s:
        s.initialize()
        s.send_raw(frame(raw=b"{this is not json"))
        msg = s.response(None)
        check(msg["error"]["code"] == -32700, "parse error: %s" % msg)
        still_serving(s)
        s.shutdown_and_exit(0)


def test_not_jsonrpc():
    with Server() as s:
        s.initialize()
        s.send({"jsonrpc": "1.0", "id": 77, "method": "x"})
        msg = s.response(77)
        check(msg["error"]["code"] == -32600, "invalid request: %s" % msg)
        s.send_raw(frame(raw=b"[1,2,3]"))
        s.send_raw(frame(raw=b"42"))
        s.send({"jsonrpc": "2.0", "id": 78, "method": 12})
        msg = s.response(78)
        check(msg["error"]["code"] == -32600, "method must be a string: %s" % msg)
        still_serving(s)
        s.shutdown_and_exit(0)


def test_bad_headers_resynchronise():
    with Server() as s:
        s.initialize()
        for bad in (b"Content-Length: -5\r\n\r\n{}",
                    b"Content-Length: nope\r\n\r\n{}",
                    b"Content-Type: application/json\r\n\r\n{}",
                    b"Content-Length: 99999999999999\r\n\r\n{}",
                    b"Content-Length: 3\r\n\r\n{\"jsonrpc\":\"2.0\"}",
                    b"\x00\xff garbage bytes \r\n\r\n"):
            s.send_raw(bad)
            still_serving(s)
        s.shutdown_and_exit(0)


def test_split_writes_and_batches():
    with Server() as s:
        s.initialize()
        data = b"".join(frame({"jsonrpc": "2.0", "id": 100 + i, "method": "nope/%d" % i}) for i in range(20))
        for i in range(0, len(data), 7):
            s.send_raw(data[i:i + 7])
        for i in range(20):
            check(s.response(100 + i)["error"]["code"] == -32601, "answered in order")
        s.shutdown_and_exit(0)


def test_wrong_params_types():
    with Server() as s:
        s.initialize()
        for method in ("textDocument/diagnostic", "amplify-ls/debugDocument"):
            for params in (None, {}, {"textDocument": 5}, {"textDocument": {"uri": 7}}, [1, 2]):
                err = s.error_of(method, params)
                check(err["code"] == -32602, "%s with %r: %s" % (method, params, err))
        for method in ("textDocument/didOpen", "textDocument/didChange", "textDocument/didClose",
                       "workspace/didChangeWatchedFiles", "workspace/didChangeWorkspaceFolders",
                       "$/cancelRequest", "$/setTrace"):
            for params in (None, {}, {"textDocument": None}, {"changes": "x", "event": 3}, [1]):
                s.notify(method, params)
        s.notify("textDocument/didOpen", {"textDocument": {"uri": URI, "text": 12}})
        s.notify("textDocument/didChange", {"textDocument": {"uri": URI}, "contentChanges": [{"range": 1, "text": "x"}]})
        still_serving(s)
        s.shutdown_and_exit(0)


def test_cancel_and_content_modified():
    with Server() as s:
        s.initialize()
        s.open(URI, "const a = 1;\n")
        # Requests and the cancel/change that follow them arrive in one write.
        data = frame({"jsonrpc": "2.0", "id": 501, "method": "amplify-ls/debugDocument",
                      "params": {"textDocument": {"uri": URI}}})
        data += frame({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 501}})
        data += frame({"jsonrpc": "2.0", "id": 502, "method": "amplify-ls/debugDocument",
                       "params": {"textDocument": {"uri": URI}}})
        data += frame({"jsonrpc": "2.0", "method": "textDocument/didChange",
                       "params": {"textDocument": {"uri": URI, "version": 2},
                                  "contentChanges": [{"text": "const b = 2;\n"}]}})
        data += frame({"jsonrpc": "2.0", "id": 503, "method": "amplify-ls/debugDocument",
                       "params": {"textDocument": {"uri": URI}}})
        s.send_raw(data)
        check(s.response(501)["error"]["code"] == -32800, "cancelled request")
        check(s.response(502)["error"]["code"] == -32801, "content modified")
        check(s.response(503)["result"]["text"] == "const b = 2;\n", "later request sees the change")
        # Cancelling an unknown or finished id is harmless.
        s.notify("$/cancelRequest", {"id": 9999})
        s.notify("$/cancelRequest", {"id": 503})
        still_serving(s)
        s.shutdown_and_exit(0)


def test_duplicate_request_ids_each_answered():
    with Server() as s:
        s.initialize()
        s.send_raw(frame({"jsonrpc": "2.0", "id": 5, "method": "a/b"}) +
                   frame({"jsonrpc": "2.0", "id": 5, "method": "c/d"}))
        check(s.response(5)["error"]["code"] == -32601, "first")
        check(s.response(5)["error"]["code"] == -32601, "second")
        s.shutdown_and_exit(0)


def test_invalid_utf8_and_nul_in_document():
    with Server() as s:
        s.initialize()
        # JSON carries NUL as \u0000; invalid UTF-8 cannot be carried by JSON at all.
        s.open(URI, "const a = '\u0000';\n")
        doc = s.debug_document(URI)
        check(doc["text"] == "const a = '\u0000';\n", "NUL kept")
        s.send_raw(frame(raw=b'{"jsonrpc":"2.0","id":9,"method":"x","params":{"s":"\xff\xfe"}}'))
        check(s.response(None)["error"]["code"] == -32700, "invalid UTF-8 body is a parse error")
        still_serving(s)
        s.shutdown_and_exit(0)


if __name__ == "__main__":
    run([test_body_not_json, test_not_jsonrpc, test_bad_headers_resynchronise,
         test_split_writes_and_batches, test_wrong_params_types, test_cancel_and_content_modified,
         test_duplicate_request_ids_each_answered, test_invalid_utf8_and_nul_in_document])
