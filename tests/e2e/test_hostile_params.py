"""End-to-end, hostile params: wrong parameter types and null params on every
method the server registers (read from the dispatch tables of
server/lsp/session.c), and positions past the end of a line or of the
document, negative, huge, fractional or inside a surrogate pair on every
request that takes one, in UTF-16 and UTF-8 sessions. Every test ends by
proving that the server still serves and still holds the editor's text."""
import os

from hostile_util import backend_tree, dispatch_table, rmtree, serving, answer, RESOURCE
from lspclient import Server, check, run, uri_of

# Requests whose params the server may ignore (LSP gives them no required
# params), so they may succeed whatever is sent.
PARAMS_OPTIONAL = {"shutdown", "workspace/diagnostic", "workspace/symbol", "completionItem/resolve"}
# Requests that take a position, and the members they need besides it.
POSITION_REQUESTS = {
    "textDocument/completion": {}, "textDocument/signatureHelp": {}, "textDocument/hover": {},
    "textDocument/definition": {}, "textDocument/references": {"context": {"includeDeclaration": True}},
    "textDocument/documentHighlight": {}, "textDocument/prepareRename": {},
    "textDocument/rename": {"newName": "Renamed"},
}
# Requests that take a range, and the members they need besides it.
RANGE_REQUESTS = {"textDocument/inlayHint": {}, "textDocument/codeAction": {"context": {"diagnostics": []}}}


def bad_params(uri):
    """Params of wrong shapes: none, null, wrong types at every level."""
    doc = {"uri": uri}
    return [
        None, [], [1, 2], {}, [{"textDocument": doc}],
        {"textDocument": None}, {"textDocument": 5}, {"textDocument": "x"}, {"textDocument": []},
        {"textDocument": {}}, {"textDocument": {"uri": None}}, {"textDocument": {"uri": 7}},
        {"textDocument": {"uri": ["file:///x"]}}, {"textDocument": {"uri": ""}},
        {"textDocument": doc, "position": None}, {"textDocument": doc, "position": "0:0"},
        {"textDocument": doc, "position": [0, 0]}, {"textDocument": doc, "position": {}},
        {"textDocument": doc, "position": {"line": "0", "character": 0}},
        {"textDocument": doc, "position": {"line": 0, "character": None}},
        {"textDocument": doc, "position": {"line": True, "character": False}},
        {"textDocument": doc, "position": {"line": 0, "character": 0}, "newName": 5},
        {"textDocument": doc, "position": {"line": 0, "character": 0}, "newName": None},
        {"textDocument": doc, "position": {"line": 0, "character": 0}, "context": 5},
        {"textDocument": doc, "position": {"line": 0, "character": 0}, "context": {"triggerKind": "x"}},
        {"textDocument": doc, "range": 5}, {"textDocument": doc, "range": {"start": 1, "end": None}},
        {"textDocument": doc, "range": {"start": {"line": -1, "character": 0}, "end": {}}},
        {"query": 5}, {"query": None}, {"previousResultIds": 5}, {"previousResultIds": [1, None]},
        {"label": 5, "data": {"x": [1]}}, {"label": None}, {"value": 5},
        {"capabilities": 5, "processId": "x", "rootUri": 5, "workspaceFolders": 5},
        {"textDocument": doc, "contentChanges": 5}, {"textDocument": doc, "contentChanges": [5, None, {}]},
        {"textDocument": doc, "contentChanges": [{"text": None}, {"range": 5, "text": "x"}]},
        {"textDocument": {"uri": uri, "version": "x"}, "contentChanges": [{"text": 5}]},
        {"textDocument": {"uri": uri, "text": None, "version": None}},
        {"changes": 5}, {"changes": [5, {"uri": 5, "type": "x"}, {"uri": uri, "type": 99}]},
        {"event": 5}, {"event": {"added": 5, "removed": [5, {"uri": 7}]}},
        {"id": {"nested": [1, {"deep": None}]}}, {"settings": None},
        {"textDocument": doc, "position": {"line": 0, "character": 0}, "extra": {"x" * 1000: [None] * 1000}},
    ]


def test_wrong_types_and_null_on_every_request():
    root = backend_tree()
    try:
        uri = uri_of(os.path.join(root, "amplify/data/resource.ts"))
        requests, _ = dispatch_table()
        with Server(debug=True) as s:
            s.initialize(root=root)
            s.open(uri, RESOURCE)
            lenient = []
            for method, _debug in requests:
                if method in ("initialize", "shutdown"):
                    continue  # lifecycle: covered below and at the end
                for params in bad_params(uri):
                    msg = answer(s, method, params)
                    if "error" in msg:
                        code = msg["error"]["code"]
                        check(code in (-32602, -32600, -32601, -32603),
                              "%s with %.80r: unexpected error %s" % (method, params, msg["error"]))
                        check(code != -32603, "%s with %.80r: internal error" % (method, params))
                    elif method not in PARAMS_OPTIONAL and msg["result"] not in (None, [], {}) and \
                            msg["result"] != {"kind": "full", "items": []}:
                        # Something computed: only from params that name a document.
                        check(isinstance(params, dict) and isinstance(params.get("textDocument"), dict)
                              and isinstance(params["textDocument"].get("uri"), str),
                              "%s with %.80r answered %.200r" % (method, params, msg["result"]))
                    elif method not in PARAMS_OPTIONAL and not (
                            isinstance(params, dict) and isinstance(params.get("textDocument"), dict)
                            and isinstance(params["textDocument"].get("uri"), str)):
                        lenient.append(method)
            if lenient:
                print("info: answered null instead of InvalidParams: %s" % sorted(set(lenient)))
            serving(s, uri, RESOURCE)
            # The second initialize, whatever its params, is refused.
            for params in bad_params(uri)[:6]:
                msg = answer(s, "initialize", params)
                check(msg["error"]["code"] in (-32600, -32602), "second initialize: %s" % msg)
            serving(s, uri, RESOURCE)
            # shutdown takes no params: with junk it still shuts down.
            msg = answer(s, "shutdown", [1, {"x": None}])
            check(msg.get("result", 1) is None, "shutdown with junk params: %s" % msg)
            s.notify("exit", {"junk": True})
            check(s.proc.wait(timeout=20) == 0, "exit after shutdown: code 0")
    finally:
        rmtree(root)


