"""End-to-end, hostile documents: requests on files never opened or that do
not exist, a 10 MB document, 100,000 nested parentheses, 10,000-deep nested
builder calls and method chains, invalid UTF-8 and NUL bytes in files on
disk, and 1,000 didChange notifications in one burst. Every test ends by
proving that the server still serves and still holds the editor's text."""
import json
import os
import subprocess

import lspclient
from hostile_util import answer, backend_tree, dispatch_table, rmtree, serving, write, RESOURCE
from lspclient import Server, check, frame, position_of, run, uri_of


def test_requests_on_unopened_and_missing_files():
    root = backend_tree({"amplify/functions/fn/handler.ts": "export const handler = async () => 1;\n",
                         "amplify/notes.txt": "not typescript\n"})
    try:
        resource = uri_of(os.path.join(root, "amplify/data/resource.ts"))
        uris = [uri_of(os.path.join(root, "amplify/functions/fn/handler.ts")),  # on disk, never opened
                uri_of(os.path.join(root, "amplify/missing.ts")),               # does not exist
                uri_of(os.path.join(root, "amplify")),                          # a directory
                uri_of(os.path.join(root, "amplify/notes.txt")),
                "untitled:never-opened", "file:///a%00b.ts", "file://remote-host/share/x.ts",
                "file:relative.ts", "http://example.com/x.ts", "file:///%ZZ", "file:///", "", "x" * 5000]
        requests, _ = dispatch_table()
        with Server(debug=True) as s:
            s.initialize(root=root)
            s.open(resource, RESOURCE)
            for uri in uris:
                pos = {"line": 0, "character": 3}
                for method, _ in requests:
                    if method in ("initialize", "shutdown"):
                        continue
                    params = {"textDocument": {"uri": uri}, "position": pos, "newName": "X",
                              "range": {"start": pos, "end": pos}, "context": {"includeDeclaration": True},
                              "query": "", "previousResultIds": []}
                    msg = answer(s, method, params)
                    if "error" in msg:
                        check(msg["error"]["code"] in (-32602, -32600), "%s on %.60s: %s" % (method, uri, msg))
                    elif method == "amplify-ls/debugDocument":
                        # Only files the server analyses are known (read from disk, never opened).
                        check(msg["result"]["open"] is False, "%s is not open" % uri)
                # Requests do not make the server hold (or read) a document.
                s.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
                s.change(uri, 9, [{"text": "x"}])
            serving(s, resource, RESOURCE)
            for uri in uris[1:]:
                err = s.error_of("amplify-ls/debugDocument", {"textDocument": {"uri": uri}})
                check(err["code"] == -32602, "%.60s is unknown: %s" % (uri, err))
            s.shutdown_and_exit(0)
    finally:
        rmtree(root)


