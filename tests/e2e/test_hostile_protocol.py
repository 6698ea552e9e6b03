"""End-to-end, hostile input at the protocol level: bodies that are not JSON or
not JSON-RPC, wrong Content-Length headers, unknown methods, duplicate request
ids, cancellation of unknown ids, unexpected responses. Every test ends by
proving that the server still serves and still holds the editor's text
(amplify-ls/debugDocument)."""
import json

from hostile_util import serving
from lspclient import Server, check, frame, run

URI = "untitled:hostile-protocol"
TEXT = "const a = '\U0001F600 \u00e9';\r\nconst b = 2;\n"


def session():
    s = Server(debug=True)
    s.initialize()
    s.open(URI, TEXT)
    return s


def test_bodies_not_json():
    with session() as s:
        for body in (b"{this is not json", b"", b" ", b"\x00", b"\xff\xfe\xfd", b"{\"a\":",
                     b"[1, 2", b"nul", b"1e99999", b"\"unterminated", b"{\"jsonrpc\":\"2.0\",\"id\":1,}",
                     b"\xef\xbb\xbf{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}", b"{" * 100000):
            s.send_raw(frame(raw=body))
            msg = s.response(None)
            check(msg["error"]["code"] == -32700, "parse error for %r: %s" % (body[:20], msg))
        serving(s, URI, TEXT)
        s.shutdown_and_exit(0)


def test_bodies_not_jsonrpc():
    with session() as s:
        cases = [
            ({"jsonrpc": "1.0", "id": 10, "method": "x"}, 10),
            ({"id": 11, "method": "x"}, 11),
            ({"jsonrpc": 2.0, "id": 12, "method": "x"}, 12),
            ({"jsonrpc": "2.0", "id": 13, "method": 5}, 13),
            ({"jsonrpc": "2.0", "id": 14, "method": None}, 14),
            ({"jsonrpc": "2.0", "id": 15, "method": "x", "params": "str"}, 15),
            ({"jsonrpc": "2.0", "id": 16, "method": "x", "params": 5}, 16),
            ({"jsonrpc": "2.0", "id": 17}, 17),
            ({"jsonrpc": "2.0", "id": 18, "result": 1, "error": {"code": 1, "message": "m"}}, 18),
            ({"jsonrpc": "2.0", "id": 1.5, "method": "x"}, None),
            ({"jsonrpc": "2.0", "id": {"a": 1}, "method": "x"}, None),
            ({"jsonrpc": "2.0", "id": [1], "method": "x"}, None),
            ({"jsonrpc": "2.0", "id": True, "method": "x"}, None),
            ({"jsonrpc": "2.0"}, None),
            ({}, None),
        ]
        for msg, id in cases:
            s.send(msg)
            if id is not None:
                reply = s.response(id)
                check(reply["error"]["code"] == -32600, "invalid request %s: %s" % (msg, reply))
        for raw in (b"[1,2,3]", b"[]", b"42", b"\"x\"", b"null", b"true",
                    b'{"jsonrpc":"2.0","id":1,"id":2,"method":"x"}'):
            s.send_raw(frame(raw=raw))
        serving(s, URI, TEXT)
        s.shutdown_and_exit(0)


def test_content_length_missing_negative_huge_short():
    with session() as s:
        good = json.dumps({"jsonrpc": "2.0", "id": 99, "method": "x/y"}).encode()
        cases = [
            b"\r\n\r\n" + good,                                       # no header at all
            b"Content-Type: application/json\r\n\r\n" + good,         # no Content-Length
            b"Content-Length: -1\r\n\r\n" + good,                     # negative
            b"Content-Length: -99999999999999999999\r\n\r\n" + good,
            b"Content-Length: 1e3\r\n\r\n" + good,                    # not an integer
            b"Content-Length: 0x10\r\n\r\n" + good,
            b"Content-Length: \r\n\r\n" + good,                       # empty
            b"Content-Length: 99999999999999999999999\r\n\r\n" + good,  # overflows
            b"Content-Length: 18446744073709551615\r\n\r\n" + good,   # SIZE_MAX
            b"Content-Length: 4294967297\r\n\r\n" + good,             # 2^32 + 1
            b"Content-Length: 999999999\r\n\r\n" + good,              # over the cap
            b"Content-Length: 5\r\n\r\n" + good,                      # too short
            b"Content-Length: 0\r\n\r\n",                              # empty body
            b"Content-Length: 5\n\n" + good,                          # LF only
            b"Content-Length 5\r\n\r\n" + good,                       # no colon
            b"X" * 5000 + b"\r\n\r\n",                                # endless header
            b"\x00\xff garbage bytes \r\n\r\n",
        ]
        for i, bad in enumerate(cases):
            s.send_raw(bad)
            # A well-formed request right after: answered, the stream resynchronised.
            s.send_raw(frame({"jsonrpc": "2.0", "id": 1000 + i, "method": "x/y"}))
            msg = s.response(1000 + i)
            check(msg["error"]["code"] == -32601, "case %d answered after resync: %s" % (i, msg))
        # Two Content-Length headers, mixed case, extra headers, blanks.
        body = json.dumps({"jsonrpc": "2.0", "id": 2000, "method": "x/y"}).encode()
        s.send_raw(b"content-length:  %d \r\nX-Extra: 1\r\nContent-Type: application/vscode-jsonrpc; "
                   b"charset=utf-8\r\n\r\n" % len(body) + body)
        check(s.response(2000)["error"]["code"] == -32601, "lenient headers accepted")
        # A length longer than the body, made up by trailing blanks: still one message.
        s.send_raw(b"Content-Length: %d\r\n\r\n" % (len(good) + 40) + good + b" " * 40)
        check(s.response(99)["error"]["code"] == -32601, "trailing blanks are part of the body")
        serving(s, URI, TEXT)
        s.shutdown_and_exit(0)