def test_wrong_types_and_null_on_every_notification():
    root = backend_tree()
    try:
        uri = uri_of(os.path.join(root, "amplify/data/resource.ts"))
        _, notifications = dispatch_table()
        with Server(debug=True) as s:
            s.initialize(root=root)
            s.open(uri, RESOURCE, version=5)
            for method in notifications:
                if method == "exit":
                    continue  # ends the session: last
                for params in bad_params(uri):
                    if method == "textDocument/didClose" and isinstance(params, dict) and \
                            isinstance(params.get("textDocument"), dict) and params["textDocument"].get("uri") == uri:
                        continue  # a valid close
                    if method == "textDocument/didOpen" and isinstance(params, dict) and \
                            isinstance(params.get("textDocument"), dict) and \
                            isinstance(params["textDocument"].get("text"), str):
                        continue  # a valid open
                    s.notify(method, params)
                serving(s, uri, RESOURCE)
            doc = s.debug_document(uri)
            check(doc["open"] and doc["inBackend"], "the document is still open and analysed: %s" % doc)
            s.shutdown_and_exit(0)
    finally:
        rmtree(root)


def positions(text):
    """Hostile positions for a text whose line 0 holds an emoji (a surrogate
    pair in UTF-16) at UTF-16 column 11."""
    lines = text.split("\n")
    return [
        ("inside the surrogate pair", {"line": 0, "character": 12}),
        ("after the pair", {"line": 0, "character": 13}),
        ("past the end of the line", {"line": 0, "character": 10000}),
        ("past the last line", {"line": len(lines) + 5, "character": 0}),
        ("on the last line, past its end", {"line": len(lines) - 1, "character": 99}),
        ("at uint32 max", {"line": 2 ** 32 - 1, "character": 2 ** 32 - 1}),
        ("past uint32", {"line": 2 ** 32 + 5, "character": 2 ** 40}),
        ("past int53", {"line": 2 ** 62, "character": 2 ** 62}),
        ("negative line", {"line": -1, "character": 0}),
        ("negative character", {"line": 0, "character": -1}),
        ("int64 min", {"line": -2 ** 63, "character": 0}),
        ("fractional", {"line": 0.5, "character": 1.5}),
        ("exponent", {"line": 1e3, "character": 0}),
    ]


def check_positions(encodings):
    text = ("const e = '\U0001F600';\r\n" + RESOURCE).replace("owner()", "owner() /* \u00e9\u20ac */")
    root = backend_tree({"amplify/data/resource.ts": text})
    try:
        uri = uri_of(os.path.join(root, "amplify/data/resource.ts"))
        with Server(debug=True) as s:
            s.initialize(root=root, encodings=encodings)
            s.open(uri, text)
            for method, extra, ranged in [(m, x, False) for m, x in POSITION_REQUESTS.items()] + \
                    [(m, x, True) for m, x in RANGE_REQUESTS.items()]:
                for name, pos in positions(text):
                    if ranged:
                        params = dict(extra, textDocument={"uri": uri}, range={"start": pos, "end": pos})
                    else:
                        params = dict(extra, textDocument={"uri": uri}, position=pos)
                    msg = answer(s, method, params)
                    valid = all(isinstance(v, int) and 0 <= v for v in pos.values())
                    if valid:
                        check("error" not in msg or msg["error"]["code"] != -32603,
                              "%s %s: %s" % (method, name, msg))
                        # Clamped, not refused (ARCHITECTURE.md invariant 4);
                        # rename may refuse a place with nothing to rename.
                        check("error" not in msg or method in ("textDocument/rename", "textDocument/prepareRename"),
                              "%s %s must be clamped, not refused: %s" % (method, name, msg))
                    else:
                        check("error" not in msg or msg["error"]["code"] == -32602,
                              "%s %s: %s" % (method, name, msg))
                # A change with the same hostile positions, then the text is still exact.
            for name, pos in positions(text):
                if all(isinstance(v, int) and 0 <= v for v in pos.values()):
                    continue
                s.change(uri, 2, [{"range": {"start": pos, "end": pos}, "text": "X"}])
            serving(s, uri, text)
            s.shutdown_and_exit(0)
    finally:
        rmtree(root)


def test_hostile_positions_utf16():
    check_positions(("utf-16",))


def test_hostile_positions_utf8():
    check_positions(("utf-8",))


def test_hostile_positions_utf32():
    check_positions(("utf-32",))


if __name__ == "__main__":
    run([test_wrong_types_and_null_on_every_request, test_wrong_types_and_null_on_every_notification,
         test_hostile_positions_utf16, test_hostile_positions_utf8, test_hostile_positions_utf32])