def test_ten_megabyte_document():
    root = backend_tree()
    try:
        uri = uri_of(os.path.join(root, "amplify/data/resource.ts"))
        line = "// a comment line of the ten megabyte file \u00e9\U0001F600\n"
        big = RESOURCE + line * (10 * 1024 * 1024 // len(line.encode()) + 1)
        check(len(big.encode()) > 10 * 1024 * 1024, "the document is over 10 MB")
        with Server(debug=True) as s:
            s.initialize(root=root)
            s.open(uri, big)
            doc = s.debug_document(uri)
            check(doc["text"] == big, "the 10 MB text is held exactly")
            check(doc["tree"] is None, "a document over the parse limit is not parsed")
            end = position_of(big, len(big))
            for method in ("textDocument/hover", "textDocument/completion", "textDocument/definition",
                           "textDocument/references", "textDocument/documentSymbol",
                           "textDocument/semanticTokens/full", "textDocument/inlayHint"):
                for pos in ({"line": 2, "character": 5}, end):
                    msg = answer(s, method, {"textDocument": {"uri": uri}, "position": pos,
                                             "context": {"includeDeclaration": True},
                                             "range": {"start": {"line": 0, "character": 0}, "end": pos}})
                    check("error" not in msg or msg["error"]["code"] == -32602, "%s: %s" % (method, msg))
            # Edits at both ends of the big document.
            s.change(uri, 2, [{"range": {"start": end, "end": end}, "text": "// tail\n"},
                              {"range": {"start": {"line": 0, "character": 0},
                                         "end": {"line": 0, "character": 0}}, "text": "// head\n"}])
            big = "// head\n" + big + "// tail\n"
            serving(s, uri, big)
            # Back under the limit: parsed again.
            s.change(uri, 3, [{"text": RESOURCE}])
            doc = s.debug_document(uri)
            check(doc["text"] == RESOURCE and doc["tree"] is not None and doc["invariantsHold"],
                  "parsed again once small")
            s.shutdown_and_exit(0)
    finally:
        rmtree(root)


def deep_sources():
    n = 100000
    d = 10000
    return {
        "parentheses": "export const x = " + "(" * n + "1" + ")" * n + ";\n",
        # Unbalanced: tree-sitter 0.20.7 (Debian's) corrupts memory once a
        # node has 65,536 children or more (a 16-bit child count, fixed
        # upstream in 0.20.8); the parse guard (amp_doc.h) refuses this one
        # and e2e test_parse_guard.py holds the cases over the limit.
        "unbalanced": "export const y = " + "(" * 60000 + "a.model({" + "\n",
        "nested builder calls": ("import { a, defineData } from '@aws-amplify/backend';\n"
                                 "const schema = a.schema({ T: " + "a.customType({ x: " * d + "a.string()"
                                 + " })" * d + ", M: a.model({ f: " + "a.ref(" * d + "'T'" + ")" * d
                                 + " }) });\nexport const data = defineData({ schema });\n"),
        # 1,000, not 10,000: the evaluator's memory and time grow with the
        # square of a chain's length (154 MB and 8 s for 2,000 repeated
        # .required(); see the report of the hostile-input work).
        "method chain": ("import { a, defineData } from '@aws-amplify/backend';\n"
                         "const schema = a.schema({ M: a.model({ f: a.string()" + ".required()" * 1000
                         + " }).authorization((allow) => [allow.owner()" + ".to(['read'])" * 1000
                         + "]) });\nexport const data = defineData({ schema });\n"),
        "nested arrays and objects": "export const z = " + "[{a: " * d + "1" + "}]" * d + ";\n",
        "nested arrow functions": "export const f = " + "(a) => " * d + "a;\n",
        "nested templates": "export const t = " + "`${" * 2000 + "1" + "}`" * 2000 + ";\n",
    }


def test_deep_nesting():
    root = backend_tree()
    try:
        uri = uri_of(os.path.join(root, "amplify/data/resource.ts"))
        with Server(debug=True) as s:
            s.initialize(root=root)
            version = 1
            s.open(uri, RESOURCE, version)
            for name, text in deep_sources().items():
                version += 1
                s.change(uri, version, [{"text": text}])
                diags = s.diagnostics_for(uri, version)
                check(isinstance(diags, list), "%s: diagnostics published" % name)
                mid = position_of(text, len(text) // 2)
                for method in ("textDocument/hover", "textDocument/completion", "textDocument/definition",
                               "textDocument/references", "textDocument/documentSymbol",
                               "textDocument/semanticTokens/full", "textDocument/inlayHint",
                               "textDocument/documentHighlight", "textDocument/prepareRename"):
                    msg = answer(s, method, {"textDocument": {"uri": uri}, "position": mid,
                                             "context": {"includeDeclaration": True},
                                             "range": {"start": {"line": 0, "character": 0}, "end": mid}})
                    check("error" not in msg or msg["error"]["code"] not in (-32603,), "%s %s: %s" % (name, method, msg))
                # An edit in the middle of the nesting, then the text is exact.
                s.change(uri, version + 1, [{"range": {"start": mid, "end": mid}, "text": "0"}])
                version += 1
                i = len(text) // 2
                text = text[:i] + "0" + text[i:]
                doc = s.request("amplify-ls/debugDocument", {"textDocument": {"uri": uri}})
                check(doc["text"] == text and doc["invariantsHold"], "%s: text exact after an edit" % name)
            serving(s, uri, text)
            s.shutdown_and_exit(0)
        # The same files on disk, through `amplify-ls check`.
        for name, text in deep_sources().items():
            write(root, "amplify/data/resource.ts", text)
            p = subprocess.run([lspclient.BINARY, "check", "--format", "json", root], capture_output=True,
                               timeout=120)
            check(p.returncode in (0, 1), "check on %s: exit %d\n%s" % (name, p.returncode, p.stderr[-2000:]))
            json.loads(p.stdout)
    finally:
        rmtree(root)


def replaced(data):
    """What the server shows for bytes that may be invalid UTF-8: each byte
    that does not start a valid sequence becomes U+FFFD (lspjson.c)."""
    out, i = [], 0
    while i < len(data):
        for n in (1, 2, 3, 4):
            try:
                ch = data[i:i + n].decode("utf-8")
                if len(ch) == 1:
                    out.append(ch)
                    i += n
                    break
            except UnicodeDecodeError:
                pass
        else:
            out.append("\ufffd")
            i += 1
    return "".join(out)


INVALID = (b"import { a, defineData } from '@aws-amplify/backend';\n"
           b"const schema = a.schema({\n"
           b"  P\xffost: a.model({ ti\x00tle: a.string(), e: a.string().default('\xc3') }),\n"
           b"  Q: a.model({ x: a.string().default('\xe2\x82 \xc0\xaf \xed\xa0\x80 \xf4\x90\x80\x80 \xf0\x9f\x98\x80') }),\n"
           b"}).authorization((allow) => [allow.owner()]);\n"
           b"// \xfe\xff\x00\x00 trailing bytes \xe2\x82\xac\x80\n"
           b"export const data = defineData({ schema });\n")


def test_invalid_utf8_and_nul_on_disk():
    root = backend_tree({"amplify/data/resource.ts": INVALID})
    try:
        path = os.path.join(root, "amplify/data/resource.ts")
        uri = uri_of(path)
        with Server(debug=True) as s:
            s.initialize(root=root)
            diags = s.diagnostics_for(uri)
            check(isinstance(diags, list), "diagnostics of a file with invalid UTF-8")
            for d in diags:
                r = d["range"]
                check(0 <= r["start"]["line"] <= r["end"]["line"] <= 7, "range inside the file: %s" % d)
            doc = s.debug_document(uri)
            check(doc["text"] == replaced(INVALID), "invalid bytes shown as U+FFFD, NUL kept:\n%r" % doc["text"])
            check(doc["invariantsHold"], "invariants hold")
            for line in range(8):
                for ch in (0, 3, 9, 30, 60, 200):
                    msg = answer(s, "textDocument/hover", {"textDocument": {"uri": uri},
                                                          "position": {"line": line, "character": ch}})
                    check("error" not in msg, "hover %d:%d: %s" % (line, ch, msg))
            for method in ("textDocument/documentSymbol", "textDocument/semanticTokens/full"):
                check("error" not in answer(s, method, {"textDocument": {"uri": uri}}), method)
            # The editor opens it (JSON carries only valid text): its buffer wins.
            s.open(uri, "export const clean = 1;\n", 3)
            serving(s, uri, "export const clean = 1;\n")
            # Closed again: the disk bytes come back.
            s.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
            doc = s.debug_document(uri)
            check(doc["text"] == replaced(INVALID) and not doc["open"], "the disk copy is back")
            s.shutdown_and_exit(0)
        for fmt in ("text", "json", "sarif", "github"):
            p = subprocess.run([lspclient.BINARY, "check", "--format", fmt, root], capture_output=True, timeout=60)
            check(p.returncode in (0, 1), "check --format %s: exit %d %s" % (fmt, p.returncode, p.stderr))
            if fmt in ("json", "sarif"):
                json.loads(p.stdout)
            else:
                p.stdout.decode("utf-8")
    finally:
        rmtree(root)


def test_thousand_changes_in_one_burst():
    root = backend_tree()
    try:
        uri = uri_of(os.path.join(root, "amplify/data/resource.ts"))
        with Server(debug=True) as s:
            s.initialize(root=root)
            s.open(uri, RESOURCE, 1)
            text = RESOURCE
            data = b""
            for i in range(1000):
                # Alternately insert at a moving spot and delete what was inserted before it.
                idx = (i * 37) % (len(text) + 1)
                if i % 3 == 2 and idx + 2 <= len(text):
                    a, b = position_of(text, idx), position_of(text, idx + 2)
                    new = ""
                    text = text[:idx] + text[idx + 2:]
                else:
                    a = b = position_of(text, idx)
                    new = "\u00e9\U0001F600x\n"[i % 4]
                    text = text[:idx] + new + text[idx:]
                data += frame({"jsonrpc": "2.0", "method": "textDocument/didChange",
                               "params": {"textDocument": {"uri": uri, "version": i + 2},
                                          "contentChanges": [{"range": {"start": a, "end": b}, "text": new}]}})
            data += frame({"jsonrpc": "2.0", "id": "after-burst", "method": "amplify-ls/debugDocument",
                           "params": {"textDocument": {"uri": uri}}})
            s.send_raw(data)
            doc = s.response("after-burst")["result"]
            check(doc["version"] == 1001, "the last version: %s" % doc["version"])
            check(doc["text"] == text, "the text after 1,000 changes is exact")
            diags = s.diagnostics_for(uri, 1001)
            check(isinstance(diags, list), "diagnostics for the last version")
            serving(s, uri, text)
            s.shutdown_and_exit(0)
    finally:
        rmtree(root)


if __name__ == "__main__":
    run([test_requests_on_unopened_and_missing_files, test_ten_megabyte_document, test_deep_nesting,
         test_invalid_utf8_and_nul_on_disk, test_thousand_changes_in_one_burst])