def test_unknown_methods():
    with session() as s:
        for method in ("unknown/method", "", "textDocument/", "$/unknown", "textDocument/hover2",
                       "TEXTDOCUMENT/HOVER", "textDocument/hover\u0000x", "\U0001F600", "a" * 10000,
                       "amplify-ls/debugDocument/extra", "rpc.discover"):
            err = s.error_of(method, {"textDocument": {"uri": URI}})
            # A NUL in a method name is refused outright (it once dispatched
            # "textDocument/hover\0x" as hover).
            want = -32600 if "\u0000" in method else -32601
            check(err["code"] == want, "%r: %s" % (method[:40], err))
        for method in ("unknown/notification", "$/progress", "$/unknown", "", "window/logMessage"):
            s.notify(method, {"x": 1})
        serving(s, URI, TEXT)
        s.shutdown_and_exit(0)


def test_duplicate_request_ids():
    with session() as s:
        hover = {"textDocument": {"uri": URI}, "position": {"line": 0, "character": 1}}
        data = b"".join(frame({"jsonrpc": "2.0", "id": 7, "method": m, "params": hover})
                        for m in ("textDocument/hover", "amplify-ls/debugDocument", "x/y", "textDocument/hover"))
        data += frame({"jsonrpc": "2.0", "id": "7", "method": "x/y"})  # same digits, other type
        data += frame({"jsonrpc": "2.0", "id": None, "method": "x/y"})
        s.send_raw(data)
        answers = [s.response(7) for _ in range(4)]
        check(answers[1]["result"]["text"] == TEXT, "each duplicate answered in order: %s" % answers[1])
        check(answers[2]["error"]["code"] == -32601, "third duplicate: %s" % answers[2])
        check(s.response("7")["error"]["code"] == -32601, "string id kept as a string")
        check(s.response(None)["error"]["code"] == -32601, "a null id is still answered")
        # Cancelling a duplicated id cancels every queued request with it.
        data = b"".join(frame({"jsonrpc": "2.0", "id": 8, "method": "amplify-ls/debugDocument",
                               "params": {"textDocument": {"uri": URI}}}) for _ in range(3))
        data += frame({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 8}})
        s.send_raw(data)
        for _ in range(3):
            check(s.response(8)["error"]["code"] == -32800, "cancelled")
        serving(s, URI, TEXT)
        s.shutdown_and_exit(0)


def test_cancel_unknown_ids():
    with session() as s:
        for params in ({"id": 424242}, {"id": "never-sent"}, {"id": None}, {"id": {"x": 1}},
                       {"id": [1]}, {"id": 1.5}, {}, None, [1, 2], {"id": -1}, {"id": 2 ** 63}):
            s.notify("$/cancelRequest", params)
        # A cancel sent as a request is an unknown request, answered.
        err = s.error_of("$/cancelRequest", {"id": 1})
        check(err["code"] == -32601, "cancel as a request: %s" % err)
        # Cancelling a request already answered does nothing.
        s.debug_document(URI)
        s.notify("$/cancelRequest", {"id": s.next_id - 1})
        serving(s, URI, TEXT)
        s.shutdown_and_exit(0)


def test_unexpected_responses_from_client():
    with session() as s:
        for msg in ({"jsonrpc": "2.0", "id": "amplify-ls-999", "result": None},
                    {"jsonrpc": "2.0", "id": 12345, "result": {"x": 1}},
                    {"jsonrpc": "2.0", "id": None, "error": {"code": -1, "message": "m"}},
                    {"jsonrpc": "2.0", "id": "amplify-ls-1", "error": "not an object"},
                    {"jsonrpc": "2.0", "id": 1, "result": None, "method": "x"}):
            s.send(msg)
        serving(s, URI, TEXT)
        s.shutdown_and_exit(0)


def test_lifecycle_abuse():
    with Server(debug=True) as s:
        # Everything before initialize: requests refused, notifications dropped.
        err = s.error_of("textDocument/hover", {"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}})
        check(err["code"] == -32002, "not initialized: %s" % err)
        s.notify("textDocument/didOpen", {"textDocument": {"uri": URI, "version": 1, "text": "dropped"}})
        err = s.error_of("initialize", [1, 2])
        check(err["code"] == -32602, "initialize with array params: %s" % err)
        s.initialize()
        err = s.error_of("initialize", {"capabilities": {}})
        check(err["code"] == -32600, "second initialize: %s" % err)
        err = s.error_of("amplify-ls/debugDocument", {"textDocument": {"uri": URI}})
        check(err["code"] == -32602, "the didOpen before initialize was dropped: %s" % err)
        s.open(URI, TEXT)
        s.notify("initialized", {})  # a second initialized: harmless
        serving(s, URI, TEXT)
        s.shutdown_and_exit(0)


if __name__ == "__main__":
    run([test_bodies_not_json, test_bodies_not_jsonrpc, test_content_length_missing_negative_huge_short,
         test_unknown_methods, test_duplicate_request_ids, test_cancel_unknown_ids,
         test_unexpected_responses_from_client, test_lifecycle_abuse])
